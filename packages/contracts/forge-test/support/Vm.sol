// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The few forge cheatcodes these tests use. forge answers calls to this interface at the cheatcode address
/// (the address made from keccak256("hevm cheat code")); nothing is deployed there.
interface Vm {
    /// Sets block.timestamp.
    function warp(uint256 newTimestamp) external;

    /// Sets block.number.
    function roll(uint256 newHeight) external;

    /// Makes the next call come from `msgSender`.
    function prank(address msgSender) external;

    /// Makes every call come from `msgSender` until stopPrank.
    function startPrank(address msgSender) external;

    function stopPrank() external;

    /// The next call must revert with exactly this data (a custom error with its arguments, say).
    function expectRevert(bytes calldata revertData) external;

    /// The next call must revert with this selector, whatever its arguments.
    function expectRevert(bytes4 revertData) external;

    /// The next call must revert, with anything.
    function expectRevert() external;

    /// Sets an account's ether balance.
    function deal(address account, uint256 newBalance) external;

    /// Discards the current fuzz input when `condition` is false (the run is not counted as a failure).
    function assume(bool condition) external pure;

    /// Names an address in traces.
    function label(address account, string calldata newLabel) external;
}
