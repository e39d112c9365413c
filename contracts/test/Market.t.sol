// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {MarketBase} from "./utils/MarketBase.sol";
import {Market} from "../src/Market.sol";
import "../src/interfaces/IMarket.sol";
import "../src/interfaces/IArtworkShareToken.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";

contract MarketTest is MarketBase {
    // ================================================================ construction and admin

    function test_constructor_setsConfig() public view {
        assertEq(market.paymentToken(), address(hkd));
        assertEq(market.factory(), address(factory));
        (address r, uint256 bps) = market.fee();
        assertEq(r, feeRecipient);
        assertEq(bps, FEE_BPS);
        assertTrue(market.hasRole(market.DEFAULT_ADMIN_ROLE(), admin));
        assertEq(market.orderCount(), 0);
        assertFalse(market.paused());
    }

    function test_constructor_rejectsZeroAndHighFee() public {
        IERC20 pay = IERC20(address(hkd));
        vm.expectRevert(IMarket.MarketZeroAddress.selector);
        new Market(IERC20(address(0)), address(factory), feeRecipient, 10, admin);
        vm.expectRevert(IMarket.MarketZeroAddress.selector);
        new Market(pay, address(0), feeRecipient, 10, admin);
        vm.expectRevert(IMarket.MarketZeroAddress.selector);
        new Market(pay, address(factory), address(0), 10, admin);
        vm.expectRevert(IMarket.MarketZeroAddress.selector);
        new Market(pay, address(factory), feeRecipient, 10, address(0));
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketFeeTooHigh.selector, 101, 100));
        new Market(pay, address(factory), feeRecipient, 101, admin);
    }

    function test_setFee_adminOnlyAndCapped() public {
        vm.expectRevert(_unauthorized(stranger, bytes32(0)));
        vm.prank(stranger);
        market.setFee(stranger, 10);

        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketFeeTooHigh.selector, 101, 100));
        vm.prank(admin);
        market.setFee(feeRecipient, 101);

        vm.expectEmit(address(market));
        emit IMarket.FeeUpdated(treasury, 100);
        vm.prank(admin);
        market.setFee(treasury, 100);
        (address r, uint256 bps) = market.fee();
        assertEq(r, treasury);
        assertEq(bps, 100);
    }

    function test_pause_stopsPlaceAndFillButNotCancel() public {
        uint256 bid = _bid(carol, 5, PRICE - 1e6);
        uint256 ask = _ask(alice, 5, PRICE);
        vm.expectRevert(_unauthorized(stranger, bytes32(0)));
        vm.prank(stranger);
        market.setPaused(true);
        vm.prank(admin);
        market.setPaused(true);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketPausedState.selector, true));
        vm.prank(admin);
        market.setPaused(true);

        vm.expectRevert(IMarket.MarketPaused.selector);
        _ask(alice, 1, PRICE);
        vm.expectRevert(IMarket.MarketPaused.selector);
        _bid(carol, 1, PRICE);
        vm.expectRevert(IMarket.MarketPaused.selector);
        _fill(bob, ask, 1, PRICE);
        (uint256 n, uint8 code) = market.fillable(ask);
        assertEq(n, 0);
        assertEq(code, FILL_MARKET_PAUSED);

        uint256 before = hkd.balanceOf(carol);
        vm.prank(carol);
        market.cancel(bid);
        assertEq(hkd.balanceOf(carol) - before, 5 * (PRICE - 1e6));
        vm.prank(alice);
        market.cancel(ask);
    }

    // ================================================================ placing

    function test_placeAsk_storesOrderWithoutEscrow() public {
        vm.expectEmit(address(market));
        emit IMarket.OrderPlaced(1, alice, address(token), IMarket.Side.Ask, 10, PRICE, _expiry());
        uint256 id = _ask(alice, 10, PRICE);
        assertEq(id, 1);
        assertEq(market.orderCount(), 1);
        IMarket.OrderView memory o = market.order(id);
        assertEq(o.maker, alice);
        assertEq(o.token, address(token));
        assertEq(uint8(o.side), uint8(IMarket.Side.Ask));
        assertEq(o.price, PRICE);
        assertEq(o.size, 10);
        assertEq(o.remaining, 10);
        assertEq(o.filled, 0);
        assertEq(o.cancelled, 0);
        assertEq(token.balanceOf(alice), 1000);
        assertEq(token.balanceOf(address(market)), 0);
        assertEq(market.escrowOf(id), 0);
    }

    function test_placeBid_escrowsPayment() public {
        uint256 before = hkd.balanceOf(carol);
        vm.expectEmit(address(market));
        emit IMarket.OrderPlaced(1, carol, address(token), IMarket.Side.Bid, 7, PRICE, _expiry());
        uint256 id = _bid(carol, 7, PRICE);
        assertEq(before - hkd.balanceOf(carol), 7 * PRICE);
        assertEq(hkd.balanceOf(address(market)), 7 * PRICE);
        assertEq(market.escrowOf(id), 7 * PRICE);
        assertEq(uint8(market.order(id).side), uint8(IMarket.Side.Bid));
    }

    function test_place_rejectsBadInput() public {
        uint256 e = _expiry();
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidShares.selector, 0));
        market.placeAsk(address(token), 0, PRICE, e, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidShares.selector, uint256(1) << 64));
        market.placeBid(address(token), uint256(1) << 64, PRICE, e, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidPrice.selector, 0));
        market.placeAsk(address(token), 1, 0, e, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidPrice.selector, uint256(1) << 88));
        market.placeBid(address(token), 1, uint256(1) << 88, e, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketUnknownToken.selector, address(hkd)));
        market.placeAsk(address(hkd), 1, PRICE, e, 100);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketUnknownToken.selector, address(impl)));
        market.placeBid(address(impl), 1, PRICE, e, 100);
        vm.stopPrank();
    }

    function test_placeBid_rejectsIneligibleMaker() public {
        _fundMarket(dave, 1000e6);
        _fundMarket(stranger, 1000e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketMakerNotEligible.selector, address(token), dave, TRANSFER_COUNTRY_NOT_ALLOWED
            )
        );
        _bid(dave, 1, PRICE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketMakerNotEligible.selector, address(token), stranger, TRANSFER_RECEIVER_NOT_VERIFIED
            )
        );
        _bid(stranger, 1, PRICE);
        _freeze(carol, true);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketMakerNotEligible.selector, address(token), carol, TRANSFER_RECEIVER_FROZEN
            )
        );
        _bid(carol, 1, PRICE);
    }

    /// After the holders approve a sale of the artwork (the ArtworkSale ends the token's trading), no order is placed
    /// on it: an ask would rest unfillable while the maker's shares wait for redemption (issue 15).
    function test_place_refusedOnceTradingEnded() public {
        _fundMarket(carol, 1000e6);
        uint256 e = _expiry();
        vm.prank(address(sale));
        token.redeem(address(0)); // what an approved sale's finalize does: trading ends for good
        vm.expectRevert(
            abi.encodeWithSelector(IMarket.MarketMakerNotEligible.selector, address(token), alice, uint8(15))
        );
        vm.prank(alice);
        market.placeAsk(address(token), 1, PRICE, e, 100);
        vm.expectRevert(
            abi.encodeWithSelector(IMarket.MarketMakerNotEligible.selector, address(token), carol, uint8(15))
        );
        vm.prank(carol);
        market.placeBid(address(token), 1, PRICE, e, 100);
    }

    // ================================================================ filling asks

    function test_fillAsk_full_deliveryVersusPayment() public {
        uint256 id = _ask(alice, 10, PRICE);
        uint256 cost = 10 * PRICE;
        uint256 fee = _fee(cost);
        uint256 aliceHkd = hkd.balanceOf(alice);
        uint256 bobHkd = hkd.balanceOf(bob);
        vm.expectEmit(address(market));
        emit IMarket.OrderFilled(id, bob, 10, PRICE, fee);
        uint256 n = _fill(bob, id, 10, PRICE);
        assertEq(n, 10);
        assertEq(token.balanceOf(alice), 990);
        assertEq(token.balanceOf(bob), 1010);
        assertEq(hkd.balanceOf(alice) - aliceHkd, cost);
        assertEq(bobHkd - hkd.balanceOf(bob), cost + fee);
        assertEq(hkd.balanceOf(feeRecipient), fee);
        assertEq(hkd.balanceOf(address(market)), 0);
        IMarket.OrderView memory o = market.order(id);
        assertEq(o.remaining, 0);
        assertEq(o.filled, 10);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotOpen.selector, id));
        _fill(bob, id, 1, PRICE);
    }

    function test_fillAsk_partialThenRestCapped() public {
        uint256 id = _ask(alice, 10, PRICE);
        assertEq(_fill(bob, id, 4, PRICE), 4);
        assertEq(market.order(id).remaining, 6);
        assertEq(market.order(id).filled, 4);
        // Asking for more than remains fills the rest only.
        assertEq(_fill(carol, id, 100, PRICE), 6);
        assertEq(token.balanceOf(carol), 6);
        assertEq(market.order(id).filled, 10);
        assertEq(market.order(id).remaining, 0);
    }

    function test_fillAsk_priceProtection() public {
        uint256 id = _ask(alice, 10, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketPriceLimit.selector, id, PRICE, PRICE - 1));
        _fill(bob, id, 1, PRICE - 1);
        // A generous limit still trades at the order price.
        uint256 before = hkd.balanceOf(bob);
        _fill(bob, id, 1, PRICE * 2);
        assertEq(before - hkd.balanceOf(bob), PRICE + _fee(PRICE));
    }

    function test_fill_rejectsZeroSelfAndUnknown() public {
        uint256 id = _ask(alice, 10, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketInvalidShares.selector, 0));
        _fill(bob, id, 0, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketSelfTrade.selector, id, alice));
        _fill(alice, id, 1, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotOpen.selector, 99));
        _fill(bob, 99, 1, PRICE);
    }

    function test_fillAsk_unverifiedBuyerRefusedByToken() public {
        uint256 id = _ask(alice, 10, PRICE);
        _fundMarket(stranger, 10_000e6);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        _fill(stranger, id, 1, PRICE);
    }

    function test_fillAsk_wrongCountryRefusedByToken() public {
        uint256 id = _ask(alice, 10, PRICE);
        _fundMarket(dave, 10_000e6);
        vm.expectRevert(_refused(TRANSFER_COUNTRY_NOT_ALLOWED));
        _fill(dave, id, 1, PRICE);
    }

    function test_fillAsk_wrongCategoryRefusedByToken() public {
        uint256 id = _ask(bob, 10, PRICE);
        IArtworkShareToken.Rules memory r = _rules(0, 0, 0);
        r.eligibleCategories = 0x0C; // professional + institutional: alice is retail
        _setRules(r);
        _fundMarket(alice, 0);
        vm.expectRevert(_refused(TRANSFER_CATEGORY_NOT_ELIGIBLE));
        _fill(alice, id, 1, PRICE);
    }

    function test_fillAsk_frozenSellerOrBuyerRefusedByToken() public {
        uint256 id = _ask(alice, 10, PRICE);
        _freeze(alice, true);
        // The market refuses the ask itself (its maker is frozen), with the token's code.
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, id, TRANSFER_SENDER_FROZEN));
        _fill(bob, id, 1, PRICE);
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(n, 0);
        assertEq(code, TRANSFER_SENDER_FROZEN);
        _freeze(alice, false);
        _freeze(bob, true);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_FROZEN));
        _fill(bob, id, 1, PRICE);
        (n, code) = market.fillableBy(id, bob);
        assertEq(code, TRANSFER_RECEIVER_FROZEN);
        _fill(carol, id, 1, PRICE);
    }

    function test_fillAsk_lockedUpSellerRefusedByToken() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(carol, 50);
        _approveShares(token, carol);
        // Locked shares cannot back an ask: refused at placement.
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketAsksNotBacked.selector, address(token), carol, 10, 0, TRANSFER_SHARES_LOCKED
            )
        );
        _ask(carol, 10, PRICE);
        vm.warp(block.timestamp + 30 days);
        uint256 id = _ask(carol, 10, PRICE);
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(n, 10);
        assertEq(code, FILL_OK);
        _fill(bob, id, 10, PRICE);
    }

    function test_fillAsk_pausedTokenRefused() public {
        uint256 id = _ask(alice, 10, PRICE);
        vm.prank(agent);
        token.pause();
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        _fill(bob, id, 1, PRICE);
        (, uint8 code) = market.fillable(id);
        assertEq(code, TRANSFER_PAUSED);
    }

    function test_fillAsk_maxHoldersAndBalanceRefused() public {
        _setRules(_rules(2, 1005, 0)); // alice + bob hold: carol would be a third investor
        uint256 id = _ask(alice, 10, PRICE);
        vm.expectRevert(_refused(TRANSFER_MAX_HOLDERS_REACHED));
        _fill(carol, id, 1, PRICE);
        vm.expectRevert(_refused(TRANSFER_MAX_BALANCE_EXCEEDED));
        _fill(bob, id, 6, PRICE);
        _fill(bob, id, 5, PRICE);
    }

    function test_fillAsk_sellerWithoutAllowanceOrShares() public {
        // At placement: the allowance and the free balance must cover the ask.
        vm.prank(alice);
        token.approve(address(market), 3);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketAsksNotBacked.selector, address(token), alice, 10, 3, FILL_SHARE_ALLOWANCE_SHORT
            )
        );
        _ask(alice, 10, PRICE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMarket.MarketAsksNotBacked.selector,
                address(token),
                bob,
                2000,
                1000,
                TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE
            )
        );
        _ask(bob, 2000, PRICE);

        // After placement: the seller withdrew part of the allowance — refused at fill with that code.
        vm.prank(alice);
        token.approve(address(market), 10);
        uint256 id = _ask(alice, 10, PRICE);
        vm.prank(alice);
        token.approve(address(market), 3);
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(n, 0);
        assertEq(code, FILL_SHARE_ALLOWANCE_SHORT);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, id, FILL_SHARE_ALLOWANCE_SHORT));
        _fill(bob, id, 3, PRICE);

        // The seller sold elsewhere: its balance no longer covers the ask.
        uint256 id2 = _ask(bob, 1000, PRICE);
        vm.prank(bob);
        token.transfer(carol, 1);
        (n, code) = market.fillable(id2);
        assertEq(n, 0);
        assertEq(code, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        vm.expectRevert(
            abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, id2, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE)
        );
        _fill(carol, id2, 4, PRICE);
    }

    function test_fillAsk_buyerWithoutPayment() public {
        uint256 id = _ask(bob, 10, PRICE);
        address poor = alice2; // verified, no HKD
        vm.prank(poor);
        hkd.approve(address(market), type(uint256).max);
        vm.prank(admin);
        hkd.mint(poor, 3 * PRICE + _fee(3 * PRICE));
        (uint256 n, uint8 code) = market.fillableBy(id, poor);
        assertEq(n, 3);
        assertEq(code, FILL_PAYMENT_SHORT);
        vm.expectRevert(); // ERC20InsufficientBalance from the payment token
        _fill(poor, id, 4, PRICE);
        _fill(poor, id, 3, PRICE);
        assertEq(hkd.balanceOf(poor), 0);
    }

    // ================================================================ filling bids

    function test_fillBid_full_deliveryVersusPayment() public {
        uint256 id = _bid(carol, 10, PRICE);
        uint256 cost = 10 * PRICE;
        uint256 fee = _fee(cost);
        uint256 aliceHkd = hkd.balanceOf(alice);
        vm.expectEmit(address(market));
        emit IMarket.OrderFilled(id, alice, 10, PRICE, fee);
        assertEq(_fill(alice, id, 10, PRICE), 10);
        assertEq(token.balanceOf(carol), 10);
        assertEq(token.balanceOf(alice), 990);
        assertEq(hkd.balanceOf(alice) - aliceHkd, cost - fee);
        // The fee of a bid stays in the market for the fee recipient: no escrow left, only the accrued fee.
        assertEq(hkd.balanceOf(feeRecipient), 0);
        assertEq(market.accruedFees(), fee);
        assertEq(hkd.balanceOf(address(market)), fee);
        assertEq(market.order(id).filled, 10);
        vm.expectEmit(address(market));
        emit IMarket.FeesWithdrawn(feeRecipient, fee);
        vm.prank(stranger);
        assertEq(market.withdrawFees(), fee);
        assertEq(hkd.balanceOf(feeRecipient), fee);
        assertEq(hkd.balanceOf(address(market)), 0);
        assertEq(market.accruedFees(), 0);
        vm.prank(stranger);
        assertEq(market.withdrawFees(), 0);
    }

    /// Fees accrue in 72 bits of cents: a fee that would not fit is paid to the recipient at once (never lost, never
    /// reverting a trade).
    function test_fee_accrualOverflowPaysAtOnce() public {
        vm.prank(admin);
        market.setFee(feeRecipient, 100);
        uint256 price = 3e26; // whole cents, < 2^88
        vm.prank(admin);
        hkd.mint(carol, 200 * price);
        uint256 id = _bid(carol, 200, price);
        _fill(alice, id, 1, price);
        uint256 small = price / 100; // 1 share: 3e24 units = 3e20 cents, fits
        assertEq(market.accruedFees(), small);
        _fill(alice, id, 100, price); // 100 shares: 3e22 cents more does not fit 72 bits (4.7e21)
        assertEq(hkd.balanceOf(feeRecipient), 100 * small);
        assertEq(market.accruedFees(), small);
        assertEq(hkd.balanceOf(address(market)), 99 * price + small);
    }

    function test_fee_accruedPaidToPreviousRecipientOnChange() public {
        uint256 id = _bid(carol, 10, PRICE);
        _fill(alice, id, 4, PRICE);
        uint256 fee = _fee(4 * PRICE);
        assertEq(market.accruedFees(), fee);
        vm.prank(admin);
        market.setFee(treasury, 100);
        assertEq(hkd.balanceOf(feeRecipient), fee);
        assertEq(market.accruedFees(), 0);
        _fill(bob, id, 6, PRICE);
        uint256 fee2 = _fee(6 * PRICE * 2); // 100 bps = twice 50 bps
        assertEq(market.accruedFees(), fee2);
        market.withdrawFees();
        assertEq(hkd.balanceOf(treasury), fee2);
        assertEq(hkd.balanceOf(feeRecipient), fee);
    }

    function test_fillBid_partial_escrowShrinksExactly() public {
        uint256 id = _bid(carol, 10, PRICE);
        _fill(alice, id, 3, PRICE);
        assertEq(market.escrowOf(id), 7 * PRICE);
        assertEq(hkd.balanceOf(address(market)), 7 * PRICE + market.accruedFees());
        _fill(bob, id, 20, 1);
        assertEq(token.balanceOf(carol), 10);
        assertEq(hkd.balanceOf(address(market)), market.accruedFees());
        assertEq(market.escrowOf(id), 0);
    }

    function test_fillBid_priceProtection() public {
        uint256 id = _bid(carol, 10, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketPriceLimit.selector, id, PRICE, PRICE + 1));
        _fill(alice, id, 1, PRICE + 1);
        _fill(alice, id, 1, PRICE - 1);
    }

    function test_fillBid_lockedOrFrozenSellerRefused() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(alice2, 10);
        _approveShares(token, alice2);
        uint256 id = _bid(carol, 10, PRICE);
        (uint256 n, uint8 code) = market.fillableBy(id, alice2);
        assertEq(code, TRANSFER_SHARES_LOCKED);
        vm.expectRevert(_refused(TRANSFER_SHARES_LOCKED));
        _fill(alice2, id, 1, PRICE);
        _freeze(bob, true);
        vm.expectRevert(_refused(TRANSFER_SENDER_FROZEN));
        _fill(bob, id, 1, PRICE);
        (n, code) = market.fillableBy(id, alice);
        assertEq(n, 10);
        assertEq(code, FILL_OK);
    }

    function test_fillBid_makerLaterIneligible_cancelRecoversEscrow() public {
        uint256 id = _bid(carol, 10, PRICE);
        vm.prank(agent);
        registry.updateInvestor(CAROL, US, PROFESSIONAL, kycExpiry); // carol moves to a non-allowed country
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(n, 0);
        assertEq(code, TRANSFER_COUNTRY_NOT_ALLOWED);
        vm.expectRevert(_refused(TRANSFER_COUNTRY_NOT_ALLOWED));
        _fill(alice, id, 1, PRICE);
        uint256 before = hkd.balanceOf(carol);
        vm.prank(carol);
        market.cancel(id);
        assertEq(hkd.balanceOf(carol) - before, 10 * PRICE);
    }

    // ================================================================ fees

    function test_fee_zeroBpsSkipsRecipient() public {
        vm.prank(admin);
        market.setFee(feeRecipient, 0);
        uint256 id = _ask(alice, 10, PRICE);
        uint256 before = hkd.balanceOf(bob);
        _fill(bob, id, 10, PRICE);
        assertEq(before - hkd.balanceOf(bob), 10 * PRICE);
        assertEq(hkd.balanceOf(feeRecipient), 0);
    }

    function test_fee_roundsDownToTheCent() public {
        // 1 share at HK$0.99, 50 bps: HK$0.00495 → HK$0.00.
        uint256 id = _ask(alice, 10, 0.99e6);
        _fill(bob, id, 1, 0.99e6);
        assertEq(hkd.balanceOf(feeRecipient), 0);
        (uint256 filled, uint256 cost, uint256 fee) = market.quote(id, 3);
        assertEq(filled, 3);
        assertEq(cost, 2.97e6);
        assertEq(fee, 0.01e6); // HK$0.01485 → HK$0.01
        _fill(bob, id, 3, 0.99e6);
        assertEq(hkd.balanceOf(feeRecipient), 0.01e6);
    }

    // ================================================================ cancel

    function test_cancelBid_refundsExactRemaining() public {
        uint256 id = _bid(carol, 10, PRICE);
        _fill(alice, id, 4, PRICE);
        uint256 before = hkd.balanceOf(carol);
        vm.expectEmit(address(market));
        emit IMarket.OrderCancelled(id, 6, carol, FILL_OK);
        vm.prank(carol);
        market.cancel(id);
        assertEq(hkd.balanceOf(carol) - before, 6 * PRICE);
        assertEq(hkd.balanceOf(address(market)), market.accruedFees());
        IMarket.OrderView memory o = market.order(id);
        assertEq(o.filled, 4);
        assertEq(o.cancelled, 6);
        assertEq(o.remaining, 0);
        assertEq(o.filled + o.cancelled + o.remaining, o.size);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotOpen.selector, id));
        vm.prank(carol);
        market.cancel(id);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotOpen.selector, id));
        _fill(alice, id, 1, PRICE);
    }

    function test_cancelAsk_byMaker() public {
        uint256 id = _ask(alice, 10, PRICE);
        vm.prank(alice);
        market.cancel(id);
        assertEq(market.order(id).cancelled, 10);
        assertEq(token.balanceOf(alice), 1000);
        (uint256 n, uint8 code) = market.fillable(id);
        assertEq(n, 0);
        assertEq(code, FILL_ORDER_CLOSED);
    }

    function test_cancel_onlyMakerOrComplianceAgent() public {
        uint256 id = _bid(carol, 10, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketUnauthorizedCancel.selector, id, bob));
        vm.prank(bob);
        market.cancel(id);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketUnauthorizedCancel.selector, id, admin));
        vm.prank(admin);
        market.cancel(id);
        // A compliance agent may cancel; the escrow still goes back to the maker.
        uint256 before = hkd.balanceOf(carol);
        vm.expectEmit(address(market));
        emit IMarket.OrderCancelled(id, 10, agent, FILL_OK);
        vm.prank(agent);
        market.cancel(id);
        assertEq(hkd.balanceOf(carol) - before, 10 * PRICE);
        assertEq(hkd.balanceOf(agent), 0);
    }

    function test_cancel_unknownOrder() public {
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketOrderNotOpen.selector, 1));
        vm.prank(alice);
        market.cancel(1);
    }

    // ================================================================ views

    function test_openOrders_indexHoldsOnlyOpenOrders() public {
        ArtworkShareToken other = _deploy(_rules(0, 0, 0));
        uint256 a = _ask(alice, 1, PRICE);
        uint256 e = _expiry();
        vm.prank(carol);
        market.placeBid(address(other), 1, PRICE, e, 100);
        uint256 b = _bid(carol, 1, PRICE - 1e6);
        uint256 c = _ask(bob, 5, PRICE);
        assertEq(market.openOrderCount(address(token)), 3);
        _fill(carol, a, 1, PRICE);
        // The filled order left the index (a hole where it was; nothing moved); paging skips the hole.
        assertEq(market.openOrderCount(address(token)), 2);
        assertEq(market.openOrderCount(address(other)), 1);
        uint256[] memory ids = market.openOrders(address(token), 0, 10);
        assertEq(ids.length, 2);
        assertEq(ids[0], b);
        assertEq(ids[1], c);
        ids = market.openOrders(address(token), 1, 1);
        assertEq(ids.length, 1);
        assertEq(ids[0], c);
        assertEq(market.openOrders(address(token), 2, 10).length, 0);
        vm.prank(carol);
        market.cancel(b);
        ids = market.openOrders(address(token), 0, 10);
        assertEq(ids.length, 1);
        assertEq(ids[0], c);
        // The next placements reuse the holes, the latest freed first, before the index grows.
        uint256 d = _ask(bob, 1, PRICE + 1e6);
        uint256 f = _ask(bob, 1, PRICE + 2e6);
        ids = market.openOrders(address(token), 0, 10);
        assertEq(ids.length, 3);
        assertEq(ids[0], f);
        assertEq(ids[1], d);
        assertEq(ids[2], c);
        uint256 g = _ask(bob, 1, PRICE + 3e6);
        ids = market.openOrders(address(token), 0, 10);
        assertEq(ids.length, 4);
        assertEq(ids[3], g);
        ids = market.openOrders(address(token), 1, 2);
        assertEq(ids.length, 2);
        assertEq(ids[0], d);
        assertEq(ids[1], c);
    }

    /// The index never holds more positions than the most orders open at once: closing the last position shrinks it,
    /// any other position is reused. Places and closes orders at random and checks paging against the open set.
    function testFuzz_openOrders_holesReused(uint256 seed) public {
        vm.prank(bob);
        token.approve(address(market), type(uint256).max);
        uint256[] memory live = new uint256[](8);
        uint256 n;
        uint256 peak;
        for (uint256 step; step < 24; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            if (n == 0 || (n < 8 && r % 3 != 0)) {
                live[n++] = _ask(bob, 1, PRICE + (r % 50) * 1e6);
                if (n > peak) peak = n;
            } else {
                uint256 k = (r >> 8) % n;
                vm.prank(bob);
                market.cancel(live[k]);
                live[k] = live[--n];
            }
            assertEq(market.openOrderCount(address(token)), n);
            uint256[] memory ids = market.openOrders(address(token), 0, 100);
            assertEq(ids.length, n);
            for (uint256 i; i < n; ++i) {
                bool found;
                for (uint256 j; j < n; ++j) {
                    if (ids[j] == live[i]) found = true;
                }
                assertTrue(found);
                // Pages of one agree with the full read.
                assertEq(market.openOrders(address(token), i, 1)[0], ids[i]);
            }
        }
        assertLe(market.openIndexLength(address(token)), peak);
    }

    function test_fillableBy_taker() public {
        uint256 id = _ask(alice, 10, PRICE);
        (uint256 n, uint8 code) = market.fillableBy(id, bob);
        assertEq(n, 10);
        assertEq(code, FILL_OK);
        (n, code) = market.fillableBy(id, alice);
        assertEq(code, FILL_SELF_TRADE);
        (n, code) = market.fillableBy(id, stranger);
        assertEq(n, 0);
        assertEq(code, TRANSFER_RECEIVER_NOT_VERIFIED);
        (n, code) = market.fillableBy(id, dave);
        assertEq(code, TRANSFER_COUNTRY_NOT_ALLOWED);
        (n, code) = market.fillableBy(99, bob);
        assertEq(code, FILL_ORDER_CLOSED);
    }
}
