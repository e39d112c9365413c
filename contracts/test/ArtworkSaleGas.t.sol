// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {SaleBase} from "./utils/SaleBase.sol";
import {TxGas} from "./utils/TxGas.sol";
import {ArtworkSale} from "../src/ArtworkSale.sol";

/// Gas of a vote and of a redemption as TOTAL TRANSACTION gas (see {TxGas}), every slot cold, as the other targets. A
/// register of 1,000 holders (a proof of 10 hashes); the redeeming holder already holds HKD. Targets (issue 15): a vote
/// ≤ 90,000, a redemption ≤ 100,000. Each is asserted against a ceiling just above its measured figure, so that any
/// growth fails here (vote 79,242 → 78,265 and redemption 89,854 → 89,084 once the token and registry reads became lean
/// static calls, {StaticRead}).
contract ArtworkSaleGasTest is SaleBase, TxGas {
    uint256 internal constant VOTE_TARGET = 90_000;
    uint256 internal constant REDEEM_TARGET = 100_000;
    uint256 internal constant VOTE_CEILING = 78_300;
    uint256 internal constant REDEEM_CEILING = 89_150;
    uint256 internal constant HOLDERS = 1000;

    uint256 internal id;
    uint256 internal approvedId;

    function setUp() public override {
        super.setUp();
        delete _wallets;
        delete _weights;
        for (uint256 i; i < HOLDERS; ++i) {
            address w = i == 7 ? alice : i == 8 ? bob : i == 9 ? carol : address(uint160(0x10000 + i));
            _wallets.push(w);
            _weights.push(i == 7 ? 600 : i == 8 ? 300 : i == 9 ? 100 : 0);
        }
        id = _open();
        vm.startPrank(admin);
        hkd.mint(alice, 1);
        hkd.mint(bob, 1);
        vm.stopPrank();
    }

    function test_gas_vote_firstAndChanged() public {
        (uint256 g,) = _sendTx(
            bob, address(sale), abi.encodeCall(ArtworkSale.vote, (id, 8, bob, 300, true, _proof(8)))
        );
        console.log("vote, 1,000 holders (total tx gas):", g);
        assertEq(sale.sale(id).forVotes, 300);
        assertLe(g, VOTE_TARGET);
        assertLe(g, VOTE_CEILING);
    }

    function test_gas_redeem() public {
        vm.prank(alice);
        sale.vote(id, 7, alice, 600, true, _proof(7));
        vm.warp(block.timestamp + 7 days);
        sale.finalize(id);
        (uint256 g,) = _sendTx(bob, address(sale), abi.encodeCall(ArtworkSale.redeem, (id)));
        console.log("redemption (total tx gas):", g);
        assertEq(token.balanceOf(bob), 0);
        assertEq(hkd.balanceOf(bob), 1 + PRICE * 3 / 10);
        assertLe(g, REDEEM_TARGET);
        assertLe(g, REDEEM_CEILING);
    }
}
