// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {console} from "forge-std/console.sol";
import {Base} from "./utils/Base.sol";
import {MarketHandler} from "./utils/MarketHandler.sol";
import {MarketReentrantPaymentToken, MarketReentrancyAttacker} from "./utils/MarketMockTokens.sol";
import {Market} from "../src/Market.sol";
import {IMarket} from "../src/interfaces/IMarket.sol";

/// Handler-based invariants of the market: random place / fill / cancel / freeze / fee changes among five
/// investors (two wallets of one investor, one investor of a non-allowed country).
abstract contract MarketInvariantBase is StdInvariant, Base {
    address internal feeRecipient = makeAddr("feeRecipient");
    Market internal market;
    IERC20 internal pay;
    MarketHandler internal handler;
    address[] internal actors;
    uint256 internal initialShareSupply;

    function _deployPaymentToken() internal virtual returns (IERC20);
    function _mintPayment(address to, uint256 amount) internal virtual;
    function _extraActors() internal virtual returns (address[] memory) {}

    function setUp() public virtual override {
        super.setUp();
        pay = _deployPaymentToken();
        market = new Market(pay, address(factory), feeRecipient, 50, admin);
        actors = [alice, alice2, bob, carol, dave];
        address[] memory extra = _extraActors();
        for (uint256 i; i < extra.length; ++i) {
            actors.push(extra[i]);
        }
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            if (a != dave) _mint(a, 500);
            _mintPayment(a, 1_000_000_000e6);
            if (a.code.length == 0) {
                vm.startPrank(a);
                token.approve(address(market), type(uint256).max);
                pay.approve(address(market), type(uint256).max);
                vm.stopPrank();
            }
        }
        initialShareSupply = token.totalSupply();
        handler = new MarketHandler(market, token, agent, admin, actors);
        handler.setRecovery(address(desk), alice, alice2);
        targetContract(address(handler));
    }

    /// The handler reaches every path (successful fills of both sides, cancels, refused price limits).
    function test_handlerExercisesPaths() public {
        for (uint256 i; i < 800; ++i) {
            uint256 r = uint256(keccak256(abi.encode(i)));
            uint256 action = r % 9;
            if (action == 0) handler.placeAsk(r >> 8, r >> 16, r >> 32);
            else if (action == 1) handler.placeBid(r >> 8, r >> 16, r >> 32);
            else if (action == 2 || action == 3) handler.fill(r >> 8, r >> 16, r >> 32, r >> 48);
            else if (action == 4) handler.cancel(r >> 8, r >> 16);
            else if (action == 5) handler.freeze(r >> 8, r >> 16);
            else if (action == 6) handler.retarget(r >> 8, (r >> 16) & 1 == 0);
            else if (action == 7) handler.transferOut(r >> 8, r >> 16, r >> 32);
            else if (i % 40 == 0) handler.warp(r >> 8);
        }
        console.log("fills", handler.calls("fill"), "asks placed", handler.calls("placeAsk"));
        console.log("bids placed", handler.calls("placeBid"), "cancels", handler.calls("cancel"));
        // Crossing placements now trade on placement, so fewer orders stay resting for fill().
        assertGt(handler.calls("fill"), 5);
        assertGt(handler.calls("cancel"), 5);
        assertGt(handler.askRefusalsChecked(), 0, "no undeliverable ask was ever tried");
        invariant_escrowCoversOpenBids();
        invariant_orderAccounting();
        invariant_noFillWorseThanLimit();
        invariant_paymentConserved();
        invariant_openAskDeliverableOrRefusedWithItsCode();
        invariant_openAskTotalsMatchOrders();
        invariant_openIndexIsExact();
        invariant_bookNeverCrossed();
        assertGt(handler.calls("matched"), 5, "placements never matched");
    }

    /// Emergency stop: no order is placed or filled while the platform is stopped, and a maker can always cancel.
    function invariant_nothingTradesWhileStopped() public view {
        assertEq(handler.tradedWhileStopped(), 0, "traded while stopped");
        assertEq(handler.makerCancelRefusedWhileStopped(), 0, "maker's cancel refused while stopped");
    }

    /// Best bid < best ask over every open order of the book (expired or not): a placement that crosses trades or
    /// cleans first, and a rest that would still cross is not placed.
    /// The recovery path runs: the lost wallet's bids and asks are swept into the recovered wallet's hands.
    function test_handlerRecoversAndSweeps() public {
        for (uint256 i; i < 6; ++i) {
            handler.placeBid(0, 5 + i, uint256(keccak256(abi.encode(i))) % 1000);
            handler.placeAsk(0, 3, 500_000 + i);
        }
        assertGt(market.openOrderCount(address(token)), 0);
        handler.recover(uint256(keccak256("sweep")));
        assertTrue(handler.recovered());
        assertEq(handler.refundViolations(), 0);
        invariant_lostWalletHoldsNothingReceivesNothingNoOpenOrder();
    }

    function invariant_bookNeverCrossed() public view {
        uint256 bestBid;
        uint256 bestAsk = type(uint256).max;
        uint256[] memory open = market.openOrders(address(token), 0, type(uint256).max);
        for (uint256 i; i < open.length; ++i) {
            IMarket.OrderView memory o = market.order(open[i]);
            if (o.side == IMarket.Side.Bid && o.price > bestBid) bestBid = o.price;
            if (o.side == IMarket.Side.Ask && o.price < bestAsk) bestAsk = o.price;
        }
        assertLt(bestBid, bestAsk, "book crossed");
    }

    /// The market's payment balance covers the escrow of every open bid (exactly, for a plain token).
    function invariant_escrowCoversOpenBids() public view {
        uint256 escrow;
        uint256 n = handler.idCount();
        for (uint256 i; i < n; ++i) {
            IMarket.OrderView memory o = market.order(handler.ids(i));
            if (o.side == IMarket.Side.Bid) escrow += o.remaining * o.price;
        }
        // Plus the fees of trades out of escrow, held for the fee recipient.
        assertGe(pay.balanceOf(address(market)), escrow + market.accruedFees());
        assertEq(pay.balanceOf(address(market)), escrow + market.accruedFees());
    }

    /// For every order: filled + cancelled + remaining == size, matching the handler's own books.
    function invariant_orderAccounting() public view {
        uint256 n = handler.idCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.ids(i);
            IMarket.OrderView memory o = market.order(id);
            assertEq(handler.ghostFilled(id) + handler.ghostCancelled(id) + o.remaining, o.size);
            assertEq(o.filled, handler.ghostFilled(id));
            assertEq(o.cancelled, handler.ghostCancelled(id));
        }
        assertEq(market.orderCount(), n);
    }

    /// Every open ask is deliverable, or a fill of it is refused with the code {IMarket-fillable} gives.
    function invariant_openAskDeliverableOrRefusedWithItsCode() public view {
        assertEq(handler.askRefusalMismatches(), 0, "ask fill disagreed with fillable");
    }

    /// Each maker's open-ask total is the sum of its open, unexpired asks' remaining sizes (expired asks need no
    /// backing).
    function invariant_openAskTotalsMatchOrders() public view {
        for (uint256 a; a < actors.length; ++a) {
            uint256 sum;
            uint256[] memory open = market.openOrders(address(token), 0, type(uint256).max);
            for (uint256 i; i < open.length; ++i) {
                IMarket.OrderView memory o = market.order(open[i]);
                if (o.maker == actors[a] && o.side == IMarket.Side.Ask && block.timestamp < o.expiresAt) {
                    sum += o.remaining;
                }
            }
            assertEq(market.openAskShares(address(token), actors[a]), sum, "open ask total");
        }
    }

    /// The open-orders index holds exactly the orders with a remaining size.
    function invariant_openIndexIsExact() public view {
        uint256 open;
        for (uint256 i; i < handler.idCount(); ++i) {
            if (market.order(handler.ids(i)).remaining != 0) ++open;
        }
        assertEq(market.openOrderCount(address(token)), open, "open index size");
        uint256[] memory ids = market.openOrders(address(token), 0, type(uint256).max);
        for (uint256 i; i < ids.length; ++i) {
            assertGt(market.order(ids[i]).remaining, 0, "closed order in the index");
        }
    }

    /// No fill — by {IMarket-fill} or by matching on placement — ever traded at a price worse than the taker's limit,
    /// beyond the taker's size, or moved other amounts than shares × price ± fee.
    function invariant_noFillWorseThanLimit() public view {
        assertEq(handler.priceViolations(), 0);
        assertEq(handler.amountViolations(), 0);
    }

    /// Trading moves shares; it never mints or burns them, and the market never holds any.
    function invariant_shareSupplyUnchanged() public view {
        assertEq(token.totalSupply(), initialShareSupply);
        assertEq(token.balanceOf(address(market)), 0);
    }

    /// Payment tokens are only moved between traders, the market and the fee recipient.
    /// Issue 13 item 7: the lost wallet of a recovery holds nothing, can receive nothing, has no open order, and gets
    /// no money back (every refund of its bids went to the recovered wallet).
    function invariant_lostWalletHoldsNothingReceivesNothingNoOpenOrder() public view {
        assertEq(handler.refundViolations(), 0, "refund went elsewhere");
        if (!handler.recovered()) return;
        address lost = handler.lostWallet();
        assertEq(token.balanceOf(lost), 0, "lost wallet holds shares");
        assertTrue(token.canTransfer(address(0), lost, 1) != 0, "lost wallet can receive");
        assertEq(token.recoveredTo(lost), handler.successor());
        uint256[] memory open = market.openOrders(address(token), 0, type(uint256).max);
        for (uint256 i; i < open.length; ++i) {
            assertTrue(market.order(open[i]).maker != lost, "lost wallet has an open order");
        }
        assertLe(pay.balanceOf(lost), handler.lostPayAtRecovery(), "lost wallet got money");
    }

    function invariant_paymentConserved() public view {
        uint256 sum = pay.balanceOf(address(market)) + pay.balanceOf(feeRecipient);
        for (uint256 i; i < actors.length; ++i) {
            sum += pay.balanceOf(actors[i]);
        }
        assertEq(sum, pay.totalSupply());
    }
}

