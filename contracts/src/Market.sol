// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {
    TRANSFER_OK,
    TRANSFER_PAUSED,
    TRANSFER_SENDER_FROZEN,
    TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE,
    TRANSFER_SHARES_LOCKED
} from "./interfaces/IArtworkShareToken.sol";
import "./interfaces/IMarket.sol";

/// @title Market
/// @notice Secondary order book for every share token of the platform's ShareTokenFactory (see {IMarket}).
/// @dev Storage: three slots per order — (maker, remaining), (token, price, side), (size, cancelled). A fill reads
/// the first two and writes only the first; `filled` is derived as `size − cancelled − remaining`. Ids start at 1.
///
/// Security: every state-changing entry point is `nonReentrant` (transient guard) and follows
/// checks-effects-interactions: the order is updated and the event emitted before any token is called. The market
/// only ever holds bid escrow; fees go straight to the fee recipient. Fee-on-transfer payment tokens are refused at
/// bid placement (the received amount is measured), so the market's payment balance always covers
/// `Σ remaining × price` over open bids. Cancelling never depends on the share token or on the pause switch, so
/// escrow can always be recovered.
contract Market is AccessControl, ReentrancyGuardTransient, IMarket {
    using SafeERC20 for IERC20;

    /// @notice Highest platform fee: 100 bps = 1 %.
    uint16 public constant MAX_FEE_BPS = 100;
    uint256 private constant _BPS = 10_000;

    /// Packed order: slot 0 (maker, remaining), slot 1 (token, price, side), slot 2 (size, cancelled).
    struct Order {
        address maker;
        uint96 remaining;
        address token;
        uint88 price;
        Side side;
        uint96 size;
        uint96 cancelled;
    }

    /// One slot: everything a fill needs besides the order.
    struct Config {
        address feeRecipient;
        uint16 feeBps;
        bool paused;
    }

    IERC20 private immutable _PAYMENT_TOKEN;
    IMarketTokenFactory private immutable _FACTORY;

    Config private _config;
    uint256 private _orderCount;
    mapping(uint256 orderId => Order) private _orders;
    mapping(address token => uint256[]) private _tokenOrders;

    /// @param paymentToken_ The platform payment token (a plain ERC-20; fee-on-transfer tokens cannot escrow bids).
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
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setFee(feeRecipient_, feeBps_);
    }

    // ================================================================ trading

    /// @inheritdoc IMarket
    function placeAsk(address token, uint256 shares, uint256 pricePerShare)
        external
        nonReentrant
        returns (uint256 orderId)
    {
        _checkOrder(token, shares, pricePerShare);
        orderId = _store(token, Side.Ask, shares, pricePerShare);
    }

    /// @inheritdoc IMarket
    function placeBid(address token, uint256 shares, uint256 pricePerShare)
        external
        nonReentrant
        returns (uint256 orderId)
    {
        _checkOrder(token, shares, pricePerShare);
        // A bid locks money: refuse makers the token would never deliver to (pause, frozen, unverified, country,
        // category). Holder and balance caps depend on the seller and are enforced at fill.
        uint8 code = IMarketShareToken(token).canTransfer(address(0), msg.sender, 0);
        if (code != TRANSFER_OK) revert MarketMakerNotEligible(token, msg.sender, code);
        orderId = _store(token, Side.Bid, shares, pricePerShare);
        // shares < 2^96 and price < 2^88 (checked), so the product is < 2^184.
        uint256 escrow;
        unchecked {
            escrow = shares * pricePerShare;
        }
        IERC20 pay = _PAYMENT_TOKEN;
        uint256 before = pay.balanceOf(address(this));
        pay.safeTransferFrom(msg.sender, address(this), escrow);
        uint256 received = pay.balanceOf(address(this)) - before;
        if (received != escrow) revert MarketEscrowShortfall(escrow, received);
    }

    /// @inheritdoc IMarket
    function fill(uint256 orderId, uint256 shares, uint256 priceLimit) external nonReentrant returns (uint256 filled) {
        Config memory cfg = _config;
        if (cfg.paused) revert MarketPaused();
        Order storage o = _orders[orderId];
        address maker = o.maker;
        uint256 remaining = o.remaining;
        address token = o.token;
        uint256 price = o.price;
        Side side = o.side;

        if (remaining == 0) revert MarketOrderNotOpen(orderId);
        if (shares == 0) revert MarketInvalidShares(0);
        if (maker == msg.sender) revert MarketSelfTrade(orderId, msg.sender);
        if (side == Side.Ask ? price > priceLimit : price < priceLimit) {
            revert MarketPriceLimit(orderId, price, priceLimit);
        }

        filled = shares < remaining ? shares : remaining;
        uint256 cost;
        uint256 feeAmount;
        // filled ≤ remaining < 2^96, price < 2^88: cost < 2^184 and cost × feeBps < 2^191. The fee is rounded down
        // (in the taker's favour) and is at most 1 % of cost, so cost − fee cannot underflow; filled ≤ remaining.
        unchecked {
            cost = filled * price;
            feeAmount = cost * cfg.feeBps / _BPS;
            o.remaining = uint96(remaining - filled);
        }
        emit OrderFilled(orderId, msg.sender, filled, price, feeAmount);

        IERC20 pay = _PAYMENT_TOKEN;
        if (side == Side.Ask) {
            // Delivery: the token's compliance hook checks the real seller (maker) and buyer (taker).
            if (!IERC20(token).transferFrom(maker, msg.sender, filled)) revert MarketShareTransferFailed(token);
            // Payment: the taker pays the maker the full value and the fee on top.
            pay.safeTransferFrom(msg.sender, maker, cost);
            if (feeAmount != 0) pay.safeTransferFrom(msg.sender, cfg.feeRecipient, feeAmount);
        } else {
            // Delivery from the selling taker to the bid's maker; payment out of the bid's escrow.
            if (!IERC20(token).transferFrom(msg.sender, maker, filled)) revert MarketShareTransferFailed(token);
            // fee ≤ cost / 100 (see above).
            unchecked {
                pay.safeTransfer(msg.sender, cost - feeAmount);
            }
            if (feeAmount != 0) pay.safeTransfer(cfg.feeRecipient, feeAmount);
        }
    }

    /// @inheritdoc IMarket
    function cancel(uint256 orderId) external nonReentrant {
        Order storage o = _orders[orderId];
        address maker = o.maker;
        uint256 remaining = o.remaining;
        if (remaining == 0) revert MarketOrderNotOpen(orderId);
        address token = o.token;
        if (msg.sender != maker && !_isComplianceAgent(token, msg.sender)) {
            revert MarketUnauthorizedCancel(orderId, msg.sender);
        }
        o.remaining = 0;
        // An order is cancelled at most once (remaining becomes 0), so cancelled ≤ size < 2^96.
        o.cancelled = uint96(remaining);
        emit OrderCancelled(orderId, remaining, msg.sender);
        if (o.side == Side.Bid) {
            // remaining < 2^96 and price < 2^88: exactly the part of the escrow still held for this order.
            unchecked {
                _PAYMENT_TOKEN.safeTransfer(maker, remaining * o.price);
            }
        }
    }

    // ================================================================ admin

    /// @notice Sets the fee recipient and the fee in basis points (≤ {MAX_FEE_BPS}). DEFAULT_ADMIN_ROLE.
    function setFee(address feeRecipient_, uint16 feeBps_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setFee(feeRecipient_, feeBps_);
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
        uint256[] storage all = _tokenOrders[token];
        uint256 len = all.length;
        if (offset >= len) return ids;
        uint256 end = len - offset > limit ? offset + limit : len;
        ids = new uint256[](end - offset);
        uint256 n;
        for (uint256 i = offset; i < end; ++i) {
            uint256 id = all[i];
            if (_orders[id].remaining != 0) ids[n++] = id;
        }
        // Shrink the array in place to the number of open orders found (n ≤ its allocated length).
        assembly ("memory-safe") {
            mstore(ids, n)
        }
    }

    /// @inheritdoc IMarket
    function tokenOrderCount(address token) external view returns (uint256) {
        return _tokenOrders[token].length;
    }

    /// @inheritdoc IMarket
    function fillable(uint256 orderId) external view returns (uint256 shares, uint8 reasonCode) {
        Order memory o = _orders[orderId];
        if (o.remaining == 0) return (0, FILL_ORDER_CLOSED);
        if (_config.paused) return (0, FILL_MARKET_PAUSED);
        if (o.side == Side.Ask) return _sellerSide(o.token, o.maker, o.remaining);
        // Bid: escrow is always there; check the maker can still receive (as from a new seller).
        reasonCode = IMarketShareToken(o.token).canTransfer(address(0), o.maker, o.remaining);
        return reasonCode == TRANSFER_OK ? (uint256(o.remaining), FILL_OK) : (0, reasonCode);
    }

    /// @inheritdoc IMarket
    function fillableBy(uint256 orderId, address taker) external view returns (uint256 shares, uint8 reasonCode) {
        Order memory o = _orders[orderId];
        if (o.remaining == 0) return (0, FILL_ORDER_CLOSED);
        if (_config.paused) return (0, FILL_MARKET_PAUSED);
        if (taker == o.maker) return (0, FILL_SELF_TRADE);
        (address seller, address buyer) = o.side == Side.Ask ? (o.maker, taker) : (taker, o.maker);
        (shares, reasonCode) = _sellerSide(o.token, seller, o.remaining);
        if (shares == 0) return (0, reasonCode);
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

    /// @notice Payment tokens still escrowed for an order: `remaining × price` for a bid, 0 for an ask.
    function escrowOf(uint256 orderId) external view returns (uint256) {
        Order memory o = _orders[orderId];
        return o.side == Side.Bid ? uint256(o.remaining) * o.price : 0;
    }

    /// @notice The payment token.
    function paymentToken() external view returns (address) {
        return address(_PAYMENT_TOKEN);
    }

    /// @notice The ShareTokenFactory whose tokens may be traded.
    function factory() external view returns (address) {
        return address(_FACTORY);
    }

    /// @notice Fee recipient and fee in basis points.
    function fee() external view returns (address feeRecipient, uint256 feeBps) {
        return (_config.feeRecipient, _config.feeBps);
    }

    /// @notice True when placing and filling are paused.
    function paused() external view returns (bool) {
        return _config.paused;
    }

    // ================================================================ internals

    function _checkOrder(address token, uint256 shares, uint256 price) private view {
        if (_config.paused) revert MarketPaused();
        if (shares == 0 || shares > type(uint96).max) revert MarketInvalidShares(shares);
        if (price == 0 || price > type(uint88).max) revert MarketInvalidPrice(price);
        if (!_FACTORY.isToken(token)) revert MarketUnknownToken(token);
    }

    function _store(address token, Side side, uint256 shares, uint256 price) private returns (uint256 orderId) {
        // One increment per order: cannot reach 2^256.
        unchecked {
            orderId = ++_orderCount;
        }
        // Ranges checked in {_checkOrder}.
        _orders[orderId] = Order({
            maker: msg.sender,
            remaining: uint96(shares),
            token: token,
            price: uint88(price),
            side: side,
            size: uint96(shares),
            cancelled: 0
        });
        _tokenOrders[token].push(orderId);
        emit OrderPlaced(orderId, msg.sender, token, side, shares, price);
    }

    function _setFee(address feeRecipient_, uint16 feeBps_) private {
        if (feeRecipient_ == address(0)) revert MarketZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert MarketFeeTooHigh(feeBps_, MAX_FEE_BPS);
        _config.feeRecipient = feeRecipient_;
        _config.feeBps = feeBps_;
        emit FeeUpdated(feeRecipient_, feeBps_);
    }

    function _isComplianceAgent(address token, address account) private view returns (bool) {
        return IIdentityRegistry(IMarketShareToken(token).identityRegistry()).isAgent(account);
    }

    /// @dev Shares `seller` can deliver through the market now (≤ wanted) and the reason for any shortfall.
    function _sellerSide(address token, address seller, uint256 wanted)
        private
        view
        returns (uint256 shares, uint8 code)
    {
        IMarketShareToken t = IMarketShareToken(token);
        if (t.paused()) return (0, TRANSFER_PAUSED);
        (bool frozen, uint256 frozenAmount, uint256 lockedAmount,) = t.walletState(seller);
        if (frozen) return (0, TRANSFER_SENDER_FROZEN);
        uint256 balance = IERC20(token).balanceOf(seller);
        uint256 unfrozen = balance > frozenAmount ? balance - frozenAmount : 0;
        uint256 free = unfrozen > lockedAmount ? unfrozen - lockedAmount : 0;
        uint256 allowance = IERC20(token).allowance(seller, address(this));
        (shares, code) = (wanted, FILL_OK);
        if (unfrozen < shares) (shares, code) = (unfrozen, TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        if (free < shares) (shares, code) = (free, TRANSFER_SHARES_LOCKED);
        if (allowance < shares) (shares, code) = (allowance, FILL_SHARE_ALLOWANCE_SHORT);
    }

    /// @dev Largest n with n × price + fee(n × price) ≤ the taker's payment balance and allowance.
    function _affordable(address taker, uint256 price) private view returns (uint256 n) {
        uint256 budget = _PAYMENT_TOKEN.balanceOf(taker);
        uint256 allowance = _PAYMENT_TOKEN.allowance(taker, address(this));
        if (allowance < budget) budget = allowance;
        uint16 bps = _config.feeBps;
        n = Math.mulDiv(budget, _BPS, price * (_BPS + bps));
        if (n >= type(uint96).max) return n; // more than any order can hold
        // The fee is rounded down, so one more share may still fit.
        (uint256 c, uint256 f) = _costAndFee(n + 1, price, bps);
        if (c + f <= budget) ++n;
    }

    function _costAndFee(uint256 shares, uint256 price, uint16 bps)
        private
        pure
        returns (uint256 cost, uint256 feeAmount)
    {
        cost = shares * price;
        feeAmount = cost * bps / _BPS;
    }
}
