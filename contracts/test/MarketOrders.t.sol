// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {MarketBase} from "./utils/MarketBase.sol";
import {TxGas} from "./utils/TxGas.sol";
import {Market} from "../src/Market.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import "../src/interfaces/IMarket.sol";
import "../src/interfaces/IArtworkShareToken.sol";

/// Honest orders (issue 13 items 4–5, issue 11 items 2 and 5): backed asks, expiry, the taker's fee cap,
/// self-trade by investor, fees in whole cents, and the open-orders index.
contract MarketOrdersTest is MarketBase, TxGas {
    function _notBacked(address seller, uint256 needed, uint256 available, uint8 code)
        internal
        view
        returns (bytes memory)
    {
        return abi.encodeWithSelector(
            IMarket.MarketAsksNotBacked.selector, address(token), seller, needed, available, code
        );
    }

    // ================================================================ a token whose shares are all issued

    /// Once the offering has sold every share (supply = max supply), bids must still be placeable and fillable: the
    /// market asks the token whether the buyer may RECEIVE, not whether a mint to it fits under the maximum supply.
    function test_fullyIssuedToken_bidsPlaceAndFill() public {
        ArtworkShareToken sold = _deploy(_rules(0, 0, 0), 2000);
        vm.startPrank(address(offering));
        sold.mint(alice, 1000);
        sold.mint(bob, 1000);
        vm.stopPrank();
        assertEq(sold.totalSupply(), sold.maxSupply());
        // No mint fits, but a purchase from a holder does: canTransfer(0, …) is the receiver's rules alone.
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareMaxSupplyExceeded.selector, 2000, 2001));
        vm.prank(address(offering));
        sold.mint(carol, 1);
        assertEq(sold.canTransfer(address(0), carol, 10), TRANSFER_OK);

        vm.prank(carol);
        (uint256 id,) = market.placeBid(address(sold), 10, PRICE, _expiry(), 100);
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(code, FILL_OK);
        assertEq(n, 10);
        _approveShares(sold, alice);
        vm.prank(alice);
        market.fill(id, 10, PRICE, 100);
        assertEq(sold.balanceOf(carol), 10);
        assertEq(sold.balanceOf(alice), 990);
    }

    /// canTransfer(0, to, n) says the receiver's refusals in the same codes as a transfer would.
    function test_canTransferFromZero_receiverRulesAlone() public {
        assertEq(token.canTransfer(address(0), stranger, 1), TRANSFER_RECEIVER_NOT_VERIFIED);
        _freeze(carol, true);
        assertEq(token.canTransfer(address(0), carol, 1), TRANSFER_RECEIVER_FROZEN);
        _freeze(carol, false);
        assertEq(token.canTransfer(address(0), carol, 1), TRANSFER_OK);
        assertEq(token.canTransfer(address(0), carol, 1), token.canTransfer(alice, carol, 1));
    }

    /// A token paused by compliance is a temporary stop: a stranger cannot wipe its asks meanwhile; the maker can
    /// still cancel its own, and after the pause the ask fills again.
    function test_pausedToken_strangerCannotCancelAsks() public {
        uint256 id = _ask(alice, 10, PRICE);
        vm.prank(agent);
        token.pause();
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketUnauthorizedCancel.selector, id, stranger));
        vm.prank(stranger);
        market.cancel(id);
        vm.prank(agent);
        token.unpause();
        assertEq(_fill(bob, id, 10, PRICE), 10);
        uint256 own = _ask(alice, 5, PRICE);
        vm.prank(agent);
        token.pause();
        vm.prank(alice);
        market.cancel(own);
        assertEq(market.openAskShares(address(token), alice), 0);
    }

    // ================================================================ backed asks

    /// 13.4: an empty, unverified wallet could place 1,000,000 shares at price 1.
    function test_placeAsk_refusesUnverifiedAndEmptyWallets() public {
        vm.prank(stranger);
        token.approve(address(market), type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketMakerNotEligible.selector, address(token), stranger, FILL_SELLER_NOT_VERIFIED
            )
        );
        vm.prank(stranger);
        market.placeAsk(address(token), 1_000_000, 0.01e6, _expiry(), 100);
        // carol is verified but holds nothing.
        vm.expectRevert(_notBacked(carol, 1_000_000, 0, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE));
        _ask(carol, 1_000_000, 0.01e6);
        _freeze(alice, true);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketMakerNotEligible.selector, address(token), alice, TRANSFER_SENDER_FROZEN
            )
        );
        _ask(alice, 1, PRICE);
    }

    /// 11.2: asks of 3 and 2 with an allowance of 3 — the second ask is refused, so the first stays deliverable.
    function test_secondAsk_mustBeCoveredWithTheFirst() public {
        vm.prank(alice);
        token.approve(address(market), 3);
        uint256 first = _ask(alice, 3, PRICE);
        vm.expectRevert(_notBacked(alice, 5, 3, FILL_SHARE_ALLOWANCE_SHORT));
        _ask(alice, 2, PRICE);
        // Approving what both need lets the second in; both stay deliverable after either fills.
        vm.prank(alice);
        token.approve(address(market), 5);
        uint256 second = _ask(alice, 2, PRICE);
        assertEq(market.openAskShares(address(token), alice), 5);
        _fill(bob, second, 2, PRICE);
        (uint256 n, uint8 code) = market.fillable(first);
        assertEq(n, 3);
        assertEq(code, FILL_OK);
        _fill(bob, first, 3, PRICE);
        assertEq(market.openAskShares(address(token), alice), 0);
        assertEq(token.allowance(alice, address(market)), 0);
    }

    /// 13.4: an ask whose maker sold elsewhere is refused at fill with its code and anyone may clear it; it does not
    /// come back to life when the maker holds again.
    function test_askNoLongerBacked_refusedWithCodeAndCancellableByAnyone() public {
        uint256 id = _ask(alice, 600, PRICE);
        vm.prank(alice);
        token.transfer(carol, 500); // 500 left < 600
        vm.expectRevert(
            abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, id, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE)
        );
        _fill(bob, id, 1, PRICE);
        vm.expectEmit(address(market));
        emit IMarket.OrderCancelled(id, 600, stranger, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        vm.prank(stranger);
        market.cancel(id);
        assertEq(market.openAskShares(address(token), alice), 0);
        assertEq(market.openOrderCount(address(token)), 0);
        // A live, backed ask cannot be cancelled by a stranger.
        uint256 live = _ask(alice, 5, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketUnauthorizedCancel.selector, live, stranger));
        vm.prank(stranger);
        market.cancel(live);
    }

    /// KYC lapse after placement: refused at fill as "seller not verified".
    function test_askMakerKycExpired_refusedAtFill() public {
        vm.warp(kycExpiry - 1 days);
        uint256 id = _ask(alice, 5, PRICE);
        vm.warp(kycExpiry);
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(n, 0);
        assertEq(code, FILL_SELLER_NOT_VERIFIED);
    }

    /// Selling into a bid may not take the shares the seller's own asks need.
    function test_fillBid_keepsSellersOwnAsksBacked() public {
        // The ask is priced above the bid, so it rests beside it (a crossing ask would trade against the bid).
        _ask(alice, 998, PRICE + 1e6);
        uint256 bid = _bid(carol, 5, PRICE);
        vm.expectRevert(_notBacked(alice, 1001, 1000, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE));
        _fill(alice, bid, 3, PRICE);
        (uint256 n, uint8 code) = market.fillableBy(bid, alice);
        assertEq(n, 2);
        assertEq(code, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        _fill(alice, bid, 2, PRICE);
    }

    function testFuzz_asks_neverExceedFreeBalanceOrAllowance(uint256[6] memory sizes, uint256 allowance) public {
        allowance = bound(allowance, 0, 1500);
        vm.prank(alice);
        token.approve(address(market), allowance);
        for (uint256 i; i < sizes.length; ++i) {
            uint256 s = bound(sizes[i], 1, 600);
            vm.prank(alice);
            try market.placeAsk(address(token), s, PRICE, _expiry(), 100) {} catch {}
            uint256 open = market.openAskShares(address(token), alice);
            assertLe(open, token.freeBalanceOf(alice));
            assertLe(open, token.allowance(alice, address(market)));
        }
    }

    // ================================================================ expiry

    function test_expiry_rangeCheckedAtPlacement() public {
        uint256 latest = block.timestamp + 90 days;
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidExpiry.selector, block.timestamp, latest));
        market.placeAsk(address(token), 1, PRICE, block.timestamp, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidExpiry.selector, latest + 1, latest));
        market.placeBid(address(token), 1, PRICE, latest + 1, 100);
        market.placeBid(address(token), 1, PRICE, latest, 100);
        vm.stopPrank();
    }

    function test_expiredOrders_cannotFill_escrowReturnsOnCancelByAnyone() public {
        uint256 bid = _bid(carol, 10, PRICE);
        uint256 ask = _ask(alice, 10, PRICE + 1e6);
        IMarket.OrderView memory o = market.order(bid);
        vm.warp(o.expiresAt);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, bid, FILL_ORDER_EXPIRED));
        _fill(alice, bid, 1, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, ask, FILL_ORDER_EXPIRED));
        _fill(bob, ask, 1, PRICE + 1e6);
        (, uint8 code) = market.fillable(bid);
        assertEq(code, FILL_ORDER_EXPIRED);
        uint256 before = hkd.balanceOf(carol);
        vm.expectEmit(address(market));
        emit IMarket.OrderCancelled(bid, 10, stranger, FILL_ORDER_EXPIRED);
        vm.prank(stranger);
        market.cancel(bid);
        assertEq(hkd.balanceOf(carol) - before, 10 * PRICE);
        assertEq(hkd.balanceOf(address(market)), 0);
    }

    // ================================================================ taker's fee cap

    function test_fill_refusesFeeAboveTakersMax() public {
        uint256 id = _ask(alice, 10, PRICE);
        vm.prank(admin);
        market.setFee(feeRecipient, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketFeeAboveMax.selector, 100, 50));
        vm.prank(bob);
        market.fill(id, 1, PRICE, 50);
        vm.prank(bob);
        market.fill(id, 1, PRICE, 100);
    }

    // ================================================================ self-trade by investor

    function test_selfTrade_byInvestorNotOnlyAddress() public {
        _fundMarket(alice2, 10 * PRICE);
        _approveShares(token, alice2);
        uint256 ask = _ask(alice, 10, PRICE);
        // Below the ask: a crossing bid would stop at the investor's own ask and not rest (see MarketMatching.t.sol).
        uint256 bid = _bid(alice2, 10, PRICE - 1e6);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketSelfTrade.selector, ask, alice2));
        _fill(alice2, ask, 1, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketSelfTrade.selector, bid, alice));
        _fill(alice, bid, 1, PRICE - 1e6);
        (, uint8 code) = market.fillableBy(ask, alice2);
        assertEq(code, FILL_SELF_TRADE);
        (, code) = market.fillableBy(bid, alice);
        assertEq(code, FILL_SELF_TRADE);
    }

    // ================================================================ fees in whole cents

    /// 11.5: 0.5 % of HK$10,161 is HK$50.805; the chain takes HK$50.80 (rounded down, in the taker's favour), and
    /// the taker's balance moves by exactly value + fee as quoted.
    function test_fee_wholeCents_quoteEqualsBalanceChange() public {
        uint256 id = _ask(alice, 3, 3387e6); // 3 × HK$3,387 = HK$10,161
        (uint256 filled, uint256 cost, uint256 fee) = market.quote(id, 3);
        assertEq(filled, 3);
        assertEq(cost, 10_161e6);
        assertEq(fee, 50.8e6);
        uint256 before = hkd.balanceOf(bob);
        _fill(bob, id, 3, 3387e6);
        assertEq(before - hkd.balanceOf(bob), cost + fee);
        assertEq(hkd.balanceOf(feeRecipient), 50.8e6);
    }

    function test_price_mustBeWholeCents() public {
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidPrice.selector, 100.005e6));
        _ask(alice, 1, 100.005e6);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidPrice.selector, 1));
        _bid(carol, 1, 1);
        assertEq(market.cent(), 1e4);
    }
}