contract MarketInvariantHKDTest is MarketInvariantBase {
    function _deployPaymentToken() internal view override returns (IERC20) {
        return IERC20(address(hkd));
    }

    function _mintPayment(address to, uint256 amount) internal override {
        vm.prank(admin);
        hkd.mint(to, amount);
    }
}

/// Same invariants with a payment token that calls traders back mid-transfer, and a trader contract that uses every
/// callback to re-enter the market (second cancel, second fill).
contract MarketInvariantReentrantTest is MarketInvariantBase {
    MarketReentrancyAttacker internal mallory;

    function _deployPaymentToken() internal override returns (IERC20) {
        return IERC20(address(new MarketReentrantPaymentToken()));
    }

    function _mintPayment(address to, uint256 amount) internal override {
        MarketReentrantPaymentToken(address(pay)).mint(to, amount);
    }

    function _extraActors() internal override returns (address[] memory extra) {
        mallory = new MarketReentrancyAttacker(address(market));
        _registerTwoAgents(address(mallory), keccak256("investor:mallory"), HK, PROFESSIONAL, kycExpiry);
        mallory.exec(address(token), abi.encodeCall(IERC20.approve, (address(market), type(uint256).max)));
        mallory.exec(address(pay), abi.encodeCall(IERC20.approve, (address(market), type(uint256).max)));
        mallory.exec(address(pay), abi.encodeCall(MarketReentrantPaymentToken.registerHook, (true)));
        extra = new address[](1);
        extra[0] = address(mallory);
    }

    /// The attacker's callbacks do fire during the run.
    function test_attackerReenters() public {
        test_handlerExercisesPaths();
        assertGt(mallory.attempts(), 0);
        assertEq(mallory.successes(), 0);
    }

    /// Re-entry never succeeds.
    function invariant_reentryNeverSucceeds() public view {
        assertEq(mallory.successes(), 0);
    }
}
