// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {PlayToken} from "../contracts/PlayToken.sol";
import {PropertyTest} from "./support/PropertyTest.sol";

contract PlayTokenTest is PropertyTest {
    PlayToken internal token;
    address internal admin;
    address internal treasury;
    address internal minter;
    address internal player;

    uint256 internal cap;
    uint256 internal treasuryAllocation;

    function setUp() public {
        admin = makeAddr("admin");
        treasury = makeAddr("treasury");
        minter = makeAddr("minter");
        player = makeAddr("player");
        token = new PlayToken(treasury, admin);
        bytes32 minterRole = token.MINTER_ROLE();
        vm.prank(admin);
        token.grantRole(minterRole, minter);
        cap = token.CAP();
        treasuryAllocation = token.TREASURY_ALLOCATION();
    }

    // ---- a game pays once ----

    function testFuzz_aGameIdMintsOnlyOnce(bytes32 gameId, bytes32 otherGameId, uint256 amount, uint256 again)
        public
    {
        vm.assume(gameId != otherGameId);
        amount = bound(amount, 0, token.remainingMintable());

        vm.prank(minter);
        token.mintGameReward(player, amount, gameId);
        assertTrue(token.gameRewarded(gameId), "the game is marked rewarded");
        assertEq(token.balanceOf(player), amount, "the player got the reward");

        // Even an amount the cap would allow is refused: the id was used.
        again = bound(again, 0, token.remainingMintable());
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(PlayToken.GameAlreadyRewarded.selector, gameId));
        token.mintGameReward(player, again, gameId);
        assertEq(token.balanceOf(player), amount, "the second mint paid nothing");
        assertEq(token.totalMinted(), treasuryAllocation + amount, "totalMinted counts the game once");

        // Another game still pays.
        vm.prank(minter);
        token.mintGameReward(player, again, otherGameId);
        assertEq(token.balanceOf(player), amount + again, "another game id mints");
    }

    function testFuzz_aBatchIdMintsOnlyOnce(bytes32 batchId, uint256 amount) public {
        amount = bound(amount, 0, token.remainingMintable() / 2);
        (address[] memory recipients, uint256[] memory amounts) = _batchOfOne(player, amount);

        vm.prank(minter);
        token.batchMintRewards(recipients, amounts, batchId);
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(PlayToken.BatchAlreadyMinted.selector, batchId));
        token.batchMintRewards(recipients, amounts, batchId);
        assertEq(token.balanceOf(player), amount, "the batch paid once");
    }

    // ---- the cap bounds everything ever minted ----

    /// Two or three mints, each a game reward or a batch of two, with amounts that fit or overflow the room left:
    /// every mint either fits and is counted, or reverts CapExceeded with what was asked and what was left.
    function testFuzz_capHoldsForAnySequenceOfTwoOrThreeMints(
        uint256[3] memory amounts,
        bool[3] memory nearTheEdge,
        bool[3] memory asBatch,
        bool threeMints
    ) public {
        uint256 mints = threeMints ? 3 : 2;
        uint256 expectedTotal = treasuryAllocation;
        for (uint256 i = 0; i < mints; ++i) {
            uint256 remaining = token.remainingMintable();
            // Either within two wei of the room left (the boundary, where an off-by-one would show), or anything up
            // to the whole room left at the start (so that two mints overflow it about half the time).
            uint256 amount = nearTheEdge[i]
                ? bound(amounts[i], remaining < 2 ? 0 : remaining - 2, remaining + 2)
                : bound(amounts[i], 0, cap - treasuryAllocation);
            bytes32 ref = keccak256(abi.encode("mint", i));
            if (asBatch[i]) {
                (address[] memory recipients, uint256[] memory parts) = _batchOfTwo(player, treasury, amount);
                if (amount > remaining) {
                    // The batch stops at the first part that does not fit; the whole batch reverts.
                    (uint256 refused, uint256 left) =
                        parts[0] > remaining ? (parts[0], remaining) : (parts[1], remaining - parts[0]);
                    vm.expectRevert(abi.encodeWithSelector(PlayToken.CapExceeded.selector, refused, left));
                } else {
                    expectedTotal += amount;
                }
                vm.prank(minter);
                token.batchMintRewards(recipients, parts, ref);
            } else {
                if (amount > remaining) {
                    vm.expectRevert(abi.encodeWithSelector(PlayToken.CapExceeded.selector, amount, remaining));
                } else {
                    expectedTotal += amount;
                }
                vm.prank(minter);
                token.mintGameReward(player, amount, ref);
            }
            assertLe(token.totalMinted(), cap, "totalMinted never exceeds CAP");
            assertEq(token.totalMinted(), expectedTotal, "totalMinted counts exactly the mints that fit");
            assertEq(token.totalSupply(), expectedTotal, "with no burns, the supply is what was minted");
            assertEq(token.remainingMintable(), cap - expectedTotal, "remainingMintable is CAP - totalMinted");
        }
    }

    function test_mintsUpToExactlyTheCapAndNotOneWeiMore() public {
        uint256 room = token.remainingMintable();
        vm.prank(minter);
        token.mintGameReward(player, room, keccak256("all of it"));
        assertEq(token.totalMinted(), cap, "the cap is reachable");

        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(PlayToken.CapExceeded.selector, 1, 0));
        token.mintGameReward(player, 1, keccak256("one more wei"));
    }

    // ---- burning is deflationary: it never makes room to mint again ----

    function testFuzz_burnDoesNotRestoreMintingRoom(uint256 minted, uint256 burned, uint256 burnedByTreasury) public {
        minted = bound(minted, 0, token.remainingMintable());
        vm.prank(minter);
        token.mintGameReward(player, minted, keccak256("game"));
        uint256 roomBefore = token.remainingMintable();
        uint256 supplyBefore = token.totalSupply();

        burned = bound(burned, 0, minted);
        vm.prank(player);
        token.burn(burned);
        burnedByTreasury = bound(burnedByTreasury, 0, treasuryAllocation);
        vm.prank(treasury);
        token.burn(burnedByTreasury);

        assertEq(token.totalSupply(), supplyBefore - burned - burnedByTreasury, "burns shrink the supply");
        assertEq(token.remainingMintable(), roomBefore, "burns leave remainingMintable as it was");
        assertEq(token.totalMinted(), treasuryAllocation + minted, "burns leave totalMinted as it was");

        // One wei past the room is still refused, however much was burned.
        vm.prank(minter);
        vm.expectRevert(abi.encodeWithSelector(PlayToken.CapExceeded.selector, roomBefore + 1, roomBefore));
        token.mintGameReward(player, roomBefore + 1, keccak256("after the burn"));
    }

    // ---- pausing ----

    function testFuzz_pauseStopsTransfers(uint256 amount) public {
        amount = bound(amount, 0, token.balanceOf(treasury));
        vm.prank(treasury);
        token.approve(player, amount);
        vm.prank(admin);
        token.pause();

        vm.prank(treasury);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        token.transfer(player, amount);

        vm.prank(player);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        token.transferFrom(treasury, player, amount);

        vm.prank(treasury);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        token.burn(amount);

        vm.prank(minter);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        token.mintGameReward(player, amount, keccak256("paused game"));
        assertFalse(token.gameRewarded(keccak256("paused game")), "a refused mint does not use the game id");

        assertEq(token.balanceOf(player), 0, "nothing moved while paused");

        vm.prank(admin);
        token.unpause();
        vm.prank(treasury);
        assertTrue(token.transfer(player, amount), "transfer returns true");
        assertEq(token.balanceOf(player), amount, "transfers work again after unpause");
    }

    function testFuzz_onlyPauserRolePauses(address caller) public {
        vm.assume(caller != admin);
        bytes32 pauserRole = token.PAUSER_ROLE(); // read first: a prank applies to the very next call
        vm.prank(caller);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, pauserRole)
        );
        token.pause();
        assertFalse(token.paused(), "still running");
    }

    // ---- minting needs MINTER_ROLE ----

    function testFuzz_onlyMinterRoleMints(address caller, uint256 amount, bytes32 gameId) public {
        vm.assume(caller != minter);
        amount = bound(amount, 0, token.remainingMintable());
        bytes32 minterRole = token.MINTER_ROLE();
        bytes memory unauthorized =
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, caller, minterRole);

        vm.prank(caller);
        vm.expectRevert(unauthorized);
        token.mintGameReward(caller, amount, gameId);

        (address[] memory recipients, uint256[] memory amounts) = _batchOfOne(caller, amount);
        vm.prank(caller);
        vm.expectRevert(unauthorized);
        token.batchMintRewards(recipients, amounts, gameId);
        assertEq(token.totalMinted(), treasuryAllocation, "nothing was minted");

        // The admin (the timelock in production) can make the caller a minter, and take it back.
        vm.prank(admin);
        token.grantRole(minterRole, caller);
        vm.prank(caller);
        token.mintGameReward(player, amount, gameId);
        assertEq(token.totalMinted(), treasuryAllocation + amount, "a granted minter mints");

        vm.prank(admin);
        token.revokeRole(minterRole, caller);
        vm.prank(caller);
        vm.expectRevert(unauthorized);
        token.mintGameReward(player, 0, keccak256(abi.encode(gameId)));
    }

    // ---- helpers ----

    function _batchOfOne(address to, uint256 amount)
        private
        pure
        returns (address[] memory recipients, uint256[] memory amounts)
    {
        recipients = new address[](1);
        amounts = new uint256[](1);
        recipients[0] = to;
        amounts[0] = amount;
    }

    /// `amount` split into two parts (the first the smaller by at most one wei).
    function _batchOfTwo(address first, address second, uint256 amount)
        private
        pure
        returns (address[] memory recipients, uint256[] memory amounts)
    {
        recipients = new address[](2);
        amounts = new uint256[](2);
        recipients[0] = first;
        recipients[1] = second;
        amounts[0] = amount / 2;
        amounts[1] = amount - amount / 2;
    }
}
