// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {BatchReader} from "../src/BatchReader.sol";

contract Target {
    function value(uint256 x) external pure returns (uint256) {
        return x * 2;
    }

    function fail() external pure {
        revert("nope");
    }
}

contract BatchReaderTest is Test {
    BatchReader internal reader;
    Target internal target;

    function setUp() public {
        reader = new BatchReader();
        target = new Target();
    }

    function test_aggregate3_returnsEveryResultInOrder() public {
        BatchReader.Call3[] memory calls = new BatchReader.Call3[](3);
        calls[0] = BatchReader.Call3(address(target), false, abi.encodeCall(Target.value, (1)));
        calls[1] = BatchReader.Call3(address(target), true, abi.encodeCall(Target.fail, ()));
        calls[2] = BatchReader.Call3(address(target), false, abi.encodeCall(Target.value, (21)));
        BatchReader.Result[] memory results = reader.aggregate3(calls);
        assertEq(results.length, 3);
        assertTrue(results[0].success);
        assertEq(abi.decode(results[0].returnData, (uint256)), 2);
        assertFalse(results[1].success);
        assertEq(abi.decode(results[2].returnData, (uint256)), 42);
    }

    function test_aggregate3_revertsWhenAStrictCallFails() public {
        BatchReader.Call3[] memory calls = new BatchReader.Call3[](2);
        calls[0] = BatchReader.Call3(address(target), false, abi.encodeCall(Target.value, (1)));
        calls[1] = BatchReader.Call3(address(target), false, abi.encodeCall(Target.fail, ()));
        vm.expectRevert(abi.encodeWithSelector(BatchReader.BatchReaderCallFailed.selector, 1));
        reader.aggregate3(calls);
    }

    function testFuzz_aggregate3_matchesDirectCalls(uint128 a, uint128 b) public {
        BatchReader.Call3[] memory calls = new BatchReader.Call3[](2);
        calls[0] = BatchReader.Call3(address(target), false, abi.encodeCall(Target.value, (a)));
        calls[1] = BatchReader.Call3(address(target), false, abi.encodeCall(Target.value, (b)));
        BatchReader.Result[] memory results = reader.aggregate3(calls);
        assertEq(abi.decode(results[0].returnData, (uint256)), target.value(a));
        assertEq(abi.decode(results[1].returnData, (uint256)), target.value(b));
    }
}
