// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {HolderTreeBase} from "./HolderTreeBase.sol";
import {IArtworkSale} from "../../src/interfaces/IArtworkSale.sol";

/// Platform fixture with the holder-tree builder (see {HolderTreeBase}), holders alice 600, bob 300, carol 100 (supply
/// 1,000), the issuer funded for the price; weights trees over `(index, wallet, weight)`.
abstract contract SaleBase is HolderTreeBase {
    uint256 internal constant PRICE = 1_000_000e6; // HK$1,000,000.00

    address[] internal _wallets;
    uint256[] internal _weights;

    function setUp() public virtual override {
        super.setUp();
        _mint(alice, 600);
        _mint(bob, 300);
        _mint(carol, 100);
        _wallets = [alice, bob, carol];
        _weights = [uint256(600), 300, 100];
        vm.prank(admin);
        hkd.mint(issuer, 10 * PRICE);
        vm.prank(issuer);
        hkd.approve(address(sale), type(uint256).max);
        vm.roll(block.number + 1);
    }

    function _leaves() internal view returns (bytes32[] memory leaves) {
        leaves = new bytes32[](_wallets.length);
        for (uint256 i; i < _wallets.length; ++i) {
            leaves[i] = _leaf(i, _wallets[i], _weights[i]);
        }
    }

    function _proof(uint256 index) internal view returns (bytes32[] memory proof) {
        (, proof) = _rootAndProof(_leaves(), index);
    }

    function _saleTerms(uint256 price, uint256 supply) internal view returns (IArtworkSale.Terms memory t) {
        (bytes32 root,) = _rootAndProof(_leaves(), 0);
        t = IArtworkSale.Terms({
            buyer: address(0xB0B0),
            price: price,
            recordBlock: block.number - 1,
            supply: supply,
            votingEnds: block.timestamp + 7 days,
            quorumBps: 0,
            approvalBps: 0,
            weightsRoot: root,
            leafCount: _wallets.length,
            offerHash: keccak256("offer"),
            treeHash: keccak256("tree")
        });
    }

    function _open() internal returns (uint256 id) {
        vm.prank(issuer);
        id = sale.openSale(address(token), _saleTerms(PRICE, 1000), "ipfs://offer");
    }

    function _vote(uint256 id, uint256 index, bool support) internal {
        vm.prank(_wallets[index]);
        sale.vote(id, index, _wallets[index], _weights[index], support, _proof(index));
    }

    function _approve() internal returns (uint256 id) {
        id = _open();
        _vote(id, 0, true);
        vm.warp(block.timestamp + 7 days);
        assertTrue(sale.finalize(id));
    }
}
