// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PlaySwap} from "../contracts/PlaySwap.sol";
import {PlayToken} from "../contracts/PlayToken.sol";
import {TestUSDC} from "../contracts/TestUSDC.sol";
import {PropertyTest} from "./support/PropertyTest.sol";

contract PlaySwapTest is PropertyTest {
    uint256 internal constant USDC = 1e6; // one USDC in its 6-decimal units
    uint256 internal constant LAUNCH_PLAY = 1_000_000 ether;
    uint256 internal constant LAUNCH_USDC = 50_000 * USDC;
    uint256 internal constant TRADER_PLAY = 50_000_000 ether;
    uint256 internal constant TRADER_USDC = 1_000_000_000 * USDC;

    PlayToken internal play;
    TestUSDC internal usdc;
    PlaySwap internal pool;
    address internal owner;
    address internal treasury;
    address internal provider;
    address internal trader;

    function setUp() public {
        owner = makeAddr("owner");
        treasury = makeAddr("treasury");
        provider = makeAddr("provider");
        trader = makeAddr("trader");
        play = new PlayToken(treasury, owner);
        usdc = new TestUSDC(address(this));
        pool = new PlaySwap(IERC20(address(play)), IERC20(address(usdc)), owner);

        vm.startPrank(treasury);
        assertTrue(play.transfer(provider, 100_000_000 ether), "the treasury pays the provider");
        assertTrue(play.transfer(trader, TRADER_PLAY), "and the trader");
        vm.stopPrank();
        usdc.mint(provider, 10_000_000 * USDC);
        usdc.mint(trader, TRADER_USDC);
        vm.startPrank(provider);
        play.approve(address(pool), type(uint256).max);
        usdc.approve(address(pool), type(uint256).max);
        vm.stopPrank();
        vm.startPrank(trader);
        play.approve(address(pool), type(uint256).max);
        usdc.approve(address(pool), type(uint256).max);
        vm.stopPrank();
    }

    function _seed(uint256 amountPlay, uint256 amountUsdc) private {
        vm.prank(provider);
        pool.addLiquidity(amountPlay, amountUsdc, 0);
    }

    function _k() private view returns (uint256) {
        return pool.reservePlay() * pool.reserveUsdc();
    }

    /// The pool's books match what it holds: nothing leaks out and nothing is counted twice.
    function _assertReservesAreBalances() private view {
        assertEq(play.balanceOf(address(pool)), pool.reservePlay(), "reservePlay is the pool's PLAY balance");
        assertEq(usdc.balanceOf(address(pool)), pool.reserveUsdc(), "reserveUsdc is the pool's USDC balance");
    }

    // ---- the constant product ----

    /// Three swaps, each way round at random, against a pool seeded at a random price: k never goes down (fees and
    /// flooring only ever leave the pool better off), and a swap that would pay nothing reverts instead.
    function testFuzz_kNeverDecreasesAcrossSwapsInEitherDirection(
        uint256 seedPlay,
        uint256 seedUsdc,
        uint256[3] memory amounts,
        bool[3] memory playIn
    ) public {
        _seed(bound(seedPlay, 1 ether, 10_000_000 ether), bound(seedUsdc, USDC, 1_000_000 * USDC));
        for (uint256 i = 0; i < 3; ++i) {
            address tokenIn = playIn[i] ? address(play) : address(usdc);
            uint256 reserveIn = playIn[i] ? pool.reservePlay() : pool.reserveUsdc();
            uint256 held = playIn[i] ? play.balanceOf(trader) : usdc.balanceOf(trader);
            if (held == 0) continue; // an earlier swap sold all of it
            // Up to ten times the reserve: from dust to trades that nearly drain the other side.
            uint256 amountIn = bound(amounts[i], 1, _min(10 * reserveIn, held));
            (uint256 quoted,) = pool.quote(tokenIn, amountIn);
            uint256 kBefore = _k();

            if (quoted == 0) {
                vm.expectRevert(abi.encodeWithSelector(PlaySwap.InsufficientOutput.selector, 0, 0));
            }
            vm.prank(trader);
            pool.swap(tokenIn, amountIn, 0);

            assertGe(_k(), kBefore, "k = reservePlay x reserveUsdc never decreases");
            assertGt(pool.reservePlay(), 0, "the PLAY side is never drained");
            assertGt(pool.reserveUsdc(), 0, "the USDC side is never drained");
            _assertReservesAreBalances();
        }
    }

    // ---- slippage ----

    function testFuzz_minAmountOutGuardReverts(bool playIn, uint256 amountIn, uint256 shortBy) public {
        _seed(LAUNCH_PLAY, LAUNCH_USDC);
        address tokenIn = playIn ? address(play) : address(usdc);
        // At least 1 PLAY or 1 USDC, so the swap pays something at the launch price.
        amountIn = playIn ? bound(amountIn, 1 ether, TRADER_PLAY) : bound(amountIn, USDC, TRADER_USDC);
        (uint256 quoted,) = pool.quote(tokenIn, amountIn);
        uint256 minAmountOut = quoted + bound(shortBy, 1, type(uint256).max - quoted);

        vm.prank(trader);
        vm.expectRevert(abi.encodeWithSelector(PlaySwap.InsufficientOutput.selector, quoted, minAmountOut));
        pool.swap(tokenIn, amountIn, minAmountOut);

        // Asking for exactly the quote passes and pays exactly the quote.
        IERC20 tokenOut = playIn ? IERC20(address(usdc)) : IERC20(address(play));
        uint256 outBefore = tokenOut.balanceOf(trader);
        vm.prank(trader);
        uint256 amountOut = pool.swap(tokenIn, amountIn, quoted);
        assertEq(amountOut, quoted, "the swap pays what quote said");
        assertEq(tokenOut.balanceOf(trader) - outBefore, quoted, "and the trader receives it");
    }

    // ---- the burn ----

    /// Selling PLAY burns floor(floor(amountIn x feeBps / 10,000) x burnShareBps / 10,000): the burned share of the
    /// fee, for any fee settings the owner may choose; the rest of the input stays in the pool.
    function testFuzz_burnedIsFeeTimesBurnShareOfAPlayInput(uint256 amountIn, uint256 feeBps, uint256 burnShareBps)
        public
    {
        _seed(LAUNCH_PLAY, LAUNCH_USDC);
        feeBps = bound(feeBps, 0, pool.MAX_FEE_BPS());
        burnShareBps = bound(burnShareBps, 0, 10_000);
        vm.prank(owner);
        pool.setFees(feeBps, burnShareBps);
        amountIn = bound(amountIn, 1 ether, TRADER_PLAY);

        // Floored in the contract's order: the fee first, then the burned share of it.
        // forge-lint: disable-next-line(divide-before-multiply)
        uint256 expectedBurn = ((amountIn * feeBps) / 10_000) * burnShareBps / 10_000;
        (, uint256 quotedBurn) = pool.quote(address(play), amountIn);
        uint256 supplyBefore = play.totalSupply();
        uint256 reserveBefore = pool.reservePlay();

        vm.prank(trader);
        pool.swap(address(play), amountIn, 0);

        assertEq(quotedBurn, expectedBurn, "quote reports the burn");
        assertEq(supplyBefore - play.totalSupply(), expectedBurn, "PLAY's supply drops by the burn");
        assertEq(pool.reservePlay() - reserveBefore, amountIn - expectedBurn, "the rest of the input joins the pool");
        _assertReservesAreBalances();
    }

    function testFuzz_aUsdcInputBurnsNothing(uint256 amountIn) public {
        _seed(LAUNCH_PLAY, LAUNCH_USDC);
        amountIn = bound(amountIn, USDC, TRADER_USDC);
        uint256 supplyBefore = play.totalSupply();
        (, uint256 quotedBurn) = pool.quote(address(usdc), amountIn);
        vm.prank(trader);
        pool.swap(address(usdc), amountIn, 0);
        assertEq(quotedBurn, 0, "quote reports no burn");
        assertEq(play.totalSupply(), supplyBefore, "PLAY's supply is unchanged");
        _assertReservesAreBalances();
    }

    function testFuzz_feesAboveTheLimitsAreRefused(uint256 feeBps, uint256 burnShareBps) public {
        uint256 maxFee = pool.MAX_FEE_BPS();
        feeBps = bound(feeBps, maxFee + 1, type(uint256).max);
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(PlaySwap.InvalidFees.selector, feeBps, 0));
        pool.setFees(feeBps, 0);

        burnShareBps = bound(burnShareBps, 10_001, type(uint256).max);
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(PlaySwap.InvalidFees.selector, 0, burnShareBps));
        pool.setFees(0, burnShareBps);
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
