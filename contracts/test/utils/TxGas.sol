// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {Vm} from "forge-std/Vm.sol";

contract TxGasProbe {
    function probe() external {}
}

/// Total TRANSACTION gas of one call, as a wallet would pay for it sent on its own: execution + 21,000 base +
/// calldata (4 gas per zero byte, 16 per non-zero byte) − the storage refund (capped at a fifth, EIP-3529). This is
/// the basis of the issue's targets (the ERC-3643 and Seaport reference figures are receipt gas of transactions).
///
/// Works the same under `forge test` and `forge test --gas-report`: the gas report runs every top-level call as an
/// isolated transaction, and then `vm.lastCallGas()` already is the transaction's gas; otherwise it is the call's
/// execution gas and the base, calldata and refund are applied here. Either way every slot the call touches is cold,
/// as in a fresh transaction (each test runs as its own transaction; set-up state lives in setUp). The figures agree
/// with receipts of the same transactions on anvil (scripts/bench/gas.ts).
abstract contract TxGas is Test {
    /// Sends `data` to `target` from `from` and returns the transaction gas of that call.
    function _sendTx(address from, address target, bytes memory data) internal returns (uint256 gas, bytes memory ret) {
        vm.prank(from);
        bool ok;
        (ok, ret) = target.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        Vm.Gas memory g = vm.lastCallGas();
        if (_isolated()) return (g.gasTotalUsed, ret);
        uint256 used = g.gasTotalUsed + _intrinsicGas(data);
        uint256 refund = g.gasRefunded > 0 ? uint256(int256(g.gasRefunded)) : 0;
        uint256 cap = used / 5;
        gas = used - (refund < cap ? refund : cap);
    }

    /// 21,000 + calldata cost (EIP-2028).
    function _intrinsicGas(bytes memory data) internal pure returns (uint256 gas) {
        gas = 21_000;
        for (uint256 i; i < data.length; ++i) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }

    /// True when top-level calls run as isolated transactions (`--gas-report`, `--isolate`): an empty call then
    /// costs at least the 21,000 base.
    function _isolated() internal returns (bool) {
        TxGasProbe p = new TxGasProbe();
        p.probe();
        return vm.lastCallGas().gasTotalUsed >= 21_000;
    }
}
