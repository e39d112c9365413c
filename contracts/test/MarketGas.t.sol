// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {MarketBase} from "./utils/MarketBase.sol";

/// Gas of the market's hot paths, measured like Gas.t.sol: execution gas of the external call (no 21,000 intrinsic,
/// no calldata), every slot cold as in a fresh transaction. Realistic rules (2 countries, all categories, holder and
/// balance caps, expired lock-up); both traders already hold shares and HKD, the fee recipient already holds HKD,
/// and the seller approved exactly the order size (so the share allowance is written, the worst case).
contract MarketGasTest is MarketBase {
    uint256 internal constant FILL_TARGET = 118_000;

    uint256 internal askId;
    uint256 internal bidId;

    function setUp() public override {
        super.setUp();
        _setRules(_rules(100, 1_000_000, 7 days));
        _mint(carol, 1000);
        vm.warp(block.timestamp + 8 days);
        vm.prank(alice);
        token.approve(address(market), 10);
        askId = _ask(alice, 10, PRICE);
        bidId = _bid(carol, 10, PRICE);
        // Warm up the fee recipient's balance (non-zero, as after the first trade) and bob's share allowance.
        vm.prank(admin);
        hkd.mint(feeRecipient, 1);
        vm.prank(bob);
        token.approve(address(market), 10);
    }

    function test_gas_fillAsk_betweenExistingHolders() public {
        vm.prank(bob);
        uint256 g = gasleft();
        market.fill(askId, 10, PRICE);
        g -= gasleft();
        console.log("fill ask, full, existing holders (execution gas):", g);
        assertLe(g, FILL_TARGET);
    }

    function test_gas_fillAsk_partial() public {
        vm.prank(bob);
        uint256 g = gasleft();
        market.fill(askId, 4, PRICE);
        g -= gasleft();
        console.log("fill ask, partial, existing holders (execution gas):", g);
        assertLe(g, FILL_TARGET);
    }

    function test_gas_fillBid_betweenExistingHolders() public {
        vm.prank(bob);
        uint256 g = gasleft();
        market.fill(bidId, 10, PRICE);
        g -= gasleft();
        console.log("fill bid, full, existing holders (execution gas):", g);
    }

    function test_gas_placeAsk() public {
        vm.prank(bob);
        uint256 g = gasleft();
        market.placeAsk(address(token), 10, PRICE);
        g -= gasleft();
        console.log("placeAsk (execution gas):", g);
    }

    function test_gas_placeBid() public {
        vm.prank(bob);
        uint256 g = gasleft();
        market.placeBid(address(token), 10, PRICE);
        g -= gasleft();
        console.log("placeBid with escrow (execution gas):", g);
    }

    function test_gas_cancelBid() public {
        vm.prank(carol);
        uint256 g = gasleft();
        market.cancel(bidId);
        g -= gasleft();
        console.log("cancel bid with refund (execution gas):", g);
    }

    function test_gas_cancelAsk() public {
        vm.prank(alice);
        uint256 g = gasleft();
        market.cancel(askId);
        g -= gasleft();
        console.log("cancel ask (execution gas):", g);
    }

    function test_gas_tokenTransferBaseline() public {
        vm.prank(alice);
        uint256 g = gasleft();
        token.transfer(bob, 10);
        g -= gasleft();
        console.log("baseline: share transfer between holders (execution gas):", g);
    }
}
