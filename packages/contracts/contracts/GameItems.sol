// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";

/// @title Card skins and badges as NFTs, with ERC-2981 royalties and an optional transfer lock.
/// @notice A locked item can be used but not transferred until its unlock time: badges earned in a season, say.
contract GameItems is ERC721URIStorage, ERC2981, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    enum Kind {
        Skin,
        Badge
    }

    uint256 public nextTokenId = 1;
    mapping(uint256 tokenId => Kind) public kindOf;
    mapping(uint256 tokenId => uint64) public lockedUntil;

    event ItemMinted(address indexed to, uint256 indexed tokenId, Kind kind, uint64 lockedUntil);

    error TransferLocked(uint256 tokenId, uint64 until);

    constructor(address admin, address royaltyReceiver, uint96 royaltyBps) ERC721("Guandan Items", "GDITEM") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setDefaultRoyalty(royaltyReceiver, royaltyBps);
    }

    function mint(address to, Kind kind, string calldata uri, uint64 unlockTime)
        external
        onlyRole(MINTER_ROLE)
        returns (uint256 tokenId)
    {
        tokenId = nextTokenId++;
        kindOf[tokenId] = kind;
        lockedUntil[tokenId] = unlockTime;
        _safeMint(to, tokenId);
        _setTokenURI(tokenId, uri);
        emit ItemMinted(to, tokenId, kind, unlockTime);
    }

    function setDefaultRoyalty(address receiver, uint96 royaltyBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setDefaultRoyalty(receiver, royaltyBps);
    }

    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        address from = _ownerOf(tokenId);
        uint64 until = lockedUntil[tokenId];
        if (from != address(0) && block.timestamp < until) revert TransferLocked(tokenId, until);
        return super._update(to, tokenId, auth);
    }

    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(ERC721URIStorage, ERC2981, AccessControl)
        returns (bool)
    {
        return super.supportsInterface(interfaceId);
    }
}
