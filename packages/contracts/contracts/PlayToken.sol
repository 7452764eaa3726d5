// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Pausable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Pausable.sol";

/// @title $PLAY, the reward token players earn at the table.
/// @notice The cap bounds every token ever minted, so a burned token is gone for good and burning is deflationary.
contract PlayToken is ERC20, ERC20Burnable, ERC20Pausable, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint256 public constant CAP = 1_000_000_000 ether;
    uint256 public constant TREASURY_ALLOCATION = 200_000_000 ether;

    uint256 private _totalMinted;

    /// @notice Game ids (the keccak-256 of the server's game id) already rewarded.
    mapping(bytes32 gameId => bool) public gameRewarded;
    /// @notice Batch ids already minted: a worker that resends a batch after a crash cannot pay it twice.
    mapping(bytes32 batchId => bool) public batchMinted;

    /// @param rewardRef The game id or batch id the mint pays for (zero for the treasury allocation).
    event TokensMinted(address indexed to, uint256 amount, bytes32 indexed rewardRef);
    event TokensBurned(address indexed from, uint256 amount);

    error CapExceeded(uint256 requested, uint256 remaining);
    error GameAlreadyRewarded(bytes32 gameId);
    error BatchAlreadyMinted(bytes32 batchId);
    error LengthMismatch(uint256 recipients, uint256 amounts);
    error EmptyBatch();

    constructor(address treasury, address admin) ERC20("Guandan Play", "PLAY") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _mintTracked(treasury, TREASURY_ALLOCATION, bytes32(0));
    }

    function cap() external pure returns (uint256) {
        return CAP;
    }

    function totalMinted() external view returns (uint256) {
        return _totalMinted;
    }

    function remainingMintable() public view returns (uint256) {
        return CAP - _totalMinted;
    }

    function mintGameReward(address to, uint256 amount, bytes32 gameId) external onlyRole(MINTER_ROLE) {
        if (gameRewarded[gameId]) revert GameAlreadyRewarded(gameId);
        gameRewarded[gameId] = true;
        _mintTracked(to, amount, gameId);
    }

    function batchMintRewards(address[] calldata recipients, uint256[] calldata amounts, bytes32 batchId)
        external
        onlyRole(MINTER_ROLE)
    {
        if (recipients.length != amounts.length) revert LengthMismatch(recipients.length, amounts.length);
        if (recipients.length == 0) revert EmptyBatch();
        if (batchMinted[batchId]) revert BatchAlreadyMinted(batchId);
        batchMinted[batchId] = true;
        for (uint256 i = 0; i < recipients.length; ++i) {
            _mintTracked(recipients[i], amounts[i], batchId);
        }
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function _mintTracked(address to, uint256 amount, bytes32 rewardRef) private {
        uint256 remaining = remainingMintable();
        if (amount > remaining) revert CapExceeded(amount, remaining);
        _totalMinted += amount;
        _mint(to, amount);
        emit TokensMinted(to, amount, rewardRef);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Pausable) {
        super._update(from, to, value);
        if (to == address(0)) emit TokensBurned(from, value);
    }
}
