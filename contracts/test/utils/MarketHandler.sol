// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {Vm} from "forge-std/Vm.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Market} from "../../src/Market.sol";
import {IMarket, FILL_PLATFORM_STOPPED} from "../../src/interfaces/IMarket.sol";
import {ArtworkShareToken} from "../../src/ArtworkShareToken.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {MarketReentrancyAttacker} from "./MarketMockTokens.sol";

interface IRegistryUnlink {
    function unlinkWallet(address wallet) external;
}

/// Random place / fill / cancel / freeze / fee changes among several traders. Keeps ghost books of what was filled
/// and cancelled per order, and flags any fill that traded worse than the taker's limit or moved a wrong amount.
/// Traders that are contracts ({MarketReentrancyAttacker}) act through `exec`, so they can re-enter mid-call.
contract MarketHandler is Test {
    Market public immutable market;
    IERC20 public immutable pay;
    ArtworkShareToken public immutable token;
    address public immutable agent;
    address public immutable admin;

    address[] public actors;
    mapping(address actor => bool) public isContractActor;

    uint256[] public ids;
    mapping(uint256 id => uint256) public ghostFilled;
    mapping(uint256 id => uint256) public ghostCancelled;
    uint256 public priceViolations;
    uint256 public amountViolations;
    /// Fills of asks that went through although {IMarket-fillable} said 0, or were refused with another code.
    uint256 public askRefusalMismatches;
    /// Refused ask fills whose code was compared with {IMarket-fillable} (so the invariant is not vacuous).
    uint256 public askRefusalsChecked;
    mapping(bytes32 action => uint256) public calls;
    /// Emergency stop: placements or fills that succeeded while the platform was stopped, and makers' cancels of an
    /// open order that were refused while it was (people can always get their money out).
    uint256 public tradedWhileStopped;
    uint256 public makerCancelRefusedWhileStopped;

    bytes32 internal constant FILLED = keccak256("OrderFilled(uint256,address,uint256,uint256,uint256)");
    bytes32 internal constant CANCELLED = keccak256("OrderCancelled(uint256,uint256,address,uint8)");

    /// Recovery (issue 13 item 7): the desk recovers `lostWallet` to `successor` once, then the lost wallet's open
    /// orders are swept by {IMarket-cancelRecovered} in chunks, by random callers.
    address public desk;
    address public lostWallet;
    address public successor;
    bool public recovered;
    /// The lost wallet's payment balance right after the recovery: it must never grow (a lost key gets no money).
    uint256 public lostPayAtRecovery;
    /// Refunds of cancelled bids that did not reach {IMarket-refundWalletOf}.
    uint256 public refundViolations;

    constructor(Market market_, ArtworkShareToken token_, address agent_, address admin_, address[] memory actors_) {
        market = market_;
        pay = IERC20(market_.paymentToken());
        token = token_;
        agent = agent_;
        admin = admin_;
        for (uint256 i; i < actors_.length; ++i) {
            actors.push(actors_[i]);
            isContractActor[actors_[i]] = actors_[i].code.length != 0;
        }
    }

    function idCount() external view returns (uint256) {
        return ids.length;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    // ================================================================ actions

    /// Order lifetimes from one hour to 90 days; prices in whole cents from HK$0.01 to HK$1,000.
    function _expiresAt(uint256 seed) internal view returns (uint256) {
        return block.timestamp + bound(seed, 1 hours, 90 days);
    }

    function placeAsk(uint256 actorSeed, uint256 shares, uint256 price) external {
        _place(actorSeed, shares, price, IMarket.Side.Ask);
    }

    function placeBid(uint256 actorSeed, uint256 shares, uint256 price) external {
        _place(actorSeed, shares, price, IMarket.Side.Bid);
    }

    /// A placement may trade against the book (matching) and clean undeliverable orders: the ghost books follow the
    /// OrderFilled / OrderCancelled events, and every trade is checked against the placement's limit and size.
    function _place(uint256 actorSeed, uint256 shares, uint256 price, IMarket.Side side) internal {
        address maker = _actor(actorSeed);
        shares = bound(shares, 1, 60);
        uint256 e = _expiresAt(price >> 128);
        price = bound(price, 1, 100_000) * 1e4;
        bool ask = side == IMarket.Side.Ask;
        bool stopped = _stopped();
        vm.recordLogs();
        (bool ok, bytes memory ret) = _as(
            maker,
            ask
                ? abi.encodeCall(IMarket.placeAsk, (address(token), shares, price, e, 100))
                : abi.encodeCall(IMarket.placeBid, (address(token), shares, price, e, 100))
        );
        Vm.Log[] memory logs = vm.getRecordedLogs();
        if (!ok) return;
        if (stopped) ++tradedWhileStopped;
        (uint256 id, uint256 traded) = abi.decode(ret, (uint256, uint256));
        uint256 sum;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(market)) continue;
            bytes32 t0 = logs[i].topics[0];
            if (t0 == FILLED) {
                (uint256 n, uint256 p,) = abi.decode(logs[i].data, (uint256, uint256, uint256));
                ghostFilled[uint256(logs[i].topics[1])] += n;
                sum += n;
                if (ask ? p < price : p > price) ++priceViolations;
                ++calls["matched"];
            } else if (t0 == CANCELLED) {
                (uint256 n,) = abi.decode(logs[i].data, (uint256, uint8));
                ghostCancelled[uint256(logs[i].topics[1])] += n;
                ++calls["cleaned"];
            }
        }
        if (sum != traded || traded > shares) ++amountViolations;
        if (id != 0) {
            if (market.order(id).size != shares - traded) ++amountViolations;
            _record(id, ask ? bytes32("placeAsk") : bytes32("placeBid"));
        }
    }

    /// Time passes (up to 20 days), so that orders expire.
    function warp(uint256 secondsSeed) external {
        vm.warp(block.timestamp + bound(secondsSeed, 1, 20 days));
        ++calls["warp"];
    }

    /// A trader moves shares outside the market (to another trader), so that its asks may no longer be backed.
    function transferOut(uint256 fromSeed, uint256 toSeed, uint256 amount) external {
        address from = _actor(fromSeed);
        address to = _actor(toSeed);
        if (from == to || isContractActor[from]) return;
        amount = bound(amount, 1, 100);
        vm.prank(from);
        (bool ok,) = address(token).call(abi.encodeCall(token.transfer, (to, amount)));
        if (ok) ++calls["transferOut"];
    }

    struct FillCase {
        address taker;
        uint256 id;
        uint256 shares;
        uint256 limit;
        uint256 feeBps;
        uint256 payBefore;
        uint256 sharesBefore;
    }

    function fill(uint256 actorSeed, uint256 orderSeed, uint256 shares, uint256 limitBps) external {
        if (ids.length == 0) return;
        FillCase memory f;
        f.taker = _actor(actorSeed);
        f.id = ids[orderSeed % ids.length];
        IMarket.OrderView memory o = market.order(f.id);
        f.shares = bound(shares, 1, 80);
        // One fill in four has a limit worse than the order price (must be refused by price protection); the others
        // have a limit between the order price and 10 % better.
        bool worse = limitBps % 4 == 0;
        bool isAsk = o.side == IMarket.Side.Ask;
        uint256 delta = o.price * bound(limitBps >> 2, 1, 1_000) / 10_000;
        if (isAsk) f.limit = worse ? o.price - (delta < o.price ? delta : o.price) : o.price + delta;
        else f.limit = worse ? o.price + delta : o.price - (delta < o.price ? delta : 0);
        (, f.feeBps) = market.fee();
        f.payBefore = pay.balanceOf(f.taker);
        f.sharesBefore = token.balanceOf(f.taker);
        (uint256 fillableBefore, uint8 codeBefore) = market.fillable(f.id);
        bool stopped = _stopped();
        (bool ok, bytes memory ret) = _as(f.taker, abi.encodeCall(IMarket.fill, (f.id, f.shares, f.limit, 100)));
        if (!ok) {
            // An ask the view calls undeliverable is refused at fill with exactly that code (once the taker's own
            // mistakes — self-trade, price limit — are out of the way).
            (, uint8 takerCode) = market.fillableBy(f.id, f.taker);
            if (
                isAsk && !worse && takerCode != 35 && fillableBefore == 0 && codeBefore != 32 && codeBefore != 34
                    && codeBefore != FILL_PLATFORM_STOPPED
            ) {
                ++askRefusalsChecked;
                if (!_refusedWith(ret, f.id, codeBefore)) ++askRefusalMismatches;
            }
            return;
        }
        if (stopped) ++tradedWhileStopped;
        // An ask fill went through: the view called its maker side deliverable.
        if (isAsk && fillableBefore == 0) ++askRefusalMismatches;
        uint256 n = abi.decode(ret, (uint256));
        ghostFilled[f.id] += n;
        ++calls["fill"];
        _checkFill(f, o, n);
    }

    function _checkFill(FillCase memory f, IMarket.OrderView memory o, uint256 n) internal {
        bool isAsk = o.side == IMarket.Side.Ask;
        if (isAsk ? o.price > f.limit : o.price < f.limit) ++priceViolations;
        uint256 cost = n * o.price;
        uint256 fee = cost * f.feeBps / 10_000;
        fee -= fee % 1e4; // rounded down to the whole cent
        if (fee % 1e4 != 0 || cost % 1e4 != 0) ++amountViolations;
        if (n == 0 || n > o.remaining || n > f.shares) ++amountViolations;
        if (isAsk) {
            if (f.payBefore - pay.balanceOf(f.taker) != cost + fee) ++amountViolations;
            if (token.balanceOf(f.taker) - f.sharesBefore != n) ++amountViolations;
        } else {
            if (pay.balanceOf(f.taker) - f.payBefore != cost - fee) ++amountViolations;
            if (f.sharesBefore - token.balanceOf(f.taker) != n) ++amountViolations;
        }
    }

    function cancel(uint256 orderSeed, uint256 whoSeed) external {
        if (ids.length == 0) return;
        uint256 id = ids[orderSeed % ids.length];
        IMarket.OrderView memory o = market.order(id);
        // Mostly the maker, sometimes the compliance agent, sometimes a random trader (must fail).
        uint256 pick = whoSeed % 8;
        address who = pick < 6 ? o.maker : pick == 6 ? agent : _actor(whoSeed);
        address refundTo = market.refundWalletOf(id);
        uint256 makerBefore = pay.balanceOf(refundTo);
        (, uint8 code) = market.fillable(id);
        (bool ok,) = _as(who, abi.encodeCall(IMarket.cancel, (id)));
        if (!ok) {
            if (who == o.maker && o.remaining != 0 && _stopped() && !isContractActor[who]) {
                ++makerCancelRefusedWhileStopped;
            }
            return;
        }
        ghostCancelled[id] += o.remaining;
        ++calls["cancel"];
        // Anyone else may cancel only an order that cannot trade (expired, or an ask no longer backed).
        bool stale = code == 38 || (o.side == IMarket.Side.Ask && code != 0 && code != 34);
        if (who != o.maker && who != agent && !stale) ++amountViolations;
        uint256 refund = o.side == IMarket.Side.Bid ? o.remaining * o.price : 0;
        if (pay.balanceOf(refundTo) - makerBefore != refund) ++refundViolations;
    }

    /// Sets who the desk recovers: once, by the test's setUp (the fuzzer's later calls change nothing).
    function setRecovery(address desk_, address lost_, address successor_) external {
        if (desk != address(0)) return;
        (desk, lostWallet, successor) = (desk_, lost_, successor_);
    }

    /// The desk recovers the lost wallet (as its two agents would), the registry unlinks it, and its open orders are
    /// cancelled in chunks of 1–3 by random traders; every escrow goes to the successor.
    function recover(uint256 seed) external {
        if (recovered || desk == address(0)) return;
        vm.prank(desk);
        token.recoverWallet(lostWallet, successor);
        IRegistryUnlink registry = IRegistryUnlink(token.identityRegistry());
        vm.prank(agent);
        registry.unlinkWallet(lostWallet);
        recovered = true;
        lostPayAtRecovery = pay.balanceOf(lostWallet);
        uint256[] memory open = market.openOrders(address(token), 0, type(uint256).max);
        uint256[] memory mine = new uint256[](open.length);
        uint256 n;
        for (uint256 i; i < open.length; ++i) {
            if (market.order(open[i]).maker == lostWallet) mine[n++] = open[i];
        }
        uint256 at;
        while (at < n) {
            uint256 k = bound(seed >> (at % 64), 1, 3);
            if (at + k > n) k = n - at;
            uint256[] memory chunk = new uint256[](k);
            uint256 escrow;
            for (uint256 j; j < k; ++j) {
                chunk[j] = mine[at + j];
                escrow += market.escrowOf(chunk[j]);
                IMarket.OrderView memory o = market.order(chunk[j]);
                ghostCancelled[chunk[j]] += o.remaining;
            }
            uint256 before = pay.balanceOf(successor);
            (bool ok,) = _as(_actor(seed + at), abi.encodeCall(IMarket.cancelRecovered, (chunk)));
            if (!ok || pay.balanceOf(successor) - before != escrow) ++refundViolations;
            at += k;
        }
        ++calls["recover"];
    }

    function freeze(uint256 actorSeed, uint256 mode) external {
        address who = _actor(actorSeed);
        bool frozen = mode % 3 == 0; // freeze one time in three, unfreeze otherwise
        vm.prank(agent);
        token.setWalletFrozen(who, frozen);
        ++calls["freeze"];
    }

    /// Points every contract trader's re-entry attempt at an order: a second cancel or a second fill.
    function retarget(uint256 orderSeed, bool doCancel) external {
        if (ids.length == 0) return;
        uint256 id = ids[orderSeed % ids.length];
        IMarket.OrderView memory o = market.order(id);
        bytes memory data = doCancel
            ? abi.encodeCall(IMarket.cancel, (id))
            : abi.encodeCall(IMarket.fill, (id, 5, o.side == IMarket.Side.Ask ? o.price : 0, 100));
        for (uint256 i; i < actors.length; ++i) {
            if (isContractActor[actors[i]]) MarketReentrancyAttacker(actors[i]).setReentry(data);
        }
    }

    function setFee(uint16 bps) external {
        bps = uint16(bound(bps, 0, 100));
        (address recipient,) = market.fee();
        vm.prank(admin);
        market.setFee(recipient, bps);
        ++calls["setFee"];
    }

    /// The platform admin stops or resumes the platform (about a third of the run is stopped).
    function togglePlatform(uint256 seed) external {
        IdentityRegistry reg = IdentityRegistry(token.identityRegistry());
        bool stopped = reg.platformStopped();
        if (!stopped && seed % 2 == 1) return;
        vm.prank(admin);
        if (stopped) reg.resumePlatform();
        else reg.stopPlatform();
        ++calls["togglePlatform"];
    }

    // ================================================================ helpers

    function _stopped() internal view returns (bool) {
        return IdentityRegistry(token.identityRegistry()).platformStopped();
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    function _as(address actor, bytes memory data) internal returns (bool ok, bytes memory ret) {
        if (isContractActor[actor]) {
            (ok, ret) = MarketReentrancyAttacker(actor).exec(address(market), data);
        } else {
            vm.prank(actor);
            (ok, ret) = address(market).call(data);
        }
    }

    /// The market's refusal with `code` (or, for a paused token, the token's own refusal with that code).
    function _refusedWith(bytes memory ret, uint256 id, uint8 code) internal pure returns (bool) {
        bytes32 got = keccak256(ret);
        if (got == keccak256(abi.encodeWithSelector(IMarket.MarketOrderNotFillable.selector, id, code))) return true;
        // A paused token (code 1) is left to the token itself, which refuses with the same code.
        return
            code == 1
                && got == keccak256(abi.encodeWithSelector(bytes4(keccak256("ShareTransferRefused(uint8)")), code));
    }

    function _record(uint256 id, bytes32 action) internal {
        ids.push(id);
        ++calls[action];
    }
}
