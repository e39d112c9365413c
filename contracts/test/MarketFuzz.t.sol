// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MarketBase} from "./utils/MarketBase.sol";
import "../src/interfaces/IMarket.sol";

contract MarketFuzzTest is MarketBase {
    function setUp() public override {
        super.setUp();
        vm.startPrank(admin);
        hkd.mint(bob, type(uint128).max);
        hkd.mint(carol, type(uint128).max);
        vm.stopPrank();
    }

    function _setFee(uint16 bps) internal {
        vm.prank(admin);
        market.setFee(feeRecipient, bps);
    }

    function testFuzz_fillAsk_paysExactlyCostPlusRoundedDownFee(uint256 size, uint256 take, uint256 price, uint16 bps)
        public
    {
        size = bound(size, 1, 1000);
        take = bound(take, 1, 2000);
        price = bound(price, 1, 1e14) * 1e4; // whole cents
        bps = uint16(bound(bps, 0, 100));
        _setFee(bps);
        uint256 id = _ask(alice, size, price);
        (uint256 qFilled, uint256 qCost, uint256 qFee) = market.quote(id, take);
        uint256 bobBefore = hkd.balanceOf(bob);
        uint256 aliceBefore = hkd.balanceOf(alice);
        uint256 n = _fill(bob, id, take, price);

        uint256 cost = n * price;
        uint256 fee = hkd.balanceOf(feeRecipient);
        assertEq(n, take < size ? take : size);
        assertEq(qFilled, n, "quote filled");
        assertEq(qCost, cost, "quote cost");
        assertEq(qFee, fee, "quote fee");
        assertEq(hkd.balanceOf(alice) - aliceBefore, cost, "maker gets the full value");
        assertEq(bobBefore - hkd.balanceOf(bob), cost + fee, "taker pays value + fee");
        // Rounded down, never above bps exactly, and less than one unit below.
        // The fee is the exact fee rounded down to the whole cent (1e4 units): never more, less by under a cent.
        assertEq(fee % 1e4, 0, "fee in whole cents");
        assertLe(fee * 10_000, cost * bps);
        assertLt(cost * bps - fee * 10_000, 1e4 * 10_000);
        IMarket.OrderView memory o = market.order(id);
        assertEq(o.filled + o.cancelled + o.remaining, o.size);
        assertEq(o.filled, n);
    }

    function testFuzz_fillBid_escrowPaysOutExactly(uint256 size, uint256 take, uint256 price, uint16 bps) public {
        size = bound(size, 1, 1000);
        take = bound(take, 1, 2000);
        price = bound(price, 1, 1e14) * 1e4; // whole cents
        bps = uint16(bound(bps, 0, 100));
        _setFee(bps);
        uint256 id = _bid(carol, size, price);
        assertEq(hkd.balanceOf(address(market)), size * price);
        uint256 aliceBefore = hkd.balanceOf(alice);
        uint256 n = _fill(alice, id, take, price);

        uint256 cost = n * price;
        // Out of escrow, the fee stays in the market for the fee recipient.
        uint256 fee = market.accruedFees();
        assertEq(hkd.balanceOf(feeRecipient), 0);
        // The fee is the exact fee rounded down to the whole cent (1e4 units): never more, less by under a cent.
        assertEq(fee % 1e4, 0, "fee in whole cents");
        assertLe(fee * 10_000, cost * bps);
        assertLt(cost * bps - fee * 10_000, 1e4 * 10_000);
        assertEq(hkd.balanceOf(alice) - aliceBefore, cost - fee, "taker gets value - fee");
        assertEq(hkd.balanceOf(address(market)), (size - n) * price + fee, "escrow = remaining x price, + the fee");
        market.withdrawFees();
        assertEq(hkd.balanceOf(feeRecipient), fee);
        assertEq(token.balanceOf(carol), n);
    }

    function testFuzz_fillsThenCancel_accountingAndRefund(uint256 size, uint256 a, uint256 b, uint256 price) public {
        size = bound(size, 2, 1000);
        a = bound(a, 1, size - 1);
        b = bound(b, 1, size);
        price = bound(price, 1, 1e11) * 1e4; // whole cents
        uint256 id = _bid(carol, size, price);
        uint256 n1 = _fill(alice, id, a, price);
        uint256 n2;
        if (n1 < size) n2 = _fill(bob, id, b, price);
        uint256 left = size - n1 - n2;
        uint256 before = hkd.balanceOf(carol);
        if (left != 0) {
            vm.prank(carol);
            market.cancel(id);
        }
        IMarket.OrderView memory o = market.order(id);
        assertEq(o.filled, n1 + n2);
        assertEq(o.cancelled, left);
        assertEq(o.remaining, 0);
        assertEq(o.filled + o.cancelled + o.remaining, o.size);
        assertLe(o.filled + o.cancelled, o.size);
        assertEq(hkd.balanceOf(carol) - before, left * price, "refund = cancelled x price");
        assertEq(hkd.balanceOf(address(market)), market.accruedFees(), "only the fees are left");
    }

    function testFuzz_priceProtection(uint256 price, uint256 limit, bool bidSide) public {
        price = bound(price, 1, 1e11) * 1e4; // whole cents
        limit = bound(limit, 0, 2e15);
        uint256 id = bidSide ? _bid(carol, 10, price) : _ask(alice, 10, price);
        bool worse = bidSide ? price < limit : price > limit;
        if (worse) vm.expectRevert(abi.encodeWithSelector(IMarket.MarketPriceLimit.selector, id, price, limit));
        _fill(bidSide ? alice : bob, id, 1, limit);
        if (!worse) assertEq(market.order(id).filled, 1);
    }

    function testFuzz_fillableBy_affordableIsExact(uint256 budget, uint256 price, uint16 bps) public {
        price = bound(price, 1, 1e8) * 1e4; // whole cents
        bps = uint16(bound(bps, 0, 100));
        budget = bound(budget, 0, 1001 * price * 2);
        _setFee(bps);
        uint256 id = _ask(bob, 1000, price); // alice2 is alice's second wallet: the same investor cannot take alice's ask
        vm.startPrank(alice2);
        hkd.approve(address(market), budget);
        vm.stopPrank();
        vm.prank(admin);
        hkd.mint(alice2, budget);
        (uint256 n, uint8 code) = market.fillableBy(id, alice2);
        if (n == 1000) {
            assertEq(code, FILL_OK);
        } else {
            assertEq(code, FILL_PAYMENT_SHORT);
            (, uint256 c1, uint256 f1) = market.quote(id, n + 1);
            assertGt(c1 + f1, budget, "one more share would be affordable");
        }
        (, uint256 c, uint256 f) = market.quote(id, n);
        assertLe(c + f, budget);
        if (n != 0) {
            _fill(alice2, id, n, price);
            assertEq(market.order(id).filled, n);
        }
    }
}
