// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Stake $PLAY, earn $PLAY.
/// @notice Rewards accrue per second at `rewardRate` (set by the owner, the DAO's timelock), shared among stakers in
/// proportion to their stake: reward-per-token accounting, so every operation costs the same whatever the number of
/// stakers. Rewards are paid from what the contract holds beyond the stakes; the treasury funds it.
contract Staking is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    IERC20 public immutable token;

    uint256 public rewardRate;
    uint256 public totalStaked;
    uint256 public rewardPerTokenStored;
    uint256 public lastUpdateTime;

    mapping(address account => uint256) public stakedOf;
    mapping(address account => uint256) public userRewardPerTokenPaid;
    mapping(address account => uint256) public rewards;

    event Staked(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);
    event RewardPaid(address indexed account, uint256 amount);
    event RewardRateChanged(uint256 rewardRate);

    error ZeroAmount();
    error InsufficientStake(uint256 requested, uint256 staked);
    error InsufficientRewardFunds(uint256 owed, uint256 available);

    constructor(IERC20 stakingToken, address owner) Ownable(owner) {
        token = stakingToken;
        lastUpdateTime = block.timestamp;
    }

    modifier updateReward(address account) {
        rewardPerTokenStored = rewardPerToken();
        lastUpdateTime = block.timestamp;
        if (account != address(0)) {
            rewards[account] = earned(account);
            userRewardPerTokenPaid[account] = rewardPerTokenStored;
        }
        _;
    }

    function rewardPerToken() public view returns (uint256) {
        if (totalStaked == 0) return rewardPerTokenStored;
        return rewardPerTokenStored + ((block.timestamp - lastUpdateTime) * rewardRate * 1e18) / totalStaked;
    }

    function earned(address account) public view returns (uint256) {
        return rewards[account] + (stakedOf[account] * (rewardPerToken() - userRewardPerTokenPaid[account])) / 1e18;
    }

    /// @notice What the contract holds for rewards: its balance beyond the stakes.
    function rewardFunds() public view returns (uint256) {
        return token.balanceOf(address(this)) - totalStaked;
    }

    function setRewardRate(uint256 tokensPerSecond) external onlyOwner updateReward(address(0)) {
        rewardRate = tokensPerSecond;
        emit RewardRateChanged(tokensPerSecond);
    }

    function stake(uint256 amount) external nonReentrant updateReward(msg.sender) {
        if (amount == 0) revert ZeroAmount();
        totalStaked += amount;
        stakedOf[msg.sender] += amount;
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Staked(msg.sender, amount);
    }

    function withdraw(uint256 amount) public nonReentrant updateReward(msg.sender) {
        _withdraw(amount);
    }

    function claim() public nonReentrant updateReward(msg.sender) {
        _claim();
    }

    /// @notice Withdraws the whole stake and claims every reward in one transaction.
    function exit() external nonReentrant updateReward(msg.sender) {
        _withdraw(stakedOf[msg.sender]);
        _claim();
    }

    function _withdraw(uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        uint256 staked = stakedOf[msg.sender];
        if (amount > staked) revert InsufficientStake(amount, staked);
        totalStaked -= amount;
        stakedOf[msg.sender] = staked - amount;
        token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    function _claim() private {
        uint256 owed = rewards[msg.sender];
        if (owed == 0) return;
        uint256 available = rewardFunds();
        if (owed > available) revert InsufficientRewardFunds(owed, available);
        rewards[msg.sender] = 0;
        token.safeTransfer(msg.sender, owed);
        emit RewardPaid(msg.sender, owed);
    }
}
