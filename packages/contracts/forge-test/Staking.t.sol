// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PlayToken} from "../contracts/PlayToken.sol";
import {Staking} from "../contracts/Staking.sol";
import {PropertyTest} from "./support/PropertyTest.sol";

contract StakingTest is PropertyTest {
    uint256 internal constant MAX_STAKE = 10_000_000 ether;
    uint256 internal constant MAX_RATE = 1 ether; // PLAY per second
    uint256 internal constant MAX_ELAPSED = 4 * 365 days;
    uint256 internal constant REWARD_FUNDS = 150_000_000 ether; // covers MAX_RATE * MAX_ELAPSED

    PlayToken internal play;
    Staking internal staking;
    address internal owner;
    address internal treasury;
    address internal alice;
    address internal bob;

    function setUp() public {
        owner = makeAddr("owner");
        treasury = makeAddr("treasury");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        play = new PlayToken(treasury, owner);
        staking = new Staking(IERC20(address(play)), owner);

        vm.startPrank(treasury);
        assertTrue(play.transfer(address(staking), REWARD_FUNDS), "the treasury funds the rewards");
        assertTrue(play.transfer(alice, MAX_STAKE), "and pays alice");
        assertTrue(play.transfer(bob, MAX_STAKE), "and bob");
        vm.stopPrank();
        vm.prank(alice);
        play.approve(address(staking), type(uint256).max);
        vm.prank(bob);
        play.approve(address(staking), type(uint256).max);
        vm.warp(1_700_000_000);
    }

    /// Reward-per-token is kept with 18 decimals per staked token and floored at each update, so a staker's `earned`
    /// falls short by under one wei per whole PLAY staked per update, plus one wei for its own floor. Summed over both
    /// stakers for one update: (stakeA + stakeB) / 1e18 + 2 wei.
    function _roundingTolerance(uint256 stakeA, uint256 stakeB) private pure returns (uint256) {
        return (stakeA + stakeB) / 1 ether + 2;
    }

    function testFuzz_rewardsSumToRateTimesElapsedAndSplitByStake(
        uint256 stakeA,
        uint256 stakeB,
        uint256 rate,
        uint256 elapsed
    ) public {
        stakeA = bound(stakeA, 1, MAX_STAKE);
        stakeB = bound(stakeB, 1, MAX_STAKE);
        rate = bound(rate, 1, MAX_RATE);
        elapsed = bound(elapsed, 1, MAX_ELAPSED);
        vm.prank(owner);
        staking.setRewardRate(rate);
        vm.prank(alice);
        staking.stake(stakeA);
        vm.prank(bob);
        staking.stake(stakeB);

        vm.warp(block.timestamp + elapsed);
        uint256 earnedA = staking.earned(alice);
        uint256 earnedB = staking.earned(bob);
        uint256 paidOut = rate * elapsed;

        assertLe(earnedA + earnedB, paidOut, "stakers never earn more than rate x elapsed");
        assertApproxEq(
            earnedA + earnedB, paidOut, _roundingTolerance(stakeA, stakeB), "earned sums to rate x elapsed"
        );
        // earnedA / earnedB == stakeA / stakeB, cross-multiplied; each floor is off by less than one wei.
        assertApproxEq(
            earnedA * stakeB, earnedB * stakeA, stakeA > stakeB ? stakeA : stakeB, "earned splits in proportion to stake"
        );

        // What earned says is what exit pays, along with the stake.
        vm.prank(alice);
        staking.exit();
        vm.prank(bob);
        staking.exit();
        assertEq(play.balanceOf(alice), MAX_STAKE + earnedA, "alice got her stake and her reward");
        assertEq(play.balanceOf(bob), MAX_STAKE + earnedB, "bob got his stake and his reward");
        assertEq(staking.totalStaked(), 0, "nothing left staked");
        assertEq(staking.rewardFunds(), REWARD_FUNDS - earnedA - earnedB, "rewards came from the funds");
    }

    /// Bob joins after `before` seconds: alice earns all of that period alone, then the two share the rest.
    function testFuzz_aLaterStakerSharesOnlyFromWhenHeJoined(
        uint256 stakeA,
        uint256 stakeB,
        uint256 rate,
        uint256 before,
        uint256 afterwards
    ) public {
        stakeA = bound(stakeA, 1, MAX_STAKE);
        stakeB = bound(stakeB, 1, MAX_STAKE);
        rate = bound(rate, 1, MAX_RATE);
        before = bound(before, 1, MAX_ELAPSED / 2);
        afterwards = bound(afterwards, 1, MAX_ELAPSED / 2);
        vm.prank(owner);
        staking.setRewardRate(rate);
        vm.prank(alice);
        staking.stake(stakeA);
        vm.warp(block.timestamp + before);
        vm.prank(bob);
        staking.stake(stakeB);
        vm.warp(block.timestamp + afterwards);

        uint256 earnedA = staking.earned(alice);
        uint256 earnedB = staking.earned(bob);
        uint256 tolerance = 2 * _roundingTolerance(stakeA, stakeB);
        uint256 shared = rate * afterwards;
        uint256 expectedB = (shared * stakeB) / (stakeA + stakeB);

        assertLe(earnedA + earnedB, rate * (before + afterwards), "never more than rate x elapsed");
        assertApproxEq(earnedA + earnedB, rate * (before + afterwards), tolerance, "sum is rate x elapsed");
        assertApproxEq(earnedB, expectedB, tolerance, "bob earns his share of the time since he joined");
        assertApproxEq(earnedA, rate * before + (shared - expectedB), tolerance, "alice earns the rest");
    }

    function testFuzz_nothingAccruesWhileNobodyStakes(uint256 rate, uint256 idle, uint256 stakeA, uint256 elapsed)
        public
    {
        rate = bound(rate, 1, MAX_RATE);
        idle = bound(idle, 1, MAX_ELAPSED);
        stakeA = bound(stakeA, 1, MAX_STAKE);
        elapsed = bound(elapsed, 0, MAX_ELAPSED);
        vm.prank(owner);
        staking.setRewardRate(rate);
        vm.warp(block.timestamp + idle);
        vm.prank(alice);
        staking.stake(stakeA);
        vm.warp(block.timestamp + elapsed);
        assertLe(staking.earned(alice), rate * elapsed, "the idle time paid no one");
        assertApproxEq(staking.earned(alice), rate * elapsed, stakeA / 1 ether + 1, "a lone staker earns it all");
    }

    function testFuzz_withdrawMoreThanStakedReverts(uint256 stakeA, uint256 stakeB, uint256 excess) public {
        stakeA = bound(stakeA, 1, MAX_STAKE);
        stakeB = bound(stakeB, 1, MAX_STAKE);
        excess = bound(excess, 1, type(uint256).max - stakeA);
        vm.prank(alice);
        staking.stake(stakeA);
        // Bob's stake is in the contract too, but it is not alice's to take.
        vm.prank(bob);
        staking.stake(stakeB);

        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Staking.InsufficientStake.selector, stakeA + excess, stakeA));
        staking.withdraw(stakeA + excess);
        assertEq(staking.stakedOf(alice), stakeA, "the stake is untouched");

        vm.prank(alice);
        staking.withdraw(stakeA);
        assertEq(staking.stakedOf(alice), 0, "the whole stake can be withdrawn");
        assertEq(play.balanceOf(alice), MAX_STAKE, "and it is back in the wallet");
        assertEq(staking.totalStaked(), stakeB, "bob's stake stays");
    }

    function test_zeroAmountsRevert() public {
        vm.prank(alice);
        vm.expectRevert(Staking.ZeroAmount.selector);
        staking.stake(0);
        vm.prank(alice);
        vm.expectRevert(Staking.ZeroAmount.selector);
        staking.withdraw(0);
    }
}
