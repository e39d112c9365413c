// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {MarketBase} from "./utils/MarketBase.sol";
import {TxGas} from "./utils/TxGas.sol";
import {Market} from "../src/Market.sol";

/// Gas of the market's hot paths as TOTAL TRANSACTION gas, measured like Gas.t.sol (see {TxGas}). Realistic rules
/// (2 countries, all categories, holder and balance caps, expired lock-up); both traders already hold shares and
/// HKD, the fee recipient already holds HKD, and the seller approved exactly the order size (so the share allowance
/// is written, the worst case).
contract MarketGasTest is MarketBase, TxGas {
    /// Seaport's cheapest general fill (a whole transaction) was the target: 118,000. NOT MET since asks are backed:
    /// besides the share transfer (~43,000–51,000 with the token's sender and receiver checks) and the payment, a fill
    /// reads the registry (platform stop, the maker's KYC, the taker's investor id), the maker's free balance and
    /// allowance, the config and the order's two slots, and writes the order and the maker's open-ask total; an ask's
    /// taker pays the maker and the fee recipient (two transfers). See contracts/README.md. This ceiling is the
    /// measured worst case of the three books below (a full ask fill on the book with holes pending, 142,250; on the
    /// other books 139,157, and 140,045 partly) rounded up, so that any growth fails here. It was 148,400 before the
    /// second gas pass (the index's holes reused instead of swap-and-pop; the fee out of bid escrow accrued instead of
    /// a second transfer).
    /// The token's `sold` check (a sale the holders approved, issue 15) adds ~143 gas to every transfer: 142,393.
    /// The market's reads of the token and the registry as lean static calls ({StaticRead}): 141,248 (138,155 on the
    /// other books, 139,044 partly).
    uint256 internal constant FILL_TARGET = 141_300;

    uint256 internal constant BID_PRICE = PRICE - 1e6;

    uint256 internal askId;
    uint256 internal bidId;

    function setUp() public virtual override {
        super.setUp();
        _setRules(_rules(100, 1_000_000, 7 days));
        _mint(carol, 1000);
        vm.warp(block.timestamp + 8 days);
        vm.prank(alice);
        token.approve(address(market), 10);
        askId = _ask(alice, 10, PRICE);
        // Below the ask: a bid at the ask's price would trade against it on placement.
        bidId = _bid(carol, 10, BID_PRICE);
        // Warm up the fee recipient's balance (non-zero, as after the first trade) and bob's share allowance.
        vm.prank(admin);
        hkd.mint(feeRecipient, 1);
        vm.prank(bob);
        token.approve(address(market), 10);
    }

    /// The limit is the order's own price, known from setUp: reading it here with `market.order` would warm the
    /// order's slots in this transaction and measure the fill ~4,000–6,000 gas below its receipt.
    function _fillTx(uint256 id, uint256 shares) internal returns (uint256 g) {
        uint256 limit = id == askId ? PRICE : BID_PRICE;
        (g,) = _sendTx(bob, address(market), abi.encodeCall(Market.fill, (id, shares, limit, FEE_BPS)));
    }

    function test_gas_fillAsk_betweenExistingHolders() public {
        uint256 g = _fillTx(askId, 10);
        console.log("fill ask, full, existing holders (total tx gas):", g);
        assertEq(token.balanceOf(bob), 1010);
        assertLe(g, FILL_TARGET);
    }

    function test_gas_fillAsk_partial() public {
        uint256 g = _fillTx(askId, 4);
        console.log("fill ask, partial, existing holders (total tx gas):", g);
        assertEq(token.balanceOf(bob), 1004);
        assertLe(g, FILL_TARGET);
    }

    function test_gas_fillBid_betweenExistingHolders() public {
        uint256 g = _fillTx(bidId, 10);
        console.log("fill bid, full, existing holders (total tx gas):", g);
        assertEq(token.balanceOf(carol), 1010);
        assertLe(g, FILL_TARGET);
    }

    function test_gas_fillBid_partial() public {
        uint256 g = _fillTx(bidId, 4);
        console.log("fill bid, partial, existing holders (total tx gas):", g);
        assertEq(token.balanceOf(carol), 1004);
        assertLe(g, FILL_TARGET);
    }

    function test_gas_placeAsk() public {
        (uint256 g,) = _sendTx(
            bob,
            address(market),
            abi.encodeCall(Market.placeAsk, (address(token), 10, PRICE + 1e6, block.timestamp + 30 days, 100))
        );
        console.log("placeAsk (total tx gas):", g);
    }

    function test_gas_placeBid() public {
        (uint256 g,) = _sendTx(
            bob,
            address(market),
            abi.encodeCall(Market.placeBid, (address(token), 10, PRICE - 2e6, block.timestamp + 30 days, 100))
        );
        console.log("placeBid with escrow (total tx gas):", g);
    }

    function test_gas_cancelBid() public {
        (uint256 g,) = _sendTx(carol, address(market), abi.encodeCall(Market.cancel, (bidId)));
        console.log("cancel bid with refund (total tx gas):", g);
    }

    function test_gas_cancelAsk() public {
        (uint256 g,) = _sendTx(alice, address(market), abi.encodeCall(Market.cancel, (askId)));
        console.log("cancel ask (total tx gas):", g);
    }

    function test_gas_tokenTransferBaseline() public {
        (uint256 g,) = _sendTx(alice, address(token), abi.encodeCall(token.transfer, (bob, 10)));
        console.log("baseline: share transfer between holders (total tx gas):", g);
    }
}

/// The same cases on a busier book: a second bid rests below the first, so the market holds other escrow (its
/// payment balance never returns to zero, as on a live market) and a bid filled in full is not the last entry of the
/// open-orders index (the index's general case, not its cheapest).
contract MarketGasBusyBookTest is MarketGasTest {
    function setUp() public virtual override {
        super.setUp();
        _bid(carol, 10, BID_PRICE - 1e6);
    }
}

/// The worst case of the index: more orders closed than placed lately, so the header's two reusable positions are
/// taken and the list through closed orders is not empty — a closing fill writes its order's third slot (`nextFree`).
contract MarketGasHolesBookTest is MarketGasBusyBookTest {
    function setUp() public override {
        super.setUp();
        uint256[4] memory b;
        for (uint256 i; i < 4; ++i) {
            b[i] = _bid(carol, 1, BID_PRICE - (2 + i) * 1e6);
        }
        vm.startPrank(carol);
        market.cancel(b[0]);
        market.cancel(b[1]);
        market.cancel(b[2]);
        vm.stopPrank();
    }
}
