// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Vm} from "./Vm.sol";

/// @notice The base of every test contract here: the cheatcodes, assertions that revert with a message saying what
/// failed and with which values, and small helpers for fuzz inputs. (forge-std is not used: it is not on npm.)
abstract contract PropertyTest {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    // ---- assertions: each reverts with "<what>: <left> <relation> <right>" when it does not hold ----

    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert(string.concat(what, ": expected true"));
    }

    function assertFalse(bool condition, string memory what) internal pure {
        if (condition) revert(string.concat(what, ": expected false"));
    }

    function assertEq(uint256 left, uint256 right, string memory what) internal pure {
        if (left != right) _fail(what, left, " != ", right);
    }

    function assertEq(address left, address right, string memory what) internal pure {
        if (left != right) {
            revert(string.concat(what, ": ", Strings.toHexString(left), " != ", Strings.toHexString(right)));
        }
    }

    function assertLe(uint256 left, uint256 right, string memory what) internal pure {
        if (left > right) _fail(what, left, " > ", right);
    }

    function assertGe(uint256 left, uint256 right, string memory what) internal pure {
        if (left < right) _fail(what, left, " < ", right);
    }

    function assertGt(uint256 left, uint256 right, string memory what) internal pure {
        if (left <= right) _fail(what, left, " <= ", right);
    }

    /// `left` and `right` differ by at most `maxDelta`.
    function assertApproxEq(uint256 left, uint256 right, uint256 maxDelta, string memory what) internal pure {
        uint256 delta = left > right ? left - right : right - left;
        if (delta > maxDelta) {
            revert(
                string.concat(
                    what,
                    ": ",
                    Strings.toString(left),
                    " and ",
                    Strings.toString(right),
                    " differ by ",
                    Strings.toString(delta),
                    " > ",
                    Strings.toString(maxDelta)
                )
            );
        }
    }

    function _fail(string memory what, uint256 left, string memory relation, uint256 right) private pure {
        revert(string.concat(what, ": ", Strings.toString(left), relation, Strings.toString(right)));
    }

    // ---- helpers ----

    /// Maps any fuzz input onto [min, max]: one already in range is kept as it is, so the edge values forge favours stay.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }

    /// A fresh address with no code, named in traces.
    function makeAddr(string memory name) internal returns (address account) {
        account = address(uint160(uint256(keccak256(bytes(name)))));
        vm.label(account, name);
    }
}
