// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title A constant-product PLAY/USDC pool; its shares are an ERC-20 (PLAY-USDC LP).
/// @notice A swap pays `feeBps` of its input. Of a fee paid in PLAY, `burnShareBps` is burned and the rest stays in
/// the pool for the liquidity providers; a fee paid in USDC stays in the pool whole (USDC cannot be burned).
contract PlaySwap is ERC20, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint256 public constant MINIMUM_LIQUIDITY = 1000;
    uint256 public constant MAX_FEE_BPS = 100;
    address private constant DEAD = 0x000000000000000000000000000000000000dEaD;

    IERC20 public immutable play;
    IERC20 public immutable usdc;

    uint256 public reservePlay;
    uint256 public reserveUsdc;
    uint256 public feeBps = 30;
    uint256 public burnShareBps = 2000;

    event LiquidityAdded(address indexed provider, uint256 amountPlay, uint256 amountUsdc, uint256 shares);
    event LiquidityRemoved(address indexed provider, uint256 amountPlay, uint256 amountUsdc, uint256 shares);
    event Swapped(
        address indexed trader, address indexed tokenIn, uint256 amountIn, uint256 amountOut, uint256 burned
    );
    event FeesChanged(uint256 feeBps, uint256 burnShareBps);

    error UnknownToken(address token);
    error ZeroAmount();
    error InsufficientOutput(uint256 amountOut, uint256 minAmountOut);
    error InsufficientLiquidity();
    error InvalidFees(uint256 feeBps, uint256 burnShareBps);

    constructor(IERC20 playToken, IERC20 usdcToken, address owner) ERC20("Guandan PLAY-USDC LP", "GDLP") Ownable(owner) {
        play = playToken;
        usdc = usdcToken;
    }

    function setFees(uint256 newFeeBps, uint256 newBurnShareBps) external onlyOwner {
        if (newFeeBps > MAX_FEE_BPS || newBurnShareBps > 10_000) revert InvalidFees(newFeeBps, newBurnShareBps);
        feeBps = newFeeBps;
        burnShareBps = newBurnShareBps;
        emit FeesChanged(newFeeBps, newBurnShareBps);
    }

    /// @notice Adds at most the amounts given, at the pool's current ratio (the first provider sets the ratio).
    function addLiquidity(uint256 maxPlay, uint256 maxUsdc, uint256 minShares)
        external
        nonReentrant
        returns (uint256 shares)
    {
        if (maxPlay == 0 || maxUsdc == 0) revert ZeroAmount();
        uint256 amountPlay = maxPlay;
        uint256 amountUsdc = maxUsdc;
        uint256 supply = totalSupply();
        if (supply == 0) {
            shares = Math.sqrt(amountPlay * amountUsdc) - MINIMUM_LIQUIDITY;
            // Shares minted to nobody keep the first provider from later inflating a share's price.
            _mint(DEAD, MINIMUM_LIQUIDITY);
        } else {
            uint256 usdcForPlay = (maxPlay * reserveUsdc) / reservePlay;
            if (usdcForPlay <= maxUsdc) amountUsdc = usdcForPlay;
            else amountPlay = (maxUsdc * reservePlay) / reserveUsdc;
            shares = Math.min((amountPlay * supply) / reservePlay, (amountUsdc * supply) / reserveUsdc);
        }
        if (shares == 0 || shares < minShares) revert InsufficientOutput(shares, minShares);
        play.safeTransferFrom(msg.sender, address(this), amountPlay);
        usdc.safeTransferFrom(msg.sender, address(this), amountUsdc);
        reservePlay += amountPlay;
        reserveUsdc += amountUsdc;
        _mint(msg.sender, shares);
        emit LiquidityAdded(msg.sender, amountPlay, amountUsdc, shares);
    }

    function removeLiquidity(uint256 shares, uint256 minPlay, uint256 minUsdc)
        external
        nonReentrant
        returns (uint256 amountPlay, uint256 amountUsdc)
    {
        if (shares == 0) revert ZeroAmount();
        uint256 supply = totalSupply();
        amountPlay = (shares * reservePlay) / supply;
        amountUsdc = (shares * reserveUsdc) / supply;
        if (amountPlay < minPlay) revert InsufficientOutput(amountPlay, minPlay);
        if (amountUsdc < minUsdc) revert InsufficientOutput(amountUsdc, minUsdc);
        _burn(msg.sender, shares);
        reservePlay -= amountPlay;
        reserveUsdc -= amountUsdc;
        play.safeTransfer(msg.sender, amountPlay);
        usdc.safeTransfer(msg.sender, amountUsdc);
        emit LiquidityRemoved(msg.sender, amountPlay, amountUsdc, shares);
    }

    /// @notice What a swap of `amountIn` of `tokenIn` pays out now, and how much PLAY it burns.
    function quote(address tokenIn, uint256 amountIn) public view returns (uint256 amountOut, uint256 burned) {
        bool playIn = _isPlay(tokenIn);
        (uint256 reserveIn, uint256 reserveOut) = playIn ? (reservePlay, reserveUsdc) : (reserveUsdc, reservePlay);
        if (reserveIn == 0 || reserveOut == 0) revert InsufficientLiquidity();
        uint256 fee = (amountIn * feeBps) / 10_000;
        burned = playIn ? (fee * burnShareBps) / 10_000 : 0;
        uint256 effectiveIn = amountIn - fee;
        amountOut = (effectiveIn * reserveOut) / (reserveIn + effectiveIn);
    }

    function swap(address tokenIn, uint256 amountIn, uint256 minAmountOut)
        external
        nonReentrant
        returns (uint256 amountOut)
    {
        if (amountIn == 0) revert ZeroAmount();
        uint256 burned;
        (amountOut, burned) = quote(tokenIn, amountIn);
        if (amountOut == 0 || amountOut < minAmountOut) revert InsufficientOutput(amountOut, minAmountOut);
        bool playIn = _isPlay(tokenIn);
        IERC20(tokenIn).safeTransferFrom(msg.sender, address(this), amountIn);
        if (playIn) {
            reservePlay += amountIn - burned;
            reserveUsdc -= amountOut;
            if (burned > 0) ERC20Burnable(address(play)).burn(burned);
            usdc.safeTransfer(msg.sender, amountOut);
        } else {
            reserveUsdc += amountIn;
            reservePlay -= amountOut;
            play.safeTransfer(msg.sender, amountOut);
        }
        emit Swapped(msg.sender, tokenIn, amountIn, amountOut, burned);
    }

    function _isPlay(address token) private view returns (bool) {
        if (token == address(play)) return true;
        if (token == address(usdc)) return false;
        revert UnknownToken(token);
    }
}
