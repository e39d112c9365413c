// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {Base} from "./Base.sol";

/// Platform fixture (see {Base}) plus the tree builder of the holder trees the Distributor and the ArtworkSale check
/// (see {HolderTree}): the same leaves and proofs as OpenZeppelin's StandardMerkleTree for
/// `["uint256","address","uint256"]` (leaf = keccak256(bytes.concat(keccak256(abi.encode(index, wallet, value)))),
/// sorted-pair hashing).
abstract contract HolderTreeBase is Base {
    function _leaf(uint256 index, address wallet, uint256 value) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(index, wallet, value))));
    }

    /// Root and proof of leaf `at` of a tree over `leaves` (odd nodes are carried up a level unchanged).
    function _rootAndProof(bytes32[] memory leaves, uint256 at)
        internal
        pure
        returns (bytes32 root, bytes32[] memory proof)
    {
        bytes32[] memory level = leaves;
        bytes32[] memory path = new bytes32[](64);
        uint256 depth;
        uint256 pos = at;
        while (level.length > 1) {
            uint256 sibling = pos ^ 1;
            if (sibling < level.length) path[depth++] = level[sibling];
            bytes32[] memory next = new bytes32[]((level.length + 1) / 2);
            for (uint256 i; i < next.length; ++i) {
                next[i] = 2 * i + 1 < level.length
                    ? Hashes.commutativeKeccak256(level[2 * i], level[2 * i + 1])
                    : level[2 * i];
            }
            level = next;
            pos /= 2;
        }
        root = level[0];
        proof = new bytes32[](depth);
        for (uint256 i; i < depth; ++i) {
            proof[i] = path[i];
        }
    }
}
