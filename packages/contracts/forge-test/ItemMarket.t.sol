// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {GameItems} from "../contracts/GameItems.sol";
import {ItemMarket} from "../contracts/ItemMarket.sol";
import {PlayToken} from "../contracts/PlayToken.sol";
import {PropertyTest} from "./support/PropertyTest.sol";

contract ItemMarketTest is PropertyTest {
    uint96 internal constant ROYALTY_BPS = 500; // 5%, as deployed
    uint256 internal constant BUYER_PLAY = 10_000_000 ether;
    uint64 internal constant START = 1_700_000_000;

    PlayToken internal play;
    GameItems internal items;
    ItemMarket internal market;
    address internal admin;
    address internal treasury;
    address internal minter;
    address internal seller;
    address internal buyer;

    function setUp() public {
        admin = makeAddr("admin");
        treasury = makeAddr("treasury");
        minter = makeAddr("minter");
        seller = makeAddr("seller");
        buyer = makeAddr("buyer");
        vm.warp(START);
        play = new PlayToken(treasury, admin);
        items = new GameItems(admin, treasury, ROYALTY_BPS);
        market = new ItemMarket(IERC721(address(items)), IERC20(address(play)));
        bytes32 minterRole = items.MINTER_ROLE();
        vm.prank(admin);
        items.grantRole(minterRole, minter);

        vm.prank(treasury);
        assertTrue(play.transfer(buyer, BUYER_PLAY), "the treasury pays the buyer");
        vm.prank(buyer);
        play.approve(address(market), type(uint256).max);
        vm.prank(seller);
        items.setApprovalForAll(address(market), true);
    }

    function _mintTo(address to, uint64 unlockTime) private returns (uint256 tokenId) {
        vm.prank(minter);
        tokenId = items.mint(to, GameItems.Kind.Skin, "ipfs://skin", unlockTime);
    }

    // ---- royalties ----

    /// For any price and any royalty rate the admin may set, a sale pays the receiver price x bps / 10,000 and the
    /// seller the rest; the buyer pays exactly the price and gets the item.
    function testFuzz_aSalePaysTheRoyalty(uint256 price, uint256 royaltyBps) public {
        price = bound(price, 1, BUYER_PLAY);
        royaltyBps = bound(royaltyBps, 0, 10_000);
        vm.prank(admin);
        items.setDefaultRoyalty(treasury, SafeCast.toUint96(royaltyBps));
        uint256 tokenId = _mintTo(seller, 0);
        vm.prank(seller);
        market.list(tokenId, price);

        uint256 treasuryBefore = play.balanceOf(treasury);
        vm.prank(buyer);
        market.buy(tokenId, price);

        uint256 royalty = (price * royaltyBps) / 10_000;
        assertEq(play.balanceOf(treasury) - treasuryBefore, royalty, "the royalty receiver gets price x bps");
        assertEq(play.balanceOf(seller), price - royalty, "the seller gets the rest");
        assertEq(play.balanceOf(buyer), BUYER_PLAY - price, "the buyer pays the price, no more");
        assertEq(items.ownerOf(tokenId), buyer, "the buyer owns the item");
        (address listedBy,) = market.listings(tokenId);
        assertEq(listedBy, address(0), "the listing is gone");
    }

    function testFuzz_theBuyersMaxPriceGuardsAgainstARaise(uint256 price, uint256 raise) public {
        price = bound(price, 1, BUYER_PLAY / 2);
        raise = bound(raise, 1, BUYER_PLAY / 2);
        uint256 tokenId = _mintTo(seller, 0);
        vm.prank(seller);
        market.list(tokenId, price);
        vm.prank(seller);
        market.list(tokenId, price + raise);

        vm.prank(buyer);
        vm.expectRevert(abi.encodeWithSelector(ItemMarket.PriceChanged.selector, price, price + raise));
        market.buy(tokenId, price);
        assertEq(items.ownerOf(tokenId), seller, "no sale");
    }

    // ---- the transfer lock ----

    /// An item locked until `unlockTime` cannot be transferred or sold a second before it, and can be from then on.
    function testFuzz_theTransferLockHoldsUntilTheUnlockTime(
        uint256 lockedFor,
        uint256 triedAfter,
        uint256 releasedAfter,
        uint256 price
    ) public {
        lockedFor = bound(lockedFor, 1, 10 * 365 days);
        uint64 unlockTime = START + SafeCast.toUint64(lockedFor);
        uint256 tokenId = _mintTo(seller, unlockTime);
        assertEq(items.ownerOf(tokenId), seller, "minting a locked item is allowed");
        price = bound(price, 1, BUYER_PLAY);
        vm.prank(seller);
        market.list(tokenId, price);

        // Any time before the unlock: the seller cannot move it, and the market cannot sell it.
        vm.warp(START + bound(triedAfter, 0, lockedFor - 1));
        bytes memory locked = abi.encodeWithSelector(GameItems.TransferLocked.selector, tokenId, unlockTime);
        vm.prank(seller);
        vm.expectRevert(locked);
        items.transferFrom(seller, buyer, tokenId);
        vm.prank(buyer);
        vm.expectRevert(locked);
        market.buy(tokenId, price);
        assertEq(items.ownerOf(tokenId), seller, "the item did not move");
        assertEq(play.balanceOf(buyer), BUYER_PLAY, "the failed purchase charged nothing");

        // At the unlock time or any time after, the sale goes through.
        vm.warp(uint256(unlockTime) + bound(releasedAfter, 0, 10 * 365 days));
        vm.prank(buyer);
        market.buy(tokenId, price);
        assertEq(items.ownerOf(tokenId), buyer, "the lock released");
    }

    function test_anUnlockedItemMovesFreely() public {
        uint256 tokenId = _mintTo(seller, 0);
        vm.prank(seller);
        items.transferFrom(seller, buyer, tokenId);
        assertEq(items.ownerOf(tokenId), buyer, "no lock, no wait");
    }
}
