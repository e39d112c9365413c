// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {DistributorBase} from "./utils/DistributorBase.sol";
import {TxGas} from "./utils/TxGas.sol";
import {Distributor} from "../src/Distributor.sol";
import {IDistributor} from "../src/interfaces/IDistributor.sol";

/// Gas of a claim as TOTAL TRANSACTION gas (see {TxGas}), the way the other targets are measured: every slot cold. A
/// distribution to 1,000 holders (a proof of 10 hashes); the claimant already holds HKD (as a holder that has traded).
/// The issue's target, 85,000 (a Merkle claim of Uniswap's distributor costs about 78,000–95,000), is met although
/// this claim also applies the token's rules, which Uniswap's does not — the recovery chain and freeze flag on the
/// token (a clone: two cold accounts), the KYC record and emergency stop on the registry (a third). What the
/// distributor does itself is lean: the distribution's first slot holds all a claim reads besides the root and the
/// bitmap word, and the remainder it writes (109,307 → 89,200 → 88,557 with the freeze flag alone → 85,978); the
/// bitmap word is read once (85,818); the token and registry reads are lean static calls ({StaticRead}) and the first
/// slot is decoded without a memory struct (84,793). Every bitmap word is written at creation, so no claim writes a
/// zero slot. The ceiling is the measured figure rounded up, so that any growth fails here.
contract DistributorGasTest is DistributorBase, TxGas {
    uint256 internal constant CLAIM_TARGET = 85_000;
    uint256 internal constant CLAIM_CEILING = 84_850;
    uint256 internal constant HOLDERS = 1000;

    Entitlement[] internal _e;
    bytes32[] internal _leafList;
    uint256 internal id;

    function setUp() public override {
        super.setUp();
        _mint(alice, 1000);
        _mint(bob, 600);
        for (uint256 i; i < HOLDERS; ++i) {
            address w = i == 7 ? alice : i == 8 ? bob : address(uint160(0x10000 + i));
            _e.push(Entitlement(w, 1000e6 + i));
            _leafList.push(_leaf(i, w, 1000e6 + i));
        }
        (bytes32 root,) = _rootAndProof(_leafList, 0);
        vm.roll(block.number + 1);
        vm.prank(issuer);
        id = distributor.createDistribution(
            address(token), _terms(root, 2_000_000e6, block.number - 1, block.timestamp + 30 days, HOLDERS), ""
        );
        vm.startPrank(admin);
        hkd.mint(alice, 1);
        hkd.mint(bob, 1);
        vm.stopPrank();
    }

    function _claimTx(address who, uint256 index) internal returns (uint256 g) {
        (, bytes32[] memory proof) = _rootAndProof(_leafList, index);
        (g,) = _sendTx(
            who, address(distributor), abi.encodeCall(Distributor.claim, (id, index, who, _e[index].amount, proof))
        );
    }

    function test_gas_claim_coldFromAHolder() public {
        uint256 g = _claimTx(alice, 7);
        console.log("claim, 1,000 holders (total tx gas):", g);
        assertTrue(distributor.isClaimed(id, 7));
        assertLe(g, CLAIM_TARGET);
        assertLe(g, CLAIM_CEILING);
    }
}