/// Gas with the new checks, as total transaction gas with every slot cold (the book is built in setUp, see {TxGas}).
/// Alice's ask sits among 1,000 other open orders on the token (500 asks of bob, 500 bids of carol).
contract MarketBookGasTest is MarketBase, TxGas {
    uint256 internal askId;

    function setUp() public override {
        super.setUp();
        _setRules(_rules(100, 1_000_000, 7 days));
        _mint(carol, 1000);
        vm.warp(block.timestamp + 8 days);
        for (uint256 i; i < 500; ++i) {
            _ask(bob, 1, PRICE + 0.01e6 * (i + 1));
            _bid(carol, 1, PRICE - 0.01e6 * (i + 1));
        }
        vm.prank(alice);
        token.approve(address(market), 10);
        askId = _ask(alice, 10, PRICE);
        vm.prank(admin);
        hkd.mint(feeRecipient, 1);
        // Checked here, not in the test: a read of the index before the measured call would warm its slots.
        assertEq(market.openOrderCount(address(token)), 1001);
    }

    function test_gas_fillAsk_full_with1000OpenOrders() public {
        (uint256 g,) = _sendTx(carol, address(market), abi.encodeCall(Market.fill, (askId, 10, PRICE, 100)));
        console.log("fill ask, full, among 1,000 open orders (total tx gas):", g);
        assertEq(market.openOrderCount(address(token)), 1000);
        assertEq(market.openOrders(address(token), 0, 2000).length, 1000);
    }

    function test_gas_placeAsk_withBackingChecks() public {
        uint256 e = block.timestamp + 30 days;
        (uint256 g,) =
            _sendTx(bob, address(market), abi.encodeCall(Market.placeAsk, (address(token), 10, PRICE, e, 100)));
        console.log("placeAsk with backing checks, maker with 500 open asks (total tx gas):", g);
    }

    /// A bid that crosses (alice's ask at PRICE) reads the whole open index once: the cost of matching in a deep book.
    function test_gas_placeBid_crossing_with1000OpenOrders() public {
        uint256 e = block.timestamp + 30 days;
        (uint256 g,) =
            _sendTx(carol, address(market), abi.encodeCall(Market.placeBid, (address(token), 10, PRICE, e, 100)));
        console.log("placeBid matching 1 ask, 1,001 open orders read (total tx gas):", g);
        assertEq(market.order(askId).remaining, 0);
    }
}
