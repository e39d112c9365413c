// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title BatchReader
/// @notice Multicall3-compatible `aggregate3` for chains without Multicall3 (a fresh local chain): the
/// portal's server folds every read of a render into one `eth_call` through it. Read-only use only:
/// it forwards calls as itself, so it must never hold funds or roles.
contract BatchReader {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    /// @dev A call that is not allowed to fail failed.
    error BatchReaderCallFailed(uint256 index);

    /// @notice Calls each target in order and returns every result.
    /// @param calls The calls; a failing call reverts the batch unless `allowFailure` is set.
    /// @return results One result per call.
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory results) {
        uint256 length = calls.length;
        results = new Result[](length);
        for (uint256 i = 0; i < length; ++i) {
            Call3 calldata c = calls[i];
            (bool success, bytes memory returnData) = c.target.call(c.callData);
            if (!success && !c.allowFailure) revert BatchReaderCallFailed(i);
            results[i] = Result(success, returnData);
        }
    }
}
