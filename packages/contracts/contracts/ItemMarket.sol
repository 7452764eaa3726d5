// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title A fixed-price market for game items, priced in $PLAY; every sale pays the item's ERC-2981 royalty.
/// @notice Items stay with their seller until sold (the seller approves the market), so a listing whose item has
/// moved since cannot be bought.
contract ItemMarket is ReentrancyGuard {
    using SafeERC20 for IERC20;

    struct Listing {
        address seller;
        uint256 price;
    }

    IERC721 public immutable items;
    IERC20 public immutable payment;

    mapping(uint256 tokenId => Listing) public listings;

    event Listed(uint256 indexed tokenId, address indexed seller, uint256 price);
    event Cancelled(uint256 indexed tokenId, address indexed seller);
    event Sold(
        uint256 indexed tokenId, address indexed seller, address indexed buyer, uint256 price, uint256 royalty
    );

    error NotOwner(uint256 tokenId);
    error ZeroPrice();
    error NotListed(uint256 tokenId);
    error PriceChanged(uint256 expected, uint256 actual);
    error ListingStale(uint256 tokenId);

    constructor(IERC721 itemContract, IERC20 paymentToken) {
        items = itemContract;
        payment = paymentToken;
    }

    function list(uint256 tokenId, uint256 price) external {
        if (items.ownerOf(tokenId) != msg.sender) revert NotOwner(tokenId);
        if (price == 0) revert ZeroPrice();
        listings[tokenId] = Listing(msg.sender, price);
        emit Listed(tokenId, msg.sender, price);
    }

    function cancel(uint256 tokenId) external {
        Listing memory listing = listings[tokenId];
        if (listing.seller != msg.sender) revert NotListed(tokenId);
        delete listings[tokenId];
        emit Cancelled(tokenId, msg.sender);
    }

    /// @param maxPrice Guards the buyer against a seller raising the price between reading and buying.
    function buy(uint256 tokenId, uint256 maxPrice) external nonReentrant {
        Listing memory listing = listings[tokenId];
        if (listing.seller == address(0)) revert NotListed(tokenId);
        if (listing.price > maxPrice) revert PriceChanged(maxPrice, listing.price);
        if (items.ownerOf(tokenId) != listing.seller) revert ListingStale(tokenId);
        delete listings[tokenId];

        (address receiver, uint256 royalty) = IERC2981(address(items)).royaltyInfo(tokenId, listing.price);
        if (royalty > 0 && receiver != address(0)) payment.safeTransferFrom(msg.sender, receiver, royalty);
        else royalty = 0;
        payment.safeTransferFrom(msg.sender, listing.seller, listing.price - royalty);
        items.safeTransferFrom(listing.seller, msg.sender, tokenId);
        emit Sold(tokenId, listing.seller, msg.sender, listing.price, royalty);
    }
}
