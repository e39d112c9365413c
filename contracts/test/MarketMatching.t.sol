// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Vm} from "forge-std/Vm.sol";
import {console} from "forge-std/console.sol";
import {MarketBase} from "./utils/MarketBase.sol";
import {TxGas} from "./utils/TxGas.sol";
import {Market} from "../src/Market.sol";
import "../src/interfaces/IMarket.sol";
import "../src/interfaces/IArtworkShareToken.sol";

/// On-chain matching (issue 11 item 3, issue 13 item 5): a placement that crosses the book trades against the resting
/// orders in price-time priority at their prices, up to its limit, before any rest rests; the book never crosses.
contract MarketMatchingTest is MarketBase, TxGas {
    bytes32 internal constant FILLED = keccak256("OrderFilled(uint256,address,uint256,uint256,uint256)");
    bytes32 internal constant CANCELLED = keccak256("OrderCancelled(uint256,uint256,address,uint8)");
    bytes32 internal constant STOPPED = keccak256("MatchStopped(address,address,uint8,uint256,uint256,uint8)");

    function _placeAsk(address maker, uint256 shares, uint256 price) internal returns (uint256 id, uint256 traded) {
        vm.prank(maker);
        (id, traded) = market.placeAsk(address(token), shares, price, _expiry(), 100);
    }

    function _placeBid(address maker, uint256 shares, uint256 price) internal returns (uint256 id, uint256 traded) {
        vm.prank(maker);
        (id, traded) = market.placeBid(address(token), shares, price, _expiry(), 100);
    }

    /// Best bid and best ask over every open order (expired or not): 0 / max when a side is empty.
    function _bestBidAsk() internal view returns (uint256 bestBid, uint256 bestAsk) {
        bestAsk = type(uint256).max;
        uint256[] memory open = market.openOrders(address(token), 0, type(uint256).max);
        for (uint256 i; i < open.length; ++i) {
            IMarket.OrderView memory o = market.order(open[i]);
            if (o.side == IMarket.Side.Bid && o.price > bestBid) bestBid = o.price;
            if (o.side == IMarket.Side.Ask && o.price < bestAsk) bestAsk = o.price;
        }
    }

    function _assertNotCrossed() internal view {
        (uint256 bestBid, uint256 bestAsk) = _bestBidAsk();
        assertLt(bestBid, bestAsk, "book crossed");
    }

    /// The (orderId, shares, price) of every OrderFilled in `logs`, in emission order.
    function _fills(Vm.Log[] memory logs) internal pure returns (uint256[3][] memory out) {
        uint256 n;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == FILLED) ++n;
        }
        out = new uint256[3][](n);
        n = 0;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != FILLED) continue;
            (uint256 shares, uint256 price,) = abi.decode(logs[i].data, (uint256, uint256, uint256));
            out[n++] = [uint256(logs[i].topics[1]), shares, price];
        }
    }

    // ================================================================ crossing on placement, both sides

    /// A sell limit below the best bid trades against the bid at the BID's price; nothing rests.
    function test_askBelowBestBid_tradesAtBidPrice() public {
        (uint256 bidId,) = _placeBid(carol, 5, PRICE);
        uint256 alicePay = hkd.balanceOf(alice);
        vm.recordLogs();
        (uint256 askId, uint256 traded) = _placeAsk(alice, 3, PRICE - 10e6);
        uint256[3][] memory f = _fills(vm.getRecordedLogs());
        assertEq(traded, 3);
        assertEq(askId, 0, "nothing rests");
        assertEq(f.length, 1);
        assertEq(f[0][0], bidId);
        assertEq(f[0][1], 3);
        assertEq(f[0][2], PRICE, "at the resting bid's price");
        assertEq(token.balanceOf(carol), 3);
        // The placer is the taker: it pays the fee (whole cents, rounded down) out of the value.
        assertEq(hkd.balanceOf(alice) - alicePay, 3 * PRICE - _fee(3 * PRICE));
        // Paid out of the bid's escrow: the fee stays in the market for the fee recipient.
        assertEq(market.accruedFees(), _fee(3 * PRICE));
        assertEq(market.order(bidId).remaining, 2);
        assertEq(hkd.balanceOf(address(market)), 2 * PRICE + _fee(3 * PRICE), "escrow of the rest of the bid + fee");
        assertEq(market.openAskShares(address(token), alice), 0);
        _assertNotCrossed();
    }

    /// A buy limit above the best ask trades at the ASK's price, then the rest rests as a bid at the limit.
    function test_bidAboveBestAsk_tradesThenRestRests() public {
        (uint256 askId,) = _placeAsk(alice, 5, PRICE);
        uint256 carolPay = hkd.balanceOf(carol);
        (uint256 bidId, uint256 traded) = _placeBid(carol, 8, PRICE + 10e6);
        assertEq(traded, 5);
        assertEq(market.order(askId).remaining, 0);
        assertEq(market.order(askId).filled, 5);
        IMarket.OrderView memory b = market.order(bidId);
        assertEq(b.size, 3, "only the rest rests");
        assertEq(b.price, PRICE + 10e6);
        assertEq(token.balanceOf(carol), 5);
        // 5 at the ask's price plus the taker fee, and the rest's escrow at the bid's own limit.
        assertEq(carolPay - hkd.balanceOf(carol), 5 * PRICE + _fee(5 * PRICE) + 3 * (PRICE + 10e6));
        assertEq(hkd.balanceOf(address(market)), 3 * (PRICE + 10e6));
        assertEq(market.openAskShares(address(token), alice), 0);
        _assertNotCrossed();
    }

    /// An order that does not cross rests whole and pays no fee, whatever fee cap it names.
    function test_nonCrossingOrder_restsWhole_noFeeCapNeeded() public {
        _placeAsk(alice, 5, PRICE);
        vm.prank(carol);
        (uint256 id, uint256 traded) = market.placeBid(address(token), 4, PRICE - 1e6, _expiry(), 0);
        assertEq(traded, 0);
        assertEq(market.order(id).size, 4);
        // Crossing with a cap below the fee is refused: the taker's fee protection holds on placement too.
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketFeeAboveMax.selector, FEE_BPS, 10));
        vm.prank(carol);
        market.placeBid(address(token), 4, PRICE, _expiry(), 10);
    }

    // ================================================================ several levels, price-time priority

    /// Best price first; at one price the older order first; never beyond the limit; the rest of the level is left.
    function test_partialAcrossLevels_priceTimePriority() public {
        (uint256 a101,) = _placeAsk(bob, 2, PRICE + 1e6);
        (uint256 a100old,) = _placeAsk(alice, 2, PRICE);
        (uint256 a100new,) = _placeAsk(bob, 2, PRICE);
        (uint256 a103,) = _placeAsk(alice, 3, PRICE + 3e6);
        uint256 carolPay = hkd.balanceOf(carol);
        vm.recordLogs();
        (uint256 bidId, uint256 traded) = _placeBid(carol, 5, PRICE + 2e6);
        uint256[3][] memory f = _fills(vm.getRecordedLogs());
        assertEq(traded, 5);
        assertEq(bidId, 0);
        assertEq(f.length, 3);
        assertEq(f[0][0], a100old);
        assertEq(f[1][0], a100new);
        assertEq(f[2][0], a101);
        assertEq(f[2][1], 1, "only what the limit order still wanted");
        assertEq(market.order(a101).remaining, 1);
        assertEq(market.order(a103).remaining, 3, "above the limit: untouched");
        uint256 cost = 2 * PRICE + 2 * PRICE + (PRICE + 1e6);
        // The fee is per trade, each rounded down to the cent.
        uint256 fee = _fee(2 * PRICE) * 2 + _fee(PRICE + 1e6);
        assertEq(carolPay - hkd.balanceOf(carol), cost + fee);
        assertEq(market.openAskShares(address(token), bob), 1);
        assertEq(market.openAskShares(address(token), alice), 3);
        _assertNotCrossed();
    }

    /// A sell limit sweeps bids from the highest down and stops at its limit; the rest rests as an ask.
    function test_askSweepsBids_restRestsAsAsk() public {
        (uint256 b1,) = _placeBid(carol, 2, PRICE + 5e6);
        (uint256 b2,) = _placeBid(bob, 2, PRICE);
        (uint256 b3,) = _placeBid(carol, 2, PRICE - 5e6);
        (uint256 askId, uint256 traded) = _placeAsk(alice, 6, PRICE);
        assertEq(traded, 4);
        assertEq(market.order(b1).remaining, 0);
        assertEq(market.order(b2).remaining, 0);
        assertEq(market.order(b3).remaining, 2);
        assertEq(market.order(askId).size, 2);
        assertEq(market.openAskShares(address(token), alice), 2);
        assertEq(hkd.balanceOf(address(market)), 2 * (PRICE - 5e6) + market.accruedFees());
        _assertNotCrossed();
    }

    // ================================================================ the bound

    /// After MAX_MATCH_STEPS resting orders the placement stops; the rest would still cross, so it is NOT placed
    /// (and, for a bid, not escrowed).
    function test_boundReached_restDoesNotRestCrossed() public {
        uint256 steps = market.MAX_MATCH_STEPS();
        for (uint256 i; i < steps + 2; ++i) {
            _placeAsk(i % 2 == 0 ? alice : bob, 1, PRICE);
        }
        uint256 carolPay = hkd.balanceOf(carol);
        vm.recordLogs();
        (uint256 bidId, uint256 traded) = _placeBid(carol, steps + 5, PRICE);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(traded, steps);
        assertEq(bidId, 0, "the rest is not placed");
        assertEq(carolPay - hkd.balanceOf(carol), steps * (PRICE + _fee(PRICE)), "nothing escrowed for the rest");
        assertEq(hkd.balanceOf(address(market)), 0);
        assertEq(market.openOrderCount(address(token)), 2);
        bool stopped;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != STOPPED) continue;
            (, uint256 price, uint256 unplaced, uint8 reason) =
                abi.decode(logs[i].data, (IMarket.Side, uint256, uint256, uint8));
            assertEq(price, PRICE);
            assertEq(unplaced, 5);
            assertEq(reason, FILL_MATCH_LIMIT);
            stopped = true;
        }
        assertTrue(stopped, "MatchStopped");
        _assertNotCrossed();
    }

    /// Exactly at the bound with nothing crossing left, the rest rests.
    function test_boundReached_nothingLeftToCross_restRests() public {
        uint256 steps = market.MAX_MATCH_STEPS();
        for (uint256 i; i < steps; ++i) {
            _placeAsk(i % 2 == 0 ? alice : bob, 1, PRICE);
        }
        (uint256 bidId, uint256 traded) = _placeBid(carol, steps + 3, PRICE);
        assertEq(traded, steps);
        assertEq(market.order(bidId).size, 3);
        _assertNotCrossed();
    }

    // ================================================================ undeliverable resting orders

    /// Expired asks, asks no longer backed and asks of frozen makers are cancelled on the way and never traded; the
    /// live ask behind them fills.
    function test_undeliverableAsks_cleanedNotMatched() public {
        vm.prank(alice);
        (uint256 expired,) = market.placeAsk(address(token), 2, PRICE - 3e6, block.timestamp + 1 hours, 100);
        vm.warp(block.timestamp + 2 hours);
        (uint256 unbacked,) = _placeAsk(bob, 2, PRICE - 2e6);
        vm.prank(bob);
        token.transfer(carol, 1000); // bob sold elsewhere: his ask is no longer backed
        (uint256 frozenAsk,) = _placeAsk(carol, 2, PRICE - 1e6);
        _freeze(carol, true);
        (uint256 live,) = _placeAsk(alice, 3, PRICE);
        address erin = makeAddr("erin");
        vm.prank(agent);
        registry.registerInvestor(erin, keccak256("investor:erin"), HK, RETAIL, kycExpiry);
        _fundMarket(erin, HKD_FUNDS);

        vm.recordLogs();
        (, uint256 traded) = _placeBid(erin, 3, PRICE);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(traded, 3);
        uint256[3][] memory f = _fills(logs);
        assertEq(f.length, 1);
        assertEq(f[0][0], live);
        _assertCancelled(logs, expired, FILL_ORDER_EXPIRED);
        _assertCancelled(logs, unbacked, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        _assertCancelled(logs, frozenAsk, TRANSFER_SENDER_FROZEN);
        assertEq(market.order(expired).cancelled, 2);
        assertEq(market.openAskShares(address(token), bob), 0);
        assertEq(market.openAskShares(address(token), carol), 0);
        assertEq(token.balanceOf(erin), 3);
        assertEq(market.openOrderCount(address(token)), 0);
    }

    /// A bid whose maker can no longer receive (frozen) is cancelled with its escrow returned, and an expired bid
    /// too; the placement then rests without crossing.
    function test_undeliverableBids_cleanedEscrowReturned() public {
        (uint256 frozenBid,) = _placeBid(carol, 2, PRICE + 2e6);
        _freeze(carol, true);
        vm.prank(bob);
        (uint256 expired,) = market.placeBid(address(token), 2, PRICE + 1e6, block.timestamp + 1 hours, 100);
        vm.warp(block.timestamp + 2 hours);
        uint256 carolPay = hkd.balanceOf(carol);
        uint256 bobPay = hkd.balanceOf(bob);
        vm.recordLogs();
        (uint256 askId, uint256 traded) = _placeAsk(alice, 2, PRICE);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(traded, 0);
        _assertCancelled(logs, frozenBid, TRANSFER_RECEIVER_FROZEN);
        _assertCancelled(logs, expired, FILL_ORDER_EXPIRED);
        assertEq(hkd.balanceOf(carol) - carolPay, 2 * (PRICE + 2e6));
        assertEq(hkd.balanceOf(bob) - bobPay, 2 * (PRICE + 1e6));
        assertEq(market.order(askId).size, 2);
        assertEq(hkd.balanceOf(address(market)), 0);
        _assertNotCrossed();
    }

    function _assertCancelled(Vm.Log[] memory logs, uint256 id, uint8 reason) internal pure {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == CANCELLED && uint256(logs[i].topics[1]) == id) {
                (, uint8 r) = abi.decode(logs[i].data, (uint256, uint8));
                assertEq(r, reason, "cancel reason");
                return;
            }
        }
        revert("order not cancelled");
    }

    // ================================================================ self-trade

    /// Self-trade prevention by investor STOPS matching at the placer's own order (here alice's, placed from her
    /// second wallet): what traded before stands, the rest is not placed, her own bid is untouched.
    function test_selfTrade_stopsAtOwnOrder_restNotPlaced() public {
        (uint256 bobBid,) = _placeBid(bob, 2, PRICE + 10e6);
        (uint256 ownBid,) = _placeBid(alice, 2, PRICE + 5e6);
        (uint256 behind,) = _placeBid(carol, 2, PRICE + 1e6);
        _mint(alice2, 10);
        _approveShares(token, alice2);
        vm.recordLogs();
        (uint256 askId, uint256 traded) = _placeAsk(alice2, 5, PRICE);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(traded, 2);
        assertEq(askId, 0);
        assertEq(market.order(bobBid).remaining, 0);
        assertEq(market.order(ownBid).remaining, 2, "own order untouched");
        assertEq(market.order(behind).remaining, 2, "matching stopped at the own order");
        bool stopped;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != STOPPED) continue;
            (,, uint256 unplaced, uint8 reason) = abi.decode(logs[i].data, (IMarket.Side, uint256, uint256, uint8));
            assertEq(unplaced, 3);
            assertEq(reason, FILL_SELF_TRADE);
            stopped = true;
        }
        assertTrue(stopped);
        assertEq(market.openAskShares(address(token), alice2), 0);
        _assertNotCrossed();
    }

    // ================================================================ expired asks need no backing (item 2)

    /// An expired ask no longer counts toward the total the maker's allowance and free balance must cover: a new ask
    /// is accepted and fills with an allowance that covers only the live asks.
    function test_expiredAsks_doNotCountInOpenTotal() public {
        vm.startPrank(alice);
        token.approve(address(market), 5);
        (uint256 old,) = market.placeAsk(address(token), 5, PRICE, block.timestamp + 1 days, 100);
        vm.stopPrank();
        vm.warp(block.timestamp + 2 days);
        assertEq(market.openAskShares(address(token), alice), 0, "expired asks are not in the total");
        (uint256 fresh,) = _placeAsk(alice, 5, PRICE);
        assertEq(market.openAskShares(address(token), alice), 5);
        (uint256 n, uint8 code) = market.fillable(fresh);
        assertEq(code, FILL_OK);
        assertEq(n, 5);
        assertEq(_fill(bob, fresh, 5, PRICE), 5);
        // The expired one stays closable by anyone, and the stored total comes back to zero.
        vm.prank(stranger);
        market.cancel(old);
        assertEq(market.openAskShares(address(token), alice), 0);
    }

    // ================================================================ fuzz: never crossed, never beyond the limit

    function testFuzz_placements_neverCrossNeverBeyondLimit(uint256[12] memory seeds) public {
        _fundMarket(alice2, HKD_FUNDS);
        _mint(alice2, 100);
        _approveShares(token, alice2);
        address[4] memory who = [alice, bob, carol, alice2];
        for (uint256 i; i < seeds.length; ++i) {
            uint256 r = seeds[i];
            address maker = who[r % 4];
            bool ask = (r >> 8) % 2 == 0 && maker != carol;
            uint256 shares = bound(r >> 16, 1, 20);
            uint256 price = bound(r >> 32, 95, 105) * 1e6;
            vm.recordLogs();
            vm.prank(maker);
            (bool ok, bytes memory ret) = address(market)
                .call(
                    ask
                        ? abi.encodeCall(Market.placeAsk, (address(token), shares, price, _expiry(), 100))
                        : abi.encodeCall(Market.placeBid, (address(token), shares, price, _expiry(), 100))
                );
            uint256[3][] memory f = _fills(vm.getRecordedLogs());
            if (ok) {
                (uint256 id, uint256 traded) = abi.decode(ret, (uint256, uint256));
                uint256 sum;
                for (uint256 k; k < f.length; ++k) {
                    sum += f[k][1];
                    if (ask) assertGe(f[k][2], price, "sold below the limit");
                    else assertLe(f[k][2], price, "bought above the limit");
                }
                assertEq(sum, traded);
                assertLe(traded, shares);
                if (id != 0) assertEq(market.order(id).size, shares - traded);
            }
            _assertNotCrossed();
        }
    }
}

