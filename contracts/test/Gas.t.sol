// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {Base} from "./utils/Base.sol";
import {IArtworkShareToken} from "../src/interfaces/IArtworkShareToken.sol";
import {IPrimaryOffering} from "../src/interfaces/IPrimaryOffering.sol";

/// Gas measurements of the hot paths. Figures are execution gas of the external call (no 21,000 intrinsic,
/// no calldata), with every touched slot cold as in a fresh transaction (each test runs as its own transaction;
/// set-up state lives in setUp). Realistic rules: 2 allowed countries, all categories, holder cap and per-investor
/// balance cap set, lock-up already expired.
contract GasTest is Base {
    uint256 internal constant TRANSFER_TARGET = 78_000;
    uint256 internal constant DEPLOY_TARGET = 400_000;

    uint256 internal ownerKey = 0xA11CE;
    address internal buyer;

    function setUp() public override {
        super.setUp();
        _setRules(_rules(100, 1_000_000, 7 days));
        _mint(alice, 1000);
        _mint(bob, 1000);
        vm.warp(block.timestamp + 8 days);
        buyer = vm.addr(ownerKey);
        vm.prank(agent);
        registry.registerInvestor(buyer, keccak256("buyer"), HK, PROFESSIONAL, kycExpiry);
        vm.prank(admin);
        hkd.mint(buyer, 1_000_000e6);
        _createOffering(_terms(100e6, 1000, 1, 1000));
    }

    function test_gas_transferBetweenHolders() public {
        vm.prank(alice);
        uint256 g = gasleft();
        token.transfer(bob, 10);
        g -= gasleft();
        console.log("transfer between existing holders (execution gas):", g);
        assertLe(g, TRANSFER_TARGET);
    }

    function test_gas_transferToNewHolder() public {
        vm.prank(alice);
        uint256 g = gasleft();
        token.transfer(carol, 10);
        g -= gasleft();
        console.log("transfer to a new holder (execution gas):", g);
    }

    function test_gas_buyWithPermit() public {
        uint256 cost = 10 * 100e6;
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                hkd.DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                        buyer,
                        address(offering),
                        cost,
                        hkd.nonces(buyer),
                        deadline
                    )
                )
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerKey, digest);
        vm.prank(buyer);
        uint256 g = gasleft();
        offering.buyWithPermit(1, 10, deadline, v, r, s);
        g -= gasleft();
        console.log("buyWithPermit, first purchase (execution gas):", g);
        assertEq(token.balanceOf(buyer), 10);
    }

    function test_gas_deployToken() public {
        IArtworkShareToken.Rules memory r = _rules(200, 500, 180 days);
        vm.prank(issuer);
        uint256 g = gasleft();
        factory.deployToken(
            "Nympheas, 1916", "NYMP", r, "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", keccak256("m")
        );
        g -= gasleft();
        console.log("deployToken clone + initialize (execution gas):", g);
        assertLe(g, DEPLOY_TARGET);
    }
}
