// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {StaticRead} from "./libraries/StaticRead.sol";
import {
    TRANSFER_OK,
    TRANSFER_PAUSED,
    TRANSFER_SENDER_FROZEN,
    TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE,
    TRANSFER_SHARES_LOCKED,
    TRANSFER_TRADING_ENDED
} from "./interfaces/IArtworkShareToken.sol";
import "./interfaces/IMarket.sol";

/// @title Market
/// @notice Secondary order book for every share token of the platform's ShareTokenFactory (see {IMarket}).
/// @dev Storage: three slots per order — (maker, remaining, expiresAt), (token, price, side), (size, cancelled,
/// openIndex, nextFree). A fill reads the first two and writes only the first (plus the third, the token's index
/// header and the order's index entry when the order closes); `filled` is derived as `size − cancelled − remaining`.
/// Ids start at 1. Each token keeps an index of its open orders: a closed order's entry becomes a hole that the next
/// placement takes ({_addOpen}, {_removeOpen}), so the index never holds more positions than the most orders open at
/// once and reading the book costs the open orders, not the token's history; each (token, maker) keeps the
/// total of its open asks, which the maker's free balance and allowance must cover. Each index entry packs the order's
/// id (bits 0–63), price (64–151) and side (152), so one storage read per open order tells whether it crosses.
///
/// Matching: a placement first trades against the opposite resting orders that cross its limit, best price first and
/// among equal prices the oldest (lowest id) first, each at the RESTING order's price; the placer is the taker and
/// pays the taker fee. Per token the market keeps conservative bounds of the best bid and best ask ({_bounds}): a
/// placement that cannot cross them costs no read of the index; one that may cross reads the open index once (one slot
/// per open order) and makes the bounds exact again. At most {MAX_MATCH_STEPS} resting orders are matched or cleaned
/// per placement.
///
/// Security: every state-changing entry point is `nonReentrant` (transient guard) and follows
/// checks-effects-interactions: the order is updated and the event emitted before any token is called. The market
/// only ever holds bid escrow and the fees taken out of it ({accruedFees}, until {withdrawFees}); a fee a buyer pays
/// from its wallet goes straight to the fee recipient. Fee-on-transfer payment tokens are refused at bid placement (the
/// received amount is measured), so the market's payment balance always covers `Σ remaining × price` over open bids
/// plus the accrued fees. A maker's own cancel never depends on the share token or on the pause
/// switch, so escrow can always be recovered.
contract Market is AccessControl, ReentrancyGuardTransient, IMarket {
    using SafeERC20 for IERC20;

    /// @notice Most successive recoveries followed to find where a recovered maker's escrow goes.
    uint256 public constant MAX_RECOVERY_HOPS = 8;
    /// @notice Highest platform fee: 100 bps = 1 %.
    uint16 public constant MAX_FEE_BPS = 100;
    /// @notice Longest an order may stay open: 90 days from placement.
    uint256 public constant MAX_ORDER_LIFETIME = 90 days;
    /// @notice Most resting orders one placement matches or cleans (expired, undeliverable) before it stops. When the
    /// bound is reached and the rest of the new order would still cross the book, that rest is not placed.
    uint256 public constant MAX_MATCH_STEPS = 10;
    uint256 private constant _BPS = 10_000;

    /// Packed order: slot 0 (maker, remaining, expiresAt), slot 1 (token, price, side), slot 2 (size, cancelled,
    /// openIndex = position in the token's open-orders index while open, nextFree = once closed, the next closed order
    /// of the token's list of reusable positions).
    struct Order {
        address maker;
        uint64 remaining;
        uint32 expiresAt;
        address token;
        uint88 price;
        Side side;
        uint64 size;
        uint64 cancelled;
        uint64 openIndex;
        uint64 nextFree;
    }

    /// One slot per token: the open-orders index's header. Positions `[0, length)` hold an entry or a hole (0), with
    /// `count` open orders. The holes are reused by the next placements before the index grows: the last two freed
    /// are kept here (`free0`, `free1`, `stacked` of them), any further ones in a list through the closed orders that
    /// held them (`freeHead`, then each order's `nextFree`, 0 ends it), so a closing fill usually writes no order slot.
    /// Positions and counts stay below 2^40: every placement costs over 100,000 gas.
    struct OpenIndex {
        uint40 length;
        uint40 count;
        uint64 freeHead;
        uint8 stacked;
        uint40 free0;
        uint40 free1;
    }

    /// One slot: everything a fill needs besides the order, and the fees accrued from bid escrow in whole cents
    /// (see {accruedFees}; written by the fill of a bid, which reads this slot anyway).
    struct Config {
        address feeRecipient;
        uint16 feeBps;
        bool paused;
        uint72 accruedCents;
    }

    /// One slot: see {_bounds}.
    struct Bounds {
        uint88 maxBid;
        uint88 minAsk;
    }

    IERC20 private immutable _PAYMENT_TOKEN;
    IMarketTokenFactory private immutable _FACTORY;
    /// One cent of the payment token in its base units (10^(decimals − 2); 1 below two decimals).
    uint256 private immutable _CENT;

    Config private _config;
    uint256 private _orderCount;
    mapping(uint256 orderId => Order) private _orders;
    mapping(address token => OpenIndex) private _index;
    mapping(address token => mapping(uint256 position => uint256 entry)) private _entries;
    mapping(address token => mapping(address maker => uint256)) private _openAsks;
    /// Per token, conservative bounds of the open book: `maxBid` ≥ the price of every open bid, `minAsk` ≤ the price of
    /// every open ask (0 = no ask). Raised/lowered when an order rests, made exact again by a placement that read the
    /// index; a placement that cannot cross them skips reading the index.
    mapping(address token => Bounds) private _bounds;

    /// @param paymentToken_ The platform payment token (a plain ERC-20 with `decimals`; fee-on-transfer tokens cannot
    /// escrow bids).
    /// @param factory_ The ShareTokenFactory whose tokens may be traded.
    /// @param feeRecipient_ Receives the platform fee.
    /// @param feeBps_ Platform fee in basis points of the traded value, ≤ {MAX_FEE_BPS}.
    /// @param admin Gets DEFAULT_ADMIN_ROLE (fee and pause).
    constructor(IERC20 paymentToken_, address factory_, address feeRecipient_, uint16 feeBps_, address admin) {
        if (
            address(paymentToken_) == address(0) || factory_ == address(0) || feeRecipient_ == address(0)
                || admin == address(0)
        ) revert MarketZeroAddress();
        _PAYMENT_TOKEN = paymentToken_;
        _FACTORY = IMarketTokenFactory(factory_);
        uint8 decimals = IERC20Metadata(address(paymentToken_)).decimals();
        _CENT = decimals > 2 ? 10 ** (decimals - 2) : 1;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setFee(feeRecipient_, feeBps_);
    }

    // ================================================================ trading

    /// @inheritdoc IMarket
    function placeAsk(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps)
        external
        nonReentrant
        returns (uint256 orderId, uint256 traded)
    {
        _checkOrder(token, shares, pricePerShare, expiresAt);
        uint8 code = _haltCode(token);
        if (code == FILL_OK) code = _verifiedCode(_registry(token), msg.sender);
        if (code != FILL_OK) revert MarketMakerNotEligible(token, msg.sender, code);
        (uint256 needed, uint256 available, uint8 backing) = _askBacking(token, msg.sender, shares);
        if (backing == TRANSFER_SENDER_FROZEN) revert MarketMakerNotEligible(token, msg.sender, backing);
        if (backing != FILL_OK) revert MarketAsksNotBacked(token, msg.sender, needed, available, backing);
        uint256 rest;
        (traded, rest) = _match(token, Side.Ask, shares, pricePerShare, maxFeeBps);
        if (rest != 0) {
            _openAsks[token][msg.sender] += rest;
            orderId = _store(token, Side.Ask, rest, pricePerShare, expiresAt);
        }
    }

    /// @inheritdoc IMarket
    function placeBid(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps)
        external
        nonReentrant
        returns (uint256 orderId, uint256 traded)
    {
        _checkOrder(token, shares, pricePerShare, expiresAt);
        // A bid locks money: refuse makers the token would never deliver to (pause, frozen, unverified, country,
        // category). Holder and balance caps depend on the seller and are enforced at fill.
        uint8 code = IMarketShareToken(token).canTransfer(address(0), msg.sender, 0);
        if (code != TRANSFER_OK) revert MarketMakerNotEligible(token, msg.sender, code);
        uint256 rest;
        (traded, rest) = _match(token, Side.Bid, shares, pricePerShare, maxFeeBps);
        if (rest == 0) return (0, traded);
        orderId = _store(token, Side.Bid, rest, pricePerShare, expiresAt);
        // rest < 2^64 and price < 2^88 (checked), so the product is < 2^152.
        uint256 escrow;
        unchecked {
            escrow = rest * pricePerShare;
        }
        IERC20 pay = _PAYMENT_TOKEN;
        uint256 before = pay.balanceOf(address(this));
        pay.safeTransferFrom(msg.sender, address(this), escrow);
        uint256 received = pay.balanceOf(address(this)) - before;
        if (received != escrow) revert MarketEscrowShortfall(escrow, received);
    }

    /// @inheritdoc IMarket
    function fill(uint256 orderId, uint256 shares, uint256 priceLimit, uint256 maxFeeBps)
        external
        nonReentrant
        returns (uint256 filled)
    {
        Config memory cfg = _config;
        if (cfg.paused) revert MarketPaused();
        if (cfg.feeBps > maxFeeBps) revert MarketFeeAboveMax(cfg.feeBps, maxFeeBps);
        // The order's first two slots, each read once (layout: see {Order}).
        uint256 slot0;
        uint256 slot1;
        {
            Order storage o = _orders[orderId];
            assembly ("memory-safe") {
                slot0 := sload(o.slot)
                slot1 := sload(add(o.slot, 1))
            }
        }
        filled = _fillChecks(orderId, slot0, slot1, shares, priceLimit);
        _settle(orderId, slot0, slot1, filled, cfg);
    }

    /// @dev The checks of {fill} on the order's slots; returns the shares to trade. After the checks {fillable} makes
    /// first (closed, paused, expired), so both name the same reason.
    function _fillChecks(uint256 orderId, uint256 slot0, uint256 slot1, uint256 shares, uint256 priceLimit)
        private
        returns (uint256 filled)
    {
        address maker = address(uint160(slot0));
        uint256 remaining = uint64(slot0 >> 160);
        address token = address(uint160(slot1));
        uint256 price = uint88(slot1 >> 160);
        bool ask = uint8(slot1 >> 248) == uint8(Side.Ask);
        if (remaining == 0) revert MarketOrderNotOpen(orderId);
        if (shares == 0) revert MarketInvalidShares(0);
        if (block.timestamp >= slot0 >> 224) revert MarketOrderNotFillable(orderId, FILL_ORDER_EXPIRED);
        // One registry look-up for the whole fill.
        IIdentityRegistry reg = _registry(token);
        if (_stopped(reg)) revert MarketPlatformStopped();
        if (maker == msg.sender) revert MarketSelfTrade(orderId, msg.sender);
        if (ask ? price > priceLimit : price < priceLimit) revert MarketPriceLimit(orderId, price, priceLimit);
        filled = shares < remaining ? shares : remaining;
        if (ask) _checkAskFill(orderId, reg, token, maker, filled);
        else _checkBidFill(orderId, reg, token, maker, filled);
    }

    /// @dev Effects and interactions of {fill}: the order's remaining (its first slot written once), the index when it
    /// closes, the event, then delivery and payment.
    function _settle(uint256 orderId, uint256 slot0, uint256 slot1, uint256 filled, Config memory cfg) private {
        address maker = address(uint160(slot0));
        address token = address(uint160(slot1));
        uint256 price = uint88(slot1 >> 160);
        (uint256 cost, uint256 feeAmount) = _costAndFee(filled, price, cfg.feeBps);
        // filled ≤ remaining < 2^64: the new remaining replaces bits 160–223 of the first slot.
        unchecked {
            uint256 left = slot0 - (filled << 160);
            Order storage o = _orders[orderId];
            assembly ("memory-safe") {
                sstore(o.slot, left)
            }
            if (uint64(left >> 160) == 0) _removeOpen(token, orderId);
        }
        emit OrderFilled(orderId, msg.sender, filled, price, feeAmount);

        IERC20 pay = _PAYMENT_TOKEN;
        if (uint8(slot1 >> 248) == uint8(Side.Ask)) {
            // Delivery: the token's compliance hook checks the real seller (maker) and buyer (taker).
            if (!IERC20(token).transferFrom(maker, msg.sender, filled)) revert MarketShareTransferFailed(token);
            // Payment: the taker pays the maker the full value and the fee on top.
            pay.safeTransferFrom(msg.sender, maker, cost);
            if (feeAmount != 0) pay.safeTransferFrom(msg.sender, cfg.feeRecipient, feeAmount);
        } else {
            // Delivery from the selling taker to the bid's maker; payment out of the bid's escrow.
            if (!IERC20(token).transferFrom(msg.sender, maker, filled)) revert MarketShareTransferFailed(token);
            // fee ≤ cost / 100 (see {_costAndFee}). The fee stays in the market for the fee recipient.
            unchecked {
                pay.safeTransfer(msg.sender, cost - feeAmount);
            }
            if (feeAmount != 0) _accrueFee(feeAmount, cfg.feeRecipient);
        }
    }

    /// @inheritdoc IMarket
    function cancel(uint256 orderId) external nonReentrant {
        Order storage o = _orders[orderId];
        address maker = o.maker;
        uint256 remaining = o.remaining;
        if (remaining == 0) revert MarketOrderNotOpen(orderId);
        address token = o.token;
        Side side = o.side;
        uint8 reason = FILL_OK;
        if (msg.sender != maker && !_isComplianceAgent(token, msg.sender)) {
            // Anyone may clear an order that can no longer trade: expired, or an ask that is no longer backed. A token
            // paused by compliance is a temporary stop, not a reason for strangers to wipe its book.
            reason = block.timestamp >= o.expiresAt
                ? FILL_ORDER_EXPIRED
                : side == Side.Ask ? _askCode(token, maker) : FILL_OK;
            if (reason == FILL_OK || reason == TRANSFER_PAUSED) revert MarketUnauthorizedCancel(orderId, msg.sender);
        }
        _close(orderId, reason);
    }

    /// @inheritdoc IMarket
    function cancelRecovered(uint256[] calldata orderIds) external nonReentrant returns (uint256 cancelled) {
        uint256 n = orderIds.length;
        for (uint256 i; i < n; ++i) {
            uint256 id = orderIds[i];
            Order storage o = _orders[id];
            // Closed already (by an earlier call, a fill or the maker): nothing to do, so batches can overlap.
            if (o.remaining == 0) continue;
            address maker = o.maker;
            if (IMarketShareToken(o.token).recoveredTo(maker) == address(0)) revert MarketMakerNotRecovered(id, maker);
            _close(id, FILL_WALLET_RECOVERED);
            // At most orderIds.length increments.
            unchecked {
                ++cancelled;
            }
        }
    }

    // ================================================================ admin

    /// @notice Sets the fee recipient and the fee in basis points (≤ {MAX_FEE_BPS}); fees accrued until now are paid
    /// to the previous recipient first. DEFAULT_ADMIN_ROLE.
    function setFee(address feeRecipient_, uint16 feeBps_) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        _payFees();
        _setFee(feeRecipient_, feeBps_);
    }

    /// @inheritdoc IMarket
    function withdrawFees() external nonReentrant returns (uint256) {
        return _payFees();
    }

    /// @notice Pauses or unpauses placing and filling; cancelling always works. DEFAULT_ADMIN_ROLE.
    function setPaused(bool paused_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (_config.paused == paused_) revert MarketPausedState(paused_);
        _config.paused = paused_;
        emit MarketPausedSet(paused_, msg.sender);
    }

    // ================================================================ views

    /// @inheritdoc IMarket
    function order(uint256 orderId) external view returns (OrderView memory v) {
        Order memory o = _orders[orderId];
        v.maker = o.maker;
        v.token = o.token;
        v.side = o.side;
        v.price = o.price;
        v.size = o.size;
        v.remaining = o.remaining;
        v.cancelled = o.cancelled;
        v.expiresAt = o.expiresAt;
        // remaining + cancelled ≤ size: fills and the single cancel only move shares out of `remaining`.
        unchecked {
            v.filled = v.size - v.remaining - v.cancelled;
        }
    }

    /// @inheritdoc IMarket
    function orderCount() external view returns (uint256) {
        return _orderCount;
    }

    /// @inheritdoc IMarket
    function openOrders(address token, uint256 offset, uint256 limit) external view returns (uint256[] memory ids) {
        OpenIndex memory ix = _index[token];
        uint256 count = ix.count;
        if (offset >= count) return ids;
        uint256 n = count - offset > limit ? limit : count - offset;
        ids = new uint256[](n);
        mapping(uint256 => uint256) storage entries = _entries[token];
        uint256 len = ix.length;
        uint256 seen;
        uint256 k;
        // The offset-th to (offset + n)-th open orders in index order, holes skipped.
        for (uint256 i; i < len && k < n; ++i) {
            uint256 e = entries[i];
            if (e == 0) continue;
            if (seen++ >= offset) ids[k++] = uint64(e);
        }
    }

    /// @inheritdoc IMarket
    function openOrderCount(address token) external view returns (uint256) {
        return _index[token].count;
    }

    /// @notice Positions of the token's open-orders index (open orders and holes): never more than the most orders
    /// that were open at once on the token, the cost of reading its book.
    function openIndexLength(address token) external view returns (uint256) {
        return _index[token].length;
    }

    /// @inheritdoc IMarket
    function openAskShares(address token, address maker) external view returns (uint256) {
        return _liveAskTotal(token, maker);
    }

    /// @inheritdoc IMarket
    function fillable(uint256 orderId) external view returns (uint256 shares, uint8 reasonCode) {
        Order memory o = _orders[orderId];
        reasonCode = _orderCode(o);
        if (reasonCode != FILL_OK) return (0, reasonCode);
        if (o.side == Side.Ask) {
            reasonCode = _askCode(o.token, o.maker);
            return reasonCode == FILL_OK ? (uint256(o.remaining), FILL_OK) : (0, reasonCode);
        }
        // Bid: escrow is always there; check the maker can still receive (the receiver's rules, from any seller).
        reasonCode = IMarketShareToken(o.token).canTransfer(address(0), o.maker, o.remaining);
        return reasonCode == TRANSFER_OK ? (uint256(o.remaining), FILL_OK) : (0, reasonCode);
    }

    /// @inheritdoc IMarket
    function fillableBy(uint256 orderId, address taker) external view returns (uint256 shares, uint8 reasonCode) {
        Order memory o = _orders[orderId];
        reasonCode = _orderCode(o);
        if (reasonCode != FILL_OK) return (0, reasonCode);
        IIdentityRegistry reg = _registry(o.token);
        bytes32 takerId = reg.investorOf(taker);
        if (taker == o.maker || (takerId != bytes32(0) && takerId == reg.investorOf(o.maker))) {
            return (0, FILL_SELF_TRADE);
        }
        address seller;
        address buyer;
        if (o.side == Side.Ask) {
            (seller, buyer) = (o.maker, taker);
            reasonCode = _askCode(o.token, o.maker);
            if (reasonCode != FILL_OK) return (0, reasonCode);
            shares = o.remaining;
        } else {
            (seller, buyer) = (taker, o.maker);
            (shares, reasonCode) = _spareShares(o.token, taker, o.remaining);
            if (shares == 0) return (0, reasonCode);
        }
        uint8 code = IMarketShareToken(o.token).canTransfer(seller, buyer, shares);
        if (code != TRANSFER_OK) return (0, code);
        if (o.side == Side.Ask) {
            uint256 affordable = _affordable(taker, o.price);
            if (affordable < shares) (shares, reasonCode) = (affordable, FILL_PAYMENT_SHORT);
        }
    }

    /// @inheritdoc IMarket
    function quote(uint256 orderId, uint256 shares)
        external
        view
        returns (uint256 filled, uint256 cost, uint256 feeAmount)
    {
        Order memory o = _orders[orderId];
        filled = shares < o.remaining ? shares : o.remaining;
        (cost, feeAmount) = _costAndFee(filled, o.price, _config.feeBps);
    }

    /// @inheritdoc IMarket
    function refundWalletOf(uint256 orderId) external view returns (address) {
        Order storage o = _orders[orderId];
        return _refundWallet(o.token, o.maker);
    }

    /// @notice Payment tokens still escrowed for an order: `remaining × price` for a bid, 0 for an ask.
    function escrowOf(uint256 orderId) external view returns (uint256) {
        Order memory o = _orders[orderId];
        return o.side == Side.Bid ? uint256(o.remaining) * o.price : 0;
    }

    /// @notice The payment token.
    function paymentToken() external view returns (address) {
        return address(_PAYMENT_TOKEN);
    }

    /// @notice One cent of the payment token in base units: prices and fees are whole multiples of it.
    function cent() external view returns (uint256) {
        return _CENT;
    }

    /// @notice The ShareTokenFactory whose tokens may be traded.
    function factory() external view returns (address) {
        return address(_FACTORY);
    }

    /// @notice Fee recipient and fee in basis points.
    function fee() external view returns (address feeRecipient, uint256 feeBps) {
        return (_config.feeRecipient, _config.feeBps);
    }

    /// @inheritdoc IMarket
    function accruedFees() external view returns (uint256) {
        return uint256(_config.accruedCents) * _CENT;
    }

    /// @notice True when placing and filling are paused.
    function paused() external view returns (bool) {
        return _config.paused;
    }

    // ================================================================ matching

    /// @dev Trades a new order of `shares` at limit `limit` against the crossing resting orders of the other side, in
    /// price-time priority, each at the resting order's price; the placer is the taker. Resting orders that can no
    /// longer deliver — expired, an ask whose maker is not verified, frozen or no longer backed, a bid whose maker can
    /// no longer receive (frozen, unverified, country, category) — are cancelled on the way (escrow back to their
    /// maker) and never traded. Matching STOPS at an order of the placer's own investor (self-trade prevention), at a
    /// trade the token refuses for the placer's side or for an amount cap, or after {MAX_MATCH_STEPS} orders; when it
    /// stops with crossing orders left, the rest is not placed ({MatchStopped}), so the book never crosses. Returns the
    /// shares traded and the rest to place (0 when nothing is to rest).
    function _match(address token, Side side, uint256 shares, uint256 limit, uint256 maxFeeBps)
        private
        returns (uint256 traded, uint256 rest)
    {
        {
            Bounds memory b = _bounds[token];
            if (side == Side.Ask ? limit > b.maxBid : (b.minAsk == 0 || limit < b.minAsk)) return (0, shares);
        }
        Ctx memory c;
        c.token = token;
        c.side = side;
        uint256[] memory cand;
        (cand, c.other) = _crossing(token, side, limit);
        if (cand.length == 0) {
            _tighten(token, side, c.other);
            return (0, shares);
        }
        c.cfg = _config;
        if (c.cfg.feeBps > maxFeeBps) revert MarketFeeAboveMax(c.cfg.feeBps, maxFeeBps);
        c.me = _investorOf(_registry(token), msg.sender);
        uint8 stop;
        (traded, rest, stop) = _matchLoop(cand, c, shares);
        if (stop != 0 && rest != 0) {
            emit MatchStopped(msg.sender, token, side, limit, rest, stop);
            rest = 0;
        } else if (rest != 0) {
            // Every crossing order was traded or cleaned: the opposite side's best price is now `other`.
            _tighten(token, side, c.other);
        }
    }

    /// What {_matchLoop} needs of the placement.
    struct Ctx {
        address token;
        Side side;
        uint256 other;
        bytes32 me;
        Config cfg;
    }

    /// @dev The loop of {_match}: `rest` goes in as the new order's size and comes out as what is left of it.
    function _matchLoop(uint256[] memory cand, Ctx memory c, uint256 rest)
        private
        returns (uint256 traded, uint256, uint8 stop)
    {
        uint256 n = cand.length;
        for (uint256 steps; rest != 0 && n != 0; ++steps) {
            if (steps == MAX_MATCH_STEPS) {
                stop = FILL_MATCH_LIMIT;
                break;
            }
            uint256 best = _best(cand, n, c.side);
            uint256 id = uint64(cand[best]);
            uint8 code = _matchCode(id, c.token, c.me, rest);
            if (code == FILL_SELF_TRADE || code >= _STOP) {
                stop = code == FILL_SELF_TRADE ? code : code - _STOP;
                break;
            }
            // Taken out of the candidates whatever happens next: traded, or cleaned.
            cand[best] = cand[--n];
            if (code != FILL_OK) {
                _close(id, code);
                continue;
            }
            uint256 q = _matchOne(id, c.token, rest, c.cfg);
            // q ≤ rest.
            unchecked {
                rest -= q;
                traded += q;
            }
        }
        return (traded, rest, stop);
    }

    /// @dev Sets the opposite side's bound (for a taker on `side`) to `other`, the exact best price read from the index.
    function _tighten(address token, Side side, uint256 other) private {
        // `other` is an order price (< 2^88) or 0.
        if (side == Side.Ask) _bounds[token].maxBid = uint88(other);
        else _bounds[token].minAsk = uint88(other);
    }

    /// Added to a token code that stops matching (the placer's side is at fault, or an amount cap).
    uint8 private constant _STOP = 128;

    /// @dev For a crossing resting order: {FILL_OK} to trade it, {FILL_SELF_TRADE} or `_STOP + code` to stop, any
    /// other code to cancel it with that reason (the resting maker's side is at fault).
    function _matchCode(uint256 id, address token, bytes32 me, uint256 left) private view returns (uint8 code) {
        Order storage o = _orders[id];
        address maker = o.maker;
        if (block.timestamp >= o.expiresAt) return FILL_ORDER_EXPIRED;
        if (maker == msg.sender || (me != bytes32(0) && _investorOf(_registry(token), maker) == me)) {
            return FILL_SELF_TRADE;
        }
        uint256 q = o.remaining;
        if (left < q) q = left;
        if (o.side == Side.Ask) {
            code = _askCode(token, maker);
            if (code != FILL_OK) return code;
            code = IMarketShareToken(token).canTransfer(maker, msg.sender, q);
            // Sender codes were all covered by the ask's backing: what is left is the buying placer's side.
            return code == TRANSFER_OK ? FILL_OK : _STOP + code;
        }
        code = IMarketShareToken(token).canTransfer(address(0), maker, 0);
        if (code != TRANSFER_OK) return code; // the bid's maker can no longer receive
        code = IMarketShareToken(token).canTransfer(msg.sender, maker, q);
        return code == TRANSFER_OK ? FILL_OK : _STOP + code;
    }

    /// @dev Trades min(`left`, remaining) of resting order `id` with the placer at the order's price; returns the
    /// shares traded. Effects and event first, then the transfers (as {fill}).
    function _matchOne(uint256 id, address token, uint256 left, Config memory cfg) private returns (uint256 q) {
        Order storage o = _orders[id];
        address maker = o.maker;
        uint256 remaining = o.remaining;
        uint256 price = o.price;
        Side side = o.side;
        q = left < remaining ? left : remaining;
        (uint256 cost, uint256 feeAmount) = _costAndFee(q, price, cfg.feeBps);
        // q ≤ remaining < 2^64; an ask's remaining is part of its maker's stored open total.
        unchecked {
            o.remaining = uint64(remaining - q);
            if (side == Side.Ask) _openAsks[token][maker] -= q;
        }
        if (q == remaining) _removeOpen(token, id);
        emit OrderFilled(id, msg.sender, q, price, feeAmount);
        IERC20 pay = _PAYMENT_TOKEN;
        if (side == Side.Ask) {
            if (!IERC20(token).transferFrom(maker, msg.sender, q)) revert MarketShareTransferFailed(token);
            pay.safeTransferFrom(msg.sender, maker, cost);
            if (feeAmount != 0) pay.safeTransferFrom(msg.sender, cfg.feeRecipient, feeAmount);
        } else {
            if (!IERC20(token).transferFrom(msg.sender, maker, q)) revert MarketShareTransferFailed(token);
            // fee ≤ cost / 100; it stays in the market for the fee recipient.
            unchecked {
                pay.safeTransfer(msg.sender, cost - feeAmount);
            }
            if (feeAmount != 0) _accrueFee(feeAmount, cfg.feeRecipient);
        }
    }

    /// @dev Index entries of the opposite side of `side` that cross `limit` (asks priced ≤ a bid's limit, bids priced
    /// ≥ an ask's limit), read from the token's open index: one storage slot per open order; and `other`, the best
    /// opposite price that does not cross (0 when none).
    function _crossing(address token, Side side, uint256 limit)
        private
        view
        returns (uint256[] memory cand, uint256 other)
    {
        mapping(uint256 => uint256) storage open = _entries[token];
        uint256 len = _index[token].length;
        cand = new uint256[](len);
        uint256 n;
        for (uint256 i; i < len; ++i) {
            uint256 e = open[i];
            if (e == 0) continue;
            uint256 p = uint88(e >> 64);
            if (side == Side.Bid) {
                if (e >> 152 != uint8(Side.Ask)) continue;
                if (p <= limit) cand[n++] = e;
                else if (other == 0 || p < other) other = p;
            } else {
                if (e >> 152 != uint8(Side.Bid)) continue;
                if (p >= limit) cand[n++] = e;
                else if (p > other) other = p;
            }
        }
        assembly ("memory-safe") {
            mstore(cand, n)
        }
    }

    /// @dev Position of the first candidate in price-time priority among `cand[0..n)`.
    function _best(uint256[] memory cand, uint256 n, Side side) private pure returns (uint256 best) {
        for (uint256 i = 1; i < n; ++i) {
            if (_better(cand[i], cand[best], side)) best = i;
        }
    }

    /// @dev Whether resting entry `a` goes before `b` for a taker on `side`: the better price for the taker (lowest
    /// ask, highest bid), then the older order (ids grow with time).
    function _better(uint256 a, uint256 b, Side side) private pure returns (bool) {
        uint256 pa = uint88(a >> 64);
        uint256 pb = uint88(b >> 64);
        if (pa != pb) return side == Side.Bid ? pa < pb : pa > pb;
        return uint64(a) < uint64(b);
    }

    /// @dev One index entry: id | price << 64 | side << 152.
    function _entry(uint256 orderId, uint256 price, Side side) private pure returns (uint256) {
        return orderId | (price << 64) | (uint256(uint8(side)) << 152);
    }

    /// @dev Closes open order `orderId` for `reason` (see {OrderCancelled}); a bid's remaining escrow goes back to its
    /// maker, or to the wallet the token recovered the maker to ({_refundWallet}): a lost key never gets money back.
    function _close(uint256 orderId, uint8 reason) private {
        Order storage o = _orders[orderId];
        address maker = o.maker;
        address token = o.token;
        uint256 remaining = o.remaining;
        Side side = o.side;
        o.remaining = 0;
        // An order is cancelled at most once (remaining becomes 0), so cancelled ≤ size < 2^64.
        o.cancelled = uint64(remaining);
        if (side == Side.Ask) {
            // The order's remaining size is part of the maker's open total.
            unchecked {
                _openAsks[token][maker] -= remaining;
            }
        }
        _removeOpen(token, orderId);
        emit OrderCancelled(orderId, remaining, msg.sender, reason);
        if (side == Side.Bid) {
            // remaining < 2^64 and price < 2^88: exactly the part of the escrow still held for this order.
            unchecked {
                _PAYMENT_TOKEN.safeTransfer(_refundWallet(token, maker), remaining * o.price);
            }
        }
    }

    /// @dev Remaining shares of `maker`'s open asks on `token` that have not expired (expired ones cannot trade, so
    /// they need no backing). Reads the open index: used off the hot path only.
    function _liveAskTotal(address token, address maker) private view returns (uint256 live) {
        mapping(uint256 => uint256) storage open = _entries[token];
        uint256 len = _index[token].length;
        for (uint256 i; i < len; ++i) {
            uint256 e = open[i];
            if (e == 0 || e >> 152 != uint8(Side.Ask)) continue;
            Order storage o = _orders[uint64(e)];
            if (o.maker == maker && block.timestamp < o.expiresAt) live += o.remaining;
        }
    }

    /// @dev Whether `maker`'s free shares and allowance cover its open asks on `token` plus `extra`: the total needed,
    /// what is available and the code of {_backing}. The stored total (which still counts expired asks until they are
    /// cancelled) is tried first; only when it is not covered are expired asks left out, by reading the index.
    function _askBacking(address token, address maker, uint256 extra)
        private
        view
        returns (uint256 needed, uint256 available, uint8 code)
    {
        return _askBackingOf(token, maker, _openAsks[token][maker] + extra, extra);
    }

    /// @dev {_askBacking} with the stored open total plus `extra` already read: `needed`.
    function _askBackingOf(address token, address maker, uint256 needed, uint256 extra)
        private
        view
        returns (uint256, uint256 available, uint8 code)
    {
        (available, code) = _backing(token, maker, needed);
        if (code != FILL_OK && code != TRANSFER_SENDER_FROZEN) {
            uint256 live = _liveAskTotal(token, maker) + extra;
            if (live < needed) {
                needed = live;
                (available, code) = _backing(token, maker, live);
            }
        }
        return (needed, available, code);
    }

    // ================================================================ internals

    function _checkOrder(address token, uint256 shares, uint256 price, uint256 expiresAt) private view {
        if (_config.paused) revert MarketPaused();
        if (shares == 0 || shares > type(uint64).max) revert MarketInvalidShares(shares);
        if (price == 0 || price > type(uint88).max || price % _CENT != 0) revert MarketInvalidPrice(price);
        uint256 latest = block.timestamp + MAX_ORDER_LIFETIME;
        if (expiresAt <= block.timestamp || expiresAt > latest) revert MarketInvalidExpiry(expiresAt, latest);
        if (!_FACTORY.isToken(token)) revert MarketUnknownToken(token);
        if (_stopped(_registry(token))) revert MarketPlatformStopped();
    }

    function _store(address token, Side side, uint256 shares, uint256 price, uint256 expiresAt)
        private
        returns (uint256 orderId)
    {
        // One increment per order: cannot reach 2^256.
        unchecked {
            orderId = ++_orderCount;
        }
        uint256 at = _addOpen(token, _entry(orderId, price, side));
        // Ranges checked in {_checkOrder}; expiresAt ≤ now + 90 days fits 32 bits until 2106; the index holds fewer
        // than 2^64 entries.
        _orders[orderId] = Order({
            maker: msg.sender,
            remaining: uint64(shares),
            expiresAt: uint32(expiresAt),
            token: token,
            price: uint88(price),
            side: side,
            size: uint64(shares),
            cancelled: 0,
            openIndex: uint64(at),
            nextFree: 0
        });
        Bounds storage b = _bounds[token];
        if (side == Side.Bid) {
            if (price > b.maxBid) b.maxBid = uint88(price);
        } else if (b.minAsk == 0 || price < b.minAsk) {
            b.minAsk = uint88(price);
        }
        emit OrderPlaced(orderId, msg.sender, token, side, shares, price, expiresAt);
    }

    /// @dev A fill of an ask: the ask must still be backed (maker verified, not frozen, free shares and allowance
    /// for ALL its open asks), and the taker must be another investor. Takes the filled shares off the open total.
    /// The stored open total is read once and written back here (one slot read, one write).
    function _checkAskFill(uint256 orderId, IIdentityRegistry reg, address token, address maker, uint256 filled)
        private
    {
        (bytes32 makerId, uint256 kycExpiry) =
            StaticRead.identity(address(reg), IIdentityRegistry.identityOf.selector, maker);
        if (makerId == bytes32(0) || kycExpiry <= block.timestamp) {
            revert MarketOrderNotFillable(orderId, FILL_SELLER_NOT_VERIFIED);
        }
        if (_investorOf(reg, msg.sender) == makerId) revert MarketSelfTrade(orderId, msg.sender);
        mapping(address maker => uint256) storage asks = _openAsks[token];
        uint256 total = asks[maker];
        (,, uint8 code) = _askBackingOf(token, maker, total, 0);
        if (code != FILL_OK) revert MarketOrderNotFillable(orderId, code);
        // filled ≤ remaining ≤ the stored open total: this ask is part of it.
        unchecked {
            asks[maker] = total - filled;
        }
    }

    /// @dev A fill of a bid: the selling taker must be another investor, and may sell only shares its own open asks
    /// do not need.
    function _checkBidFill(uint256 orderId, IIdentityRegistry reg, address token, address maker, uint256 filled)
        private
        view
    {
        bytes32 takerId = _investorOf(reg, msg.sender);
        if (takerId != bytes32(0) && takerId == _investorOf(reg, maker)) revert MarketSelfTrade(orderId, msg.sender);
        uint256 open = _openAsks[token][msg.sender];
        if (open != 0) {
            (uint256 needed, uint256 available, uint8 code) = _askBackingOf(token, msg.sender, open + filled, filled);
            if (code != FILL_OK) revert MarketAsksNotBacked(token, msg.sender, needed, available, code);
        }
    }

    /// @dev Puts `entry` into the token's open-orders index: at the most recently freed position (a hole), else at
    /// the end. Returns its position.
    function _addOpen(address token, uint256 entry) private returns (uint256 at) {
        OpenIndex memory ix = _index[token];
        // Below 2^40 (see {OpenIndex}).
        unchecked {
            uint256 stacked = ix.stacked;
            if (stacked != 0) {
                at = stacked == 2 ? ix.free1 : ix.free0;
                ix.stacked = uint8(stacked - 1);
            } else if (ix.freeHead != 0) {
                Order storage freed = _orders[ix.freeHead];
                at = freed.openIndex;
                ix.freeHead = freed.nextFree;
            } else {
                at = ix.length;
                ix.length = uint40(at + 1);
            }
            ++ix.count;
        }
        _index[token] = ix;
        _entries[token][at] = entry;
    }

    /// @dev Takes open order `orderId` (of `token`) out of the token's open-orders index: its entry becomes a hole (0),
    /// which the last position gives up (the length shrinks) and any other joins the reusable positions (in the
    /// header while it has room, else through the order's `nextFree`). Nothing else moves.
    function _removeOpen(address token, uint256 orderId) private {
        Order storage o = _orders[orderId];
        uint256 at = o.openIndex;
        OpenIndex memory ix = _index[token];
        delete _entries[token][at];
        // An open order is in the index: at < length < 2^40 and count ≥ 1.
        unchecked {
            if (at + 1 == ix.length) {
                ix.length = uint40(at);
            } else if (ix.stacked == 0) {
                (ix.free0, ix.stacked) = (uint40(at), 1);
            } else if (ix.stacked == 1) {
                (ix.free1, ix.stacked) = (uint40(at), 2);
            } else {
                o.nextFree = ix.freeHead;
                ix.freeHead = uint64(orderId);
            }
            --ix.count;
        }
        _index[token] = ix;
    }

    /// @dev `maker`, or the last wallet of the chain of recoveries the token recorded from it (at most
    /// {MAX_RECOVERY_HOPS} followed; each successor is a verified wallet of the same investor when it was recorded).
    function _refundWallet(address token, address maker) private view returns (address to) {
        to = maker;
        IMarketShareToken t = IMarketShareToken(token);
        for (uint256 i; i < MAX_RECOVERY_HOPS; ++i) {
            address next = t.recoveredTo(to);
            if (next == address(0)) break;
            to = next;
        }
    }

    /// @dev Keeps `feeAmount` (whole cents, out of bid escrow the market holds) for the fee recipient: one write to the
    /// config slot instead of a payment-token transfer. Should the accrued total not fit its 72 bits of cents, this fee
    /// is paid to `feeRecipient` at once instead.
    function _accrueFee(uint256 feeAmount, address feeRecipient) private {
        uint256 total;
        // accruedCents < 2^72 and the fee < 2^160: no overflow.
        unchecked {
            total = _config.accruedCents + feeAmount / _CENT;
        }
        if (total > type(uint72).max) _PAYMENT_TOKEN.safeTransfer(feeRecipient, feeAmount);
        else _config.accruedCents = uint72(total);
    }

    /// @dev Pays the accrued fees to the current fee recipient; returns the amount.
    function _payFees() private returns (uint256 amount) {
        Config memory cfg = _config;
        amount = uint256(cfg.accruedCents) * _CENT;
        if (amount == 0) return 0;
        _config.accruedCents = 0;
        emit FeesWithdrawn(cfg.feeRecipient, amount);
        _PAYMENT_TOKEN.safeTransfer(cfg.feeRecipient, amount);
    }

    function _setFee(address feeRecipient_, uint16 feeBps_) private {
        if (feeRecipient_ == address(0)) revert MarketZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert MarketFeeTooHigh(feeBps_, MAX_FEE_BPS);
        _config.feeRecipient = feeRecipient_;
        _config.feeBps = feeBps_;
        emit FeeUpdated(feeRecipient_, feeBps_);
    }

    function _registry(address token) private view returns (IIdentityRegistry) {
        return IIdentityRegistry(address(uint160(StaticRead.word(token, IMarketShareToken.identityRegistry.selector))));
    }

    function _stopped(IIdentityRegistry reg) private view returns (bool) {
        return StaticRead.flag(address(reg), IIdentityRegistry.platformStopped.selector);
    }

    function _investorOf(IIdentityRegistry reg, address wallet) private view returns (bytes32) {
        return bytes32(StaticRead.word(address(reg), IIdentityRegistry.investorOf.selector, wallet));
    }

    /// @dev {TRANSFER_TRADING_ENDED} once the holders approved a sale of the artwork, {TRANSFER_PAUSED} while the token
    /// is paused or retired, else {FILL_OK}: the token's own check tells both first, whatever the parties (an ask placed
    /// on a sold token would rest unfillable while the maker's shares wait for redemption).
    function _haltCode(address token) private view returns (uint8) {
        uint8 code = IMarketShareToken(token).canTransfer(address(0), address(0), 0);
        return code == TRANSFER_TRADING_ENDED || code == TRANSFER_PAUSED ? code : FILL_OK;
    }

    function _paused(address token) private view returns (bool) {
        return StaticRead.flag(token, IMarketShareToken.paused.selector);
    }

    function _isComplianceAgent(address token, address account) private view returns (bool) {
        return _registry(token).isAgent(account);
    }

    /// @dev {FILL_SELLER_NOT_VERIFIED} unless `wallet` is linked and its investor's KYC has not expired.
    function _verifiedCode(IIdentityRegistry reg, address wallet) private view returns (uint8) {
        (bytes32 id, uint256 kycExpiry) =
            StaticRead.identity(address(reg), IIdentityRegistry.identityOf.selector, wallet);
        return id == bytes32(0) || kycExpiry <= block.timestamp ? FILL_SELLER_NOT_VERIFIED : FILL_OK;
    }

    /// @dev Why an order cannot trade whatever the sides: closed, market paused, expired, platform stopped
    /// ({FILL_OK} when none).
    function _orderCode(Order memory o) private view returns (uint8) {
        if (o.remaining == 0) return FILL_ORDER_CLOSED;
        if (_config.paused) return FILL_MARKET_PAUSED;
        if (block.timestamp >= o.expiresAt) return FILL_ORDER_EXPIRED;
        if (_stopped(_registry(o.token))) return FILL_PLATFORM_STOPPED;
        return FILL_OK;
    }

    /// @dev Why the maker's open asks on `token` cannot all deliver now ({FILL_OK} when they can): token paused,
    /// maker not verified, frozen, free balance or allowance below its open-ask total.
    function _askCode(address token, address maker) private view returns (uint8 code) {
        if (_paused(token)) return TRANSFER_PAUSED;
        code = _verifiedCode(_registry(token), maker);
        if (code != FILL_OK) return code;
        (,, code) = _askBacking(token, maker, 0);
    }

    /// @dev Whether `seller`'s free shares and share allowance to the market cover `needed`; else what is available
    /// and the reason: 2 frozen wallet, 4 balance (less frozen) too low, 10 shares locked, {FILL_SHARE_ALLOWANCE_SHORT}.
    function _backing(address token, address seller, uint256 needed)
        private
        view
        returns (uint256 available, uint8 code)
    {
        IMarketShareToken t = IMarketShareToken(token);
        uint256 free = StaticRead.word(token, IMarketShareToken.freeBalanceOf.selector, seller);
        if (free < needed) {
            // Slow path only: name the precise reason.
            (bool frozen, uint256 frozenAmount,,) = t.walletState(seller);
            if (frozen) return (0, TRANSFER_SENDER_FROZEN);
            uint256 balance = IERC20(token).balanceOf(seller);
            uint256 unfrozen = balance > frozenAmount ? balance - frozenAmount : 0;
            return (free, unfrozen < needed ? TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE : TRANSFER_SHARES_LOCKED);
        }
        uint256 allowance = StaticRead.word(token, IERC20.allowance.selector, seller, address(this));
        if (allowance < needed) return (allowance, FILL_SHARE_ALLOWANCE_SHORT);
        return (needed, FILL_OK);
    }

    /// @dev Shares (≤ wanted) `seller` can sell into a bid now beyond what its own open asks need, and the reason for
    /// any shortfall.
    function _spareShares(address token, address seller, uint256 wanted)
        private
        view
        returns (uint256 shares, uint8 code)
    {
        if (_paused(token)) return (0, TRANSFER_PAUSED);
        (uint256 needed, uint256 available, uint8 c) = _askBacking(token, seller, wanted);
        if (c == FILL_OK) return (wanted, FILL_OK);
        uint256 open = needed - wanted;
        if (c == TRANSFER_SENDER_FROZEN) return (0, c);
        return (available > open ? available - open : 0, c);
    }

    /// @dev Largest n with n × price + fee(n × price) ≤ the taker's payment balance and allowance.
    function _affordable(address taker, uint256 price) private view returns (uint256 n) {
        uint256 budget = _PAYMENT_TOKEN.balanceOf(taker);
        uint256 allowance = _PAYMENT_TOKEN.allowance(taker, address(this));
        if (allowance < budget) budget = allowance;
        uint16 bps = _config.feeBps;
        n = Math.mulDiv(budget, _BPS, price * (_BPS + bps));
        if (n >= type(uint64).max) return n; // more than any order can hold
        // The fee is rounded down (to the cent), so one more share may still fit; never two (price ≥ one cent).
        (uint256 c, uint256 f) = _costAndFee(n + 1, price, bps);
        if (c + f <= budget) ++n;
    }

    /// @dev Trade value and the taker's fee, rounded down to the whole cent (in the taker's favour). Prices are
    /// whole cents, so the value is too. Every caller passes shares ≤ 2^64 (an order's remaining, or one more than a
    /// count below 2^64) and an order's price < 2^88 with bps < 2^16, so no product can overflow.
    function _costAndFee(uint256 shares, uint256 price, uint16 bps)
        private
        view
        returns (uint256 cost, uint256 feeAmount)
    {
        unchecked {
            cost = shares * price;
            feeAmount = cost * bps / _BPS;
            feeAmount -= feeAmount % _CENT;
        }
    }
}