/// Gas of placements that match, as total transaction gas with every slot cold (the book is built in setUp, see
/// {TxGas}): five asks of 2 shares at PRICE (alice and bob in turn) and five bids of 2 shares at PRICE − HK$1 (carol).
contract MarketMatchingGasTest is MarketBase, TxGas {
    function setUp() public override {
        super.setUp();
        _setRules(_rules(100, 1_000_000, 7 days));
        _mint(carol, 1000);
        vm.warp(block.timestamp + 8 days);
        vm.prank(admin);
        hkd.mint(feeRecipient, 1);
        for (uint256 i; i < 5; ++i) {
            _ask(i % 2 == 0 ? alice : bob, 2, PRICE);
            _bid(carol, 2, PRICE - 1e6);
        }
    }

    function _place(address who, bool ask, uint256 shares, uint256 price) internal returns (uint256 g) {
        bytes memory call = ask
            ? abi.encodeCall(Market.placeAsk, (address(token), shares, price, _expiry(), 100))
            : abi.encodeCall(Market.placeBid, (address(token), shares, price, _expiry(), 100));
        (g,) = _sendTx(who, address(market), call);
    }

    function test_gas_placeBid_matches1() public {
        uint256 g = _place(carol, false, 2, PRICE);
        console.log("placeBid matching 1 ask (total tx gas):", g);
        assertEq(token.balanceOf(carol), 1002);
    }

    function test_gas_placeBid_matches5() public {
        uint256 g = _place(carol, false, 10, PRICE);
        console.log("placeBid matching 5 asks (total tx gas):", g);
        assertEq(token.balanceOf(carol), 1010);
    }

    function test_gas_placeAsk_matches1() public {
        uint256 g = _place(alice, true, 2, PRICE - 1e6);
        console.log("placeAsk matching 1 bid (total tx gas):", g);
        assertEq(token.balanceOf(carol), 1002);
    }

    function test_gas_placeAsk_matches5() public {
        uint256 g = _place(bob, true, 10, PRICE - 1e6);
        console.log("placeAsk matching 5 bids (total tx gas):", g);
        assertEq(token.balanceOf(carol), 1010);
    }

    /// Below every bound: no read of the index at all.
    function test_gas_placeBid_noCross() public {
        uint256 g = _place(carol, false, 2, PRICE - 2e6);
        console.log("placeBid not crossing, 10 open orders (total tx gas):", g);
    }
}
