// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {StaticRead} from "./StaticRead.sol";

/// @notice The one function of a share token the holder trees need: where a recovery moved a wallet.
interface IRecoveredTo {
    function recoveredTo(address lostWallet) external view returns (address);
}

/// @title HolderTree
/// @notice What the Distributor and the ArtworkSale share about a tree of the token's holders at a record block: the
/// leaf check (OpenZeppelin's standard tree over `(uint256 index, address wallet, uint256 value)`, the value being an
/// entitlement or a voting weight) and the wallet that acts for a holder (the holder itself, or the last wallet of the
/// token's chain of recoveries from it, read with {StaticRead}).
library HolderTree {
    /// @notice Recoveries followed from a holding wallet to the wallet that acts for it (as the Market's refunds).
    uint256 internal constant MAX_RECOVERY_HOPS = 8;

    /// @dev True when `(index, wallet, value)` is a leaf of the tree with this root:
    /// leaf = keccak256(bytes.concat(keccak256(abi.encode(index, wallet, value)))), hashed in scratch memory.
    function verify(bytes32[] calldata proof, bytes32 root, uint256 index, address wallet, uint256 value)
        internal
        pure
        returns (bool)
    {
        bytes32 leaf;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, index)
            mstore(add(m, 0x20), and(wallet, 0xffffffffffffffffffffffffffffffffffffffff))
            mstore(add(m, 0x40), value)
            mstore(0x00, keccak256(m, 0x60))
            leaf := keccak256(0x00, 0x20)
        }
        return MerkleProof.verifyCalldata(proof, root, leaf);
    }

    /// @dev `holder`, or the last wallet of the chain of recoveries `token` recorded from it (at most
    /// {MAX_RECOVERY_HOPS} followed).
    function lastWallet(address token, address holder) internal view returns (address at) {
        at = holder;
        for (uint256 i; i < MAX_RECOVERY_HOPS; ++i) {
            address next = address(uint160(StaticRead.word(token, IRecoveredTo.recoveredTo.selector, at)));
            if (next == address(0)) break;
            at = next;
        }
    }
}
