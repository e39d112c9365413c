// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {HolderTreeBase} from "./HolderTreeBase.sol";
import {Distributor} from "../../src/Distributor.sol";
import {IDistributor} from "../../src/interfaces/IDistributor.sol";

/// Platform fixture with the holder-tree builder (see {HolderTreeBase}) plus a Distributor on HKD and the issuer funded;
/// entitlement trees over `(index, wallet, amount)`.
abstract contract DistributorBase is HolderTreeBase {
    uint256 internal constant DEPOSIT = 1_000_000e6; // HK$1,000,000.00 (6 decimals)

    Distributor internal distributor;

    struct Entitlement {
        address wallet;
        uint256 amount;
    }

    function setUp() public virtual override {
        super.setUp();
        distributor = new Distributor(hkd, address(factory), registry);
        vm.prank(admin);
        hkd.mint(issuer, 100 * DEPOSIT);
        vm.prank(issuer);
        hkd.approve(address(distributor), type(uint256).max);
    }

    function _leaves(Entitlement[] memory e) internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](e.length);
        for (uint256 i; i < e.length; ++i) {
            leaves[i] = _leaf(i, e[i].wallet, e[i].amount);
        }
    }

    function _root(Entitlement[] memory e) internal pure returns (bytes32 root) {
        (root,) = _rootAndProof(_leaves(e), 0);
    }

    function _proof(Entitlement[] memory e, uint256 index) internal pure returns (bytes32[] memory proof) {
        (, proof) = _rootAndProof(_leaves(e), index);
    }

    /// floor(amount × balance ÷ supply) for each holder: the entitlements of a distribution of `amount`.
    function _entitlements(address[] memory holders, uint256[] memory balances, uint256 amount)
        internal
        pure
        returns (Entitlement[] memory e, uint256 dust)
    {
        uint256 supply;
        for (uint256 i; i < balances.length; ++i) {
            supply += balances[i];
        }
        e = new Entitlement[](holders.length);
        uint256 paid;
        for (uint256 i; i < holders.length; ++i) {
            e[i] = Entitlement(holders[i], amount * balances[i] / supply);
            paid += e[i].amount;
        }
        dust = amount - paid;
    }

    function _terms(bytes32 root, uint256 amount, uint256 recordBlock, uint256 claimDeadline, uint256 leafCount)
        internal
        pure
        returns (IDistributor.Terms memory)
    {
        return IDistributor.Terms({
            kind: IDistributor.Kind.Income,
            amount: amount,
            recordBlock: recordBlock,
            claimDeadline: claimDeadline,
            root: root,
            treeHash: keccak256("tree document"),
            leafCount: leafCount
        });
    }

    function _create(Entitlement[] memory e, uint256 amount) internal returns (uint256 id) {
        vm.roll(block.number + 1);
        vm.prank(issuer);
        id = distributor.createDistribution(
            address(token),
            _terms(_root(e), amount, block.number - 1, block.timestamp + 30 days, e.length),
            "https://atelier.example/distributions/1/tree.json"
        );
    }

    function _claim(address caller, uint256 id, Entitlement[] memory e, uint256 index) internal {
        vm.prank(caller);
        distributor.claim(id, index, e[index].wallet, e[index].amount, _proof(e, index));
    }

    function _refused(uint256 id, address holder, uint8 code) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IDistributor.ClaimRefused.selector, id, holder, code);
    }
}
