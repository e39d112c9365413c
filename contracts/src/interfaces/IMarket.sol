// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Reason codes returned by {IMarket-fillable} and {IMarket-fillableBy} and carried by {IMarket-MarketOrderNotFillable}.
// Codes 1..10 are the share token's own TRANSFER_* codes (see IArtworkShareToken.sol), passed through unchanged; the
// market adds codes from 32 up.
/// @dev The whole remaining size can be filled now.
uint8 constant FILL_OK = 0;
/// @dev The order does not exist, was filled completely or was cancelled.
uint8 constant FILL_ORDER_CLOSED = 32;
/// @dev The seller's share allowance to the market is below what ALL the seller's open asks on the token need.
uint8 constant FILL_SHARE_ALLOWANCE_SHORT = 33;
/// @dev The market is paused (placing and filling are stopped; cancelling always works).
uint8 constant FILL_MARKET_PAUSED = 34;
/// @dev The taker is the maker of the order, or a wallet of the same investor.
uint8 constant FILL_SELF_TRADE = 35;
/// @dev The buying taker's payment-token balance or allowance does not cover the remaining size plus fee.
uint8 constant FILL_PAYMENT_SHORT = 36;
/// @dev The ask's maker is no longer verified (KYC expired, wallet unlinked).
uint8 constant FILL_SELLER_NOT_VERIFIED = 37;
/// @dev The order's expiry has passed.
uint8 constant FILL_ORDER_EXPIRED = 38;
/// @dev A placement matched or cleaned {Market-MAX_MATCH_STEPS} resting orders and the rest still crossed the book.
uint8 constant FILL_MATCH_LIMIT = 39;
/// @dev The maker's wallet was recovered to another wallet of the same investor: its orders are cancelled and a bid's
/// escrow goes to that wallet ({IMarket-cancelRecovered}).
uint8 constant FILL_WALLET_RECOVERED = 40;
/// @dev The platform admin stopped the platform ({IIdentityRegistry-platformStopped}): no order is placed or filled;
/// cancelling one's own order always works.
uint8 constant FILL_PLATFORM_STOPPED = 41;

/// @title IMarket
/// @notice Secondary order book for every Atelier share token, priced in the platform payment token.
/// Limit asks and bids with partial fills and a maker-chosen expiry; delivery versus payment in one transaction; the
/// token's own compliance hook is applied to the real seller and buyer.
///
/// Escrow: a bid escrows `size × price` payment tokens in the market at placement; only the filled part ever leaves
/// to the seller and the fee recipient, and the rest is refunded on cancel (also after expiry). An ask escrows
/// nothing, but it is BACKED: at placement and at every fill the maker must be verified and not frozen, and the
/// maker's free share balance (balance − frozen − locked) and share allowance to the market must cover the total of
/// ALL the maker's open asks on that token ({openAskShares}). An ask that no longer is backed is refused at fill with
/// {MarketOrderNotFillable} and its reason code, and anyone may cancel it (as anyone may cancel an expired order).
///
/// Fee: `feeBps` (≤ {MAX_FEE_BPS}) of the traded value, paid by the TAKER, rounded DOWN TO THE WHOLE CENT of the
/// payment token (in the taker's favour); prices are whole cents, so every amount that moves is whole cents. A
/// buying taker (filling an ask) pays `cost + fee`; a selling taker (filling a bid) receives `cost − fee`. The maker
/// always pays or receives exactly `shares × price`. The taker names the highest fee it accepts.
///
/// Matching: a new order that crosses the book (an ask priced at or below the best bid, a bid at or above the best
/// ask) first trades against the resting orders of the other side in price-time priority — best price first, then the
/// oldest — each at the RESTING order's price and never beyond the new order's limit; the placer is the taker of
/// every such trade ({OrderFilled} on the resting order, exactly as a {fill}) and pays the taker fee, capped by its
/// `maxFeeBps`. Only what is left rests. Resting orders that can no longer deliver (expired; an ask whose maker is not
/// verified, frozen or no longer backed; a bid whose maker can no longer receive) are cancelled on the way
/// ({OrderCancelled} with the reason, the bid's escrow back to its maker) and never block or trade. Self-trade
/// prevention STOPS matching at an order of the placer's own investor. At most `MAX_MATCH_STEPS` resting orders are
/// matched or cleaned per placement. Whenever matching stops with part of the new order still crossing (own order,
/// step bound, a trade the token refuses for the placer or for an amount cap), that part is NOT placed
/// ({MatchStopped}) — nothing is escrowed for it — so the book never holds best bid ≥ best ask.
interface IMarket {
    /// @notice Order side.
    enum Side {
        Ask,
        Bid
    }

    /// @notice Full view of one order. `filled + cancelled + remaining == size` always holds.
    struct OrderView {
        address maker;
        address token;
        Side side;
        uint256 price;
        uint256 size;
        uint256 remaining;
        uint256 filled;
        uint256 cancelled;
        uint256 expiresAt;
    }

    /// @notice A constructor or admin address argument is zero.
    error MarketZeroAddress();
    /// @notice The fee exceeds {MAX_FEE_BPS}.
    error MarketFeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    /// @notice The token was not deployed by the platform's ShareTokenFactory.
    error MarketUnknownToken(address token);
    /// @notice Share amount is zero or above 2^64 − 1.
    error MarketInvalidShares(uint256 shares);
    /// @notice Price per share is zero, not a whole cent of the payment token, or above 2^88 − 1.
    error MarketInvalidPrice(uint256 price);
    /// @notice The expiry is not in the future or is more than {MAX_ORDER_LIFETIME} away.
    error MarketInvalidExpiry(uint256 expiresAt, uint256 latest);
    /// @notice The maker cannot trade this token now; `code` is a token TRANSFER_* code or {FILL_SELLER_NOT_VERIFIED}.
    error MarketMakerNotEligible(address token, address maker, uint8 code);
    /// @notice The seller's free shares or share allowance do not cover all its open asks on the token (with this
    /// one); `code` is 4 (balance), 10 (locked) or {FILL_SHARE_ALLOWANCE_SHORT}.
    error MarketAsksNotBacked(address token, address seller, uint256 needed, uint256 available, uint8 code);
    /// @notice The payment token delivered less than the escrow due (fee-on-transfer tokens are not supported).
    error MarketEscrowShortfall(uint256 expected, uint256 received);
    /// @notice The order does not exist, was filled completely or was cancelled.
    error MarketOrderNotOpen(uint256 orderId);
    /// @notice The order cannot be filled now; `code` is a FILL_* or token TRANSFER_* code (the order stays open
    /// and, when the maker's side is at fault or it expired, anyone may cancel it).
    error MarketOrderNotFillable(uint256 orderId, uint8 code);
    /// @notice The order price is worse for the taker than `priceLimit`.
    error MarketPriceLimit(uint256 orderId, uint256 price, uint256 priceLimit);
    /// @notice The platform fee is above the highest fee the taker accepted.
    error MarketFeeAboveMax(uint256 feeBps, uint256 maxFeeBps);
    /// @notice The taker is the order's maker or another wallet of the same investor.
    error MarketSelfTrade(uint256 orderId, address account);
    /// @notice The caller may not cancel: neither the maker nor a compliance agent, and the order is still live.
    error MarketUnauthorizedCancel(uint256 orderId, address account);
    /// @notice The share token returned false from transferFrom.
    error MarketShareTransferFailed(address token);
    /// @notice Placing and filling are paused.
    error MarketPaused();
    /// @notice The platform admin stopped the platform: placing and filling are refused (cancelling still works).
    error MarketPlatformStopped();
    /// @notice The market is already in the requested pause state.
    error MarketPausedState(bool paused);
    /// @notice {cancelRecovered} was given an order whose maker the token never recovered.
    error MarketMakerNotRecovered(uint256 orderId, address maker);

    /// @notice An order was placed; it can be filled until `expiresAt` (unix seconds, exclusive).
    event OrderPlaced(
        uint256 indexed orderId,
        address indexed maker,
        address indexed token,
        Side side,
        uint256 shares,
        uint256 price,
        uint256 expiresAt
    );
    /// @notice `shares` of an order were traded at the order's `price`; `fee` went to the fee recipient.
    event OrderFilled(uint256 indexed orderId, address indexed taker, uint256 shares, uint256 price, uint256 fee);
    /// @notice An order was cancelled; `remaining` shares were withdrawn (and, for a bid, their escrow refunded to
    /// the maker). `reason` is {FILL_OK} when the maker or an agent cancelled a live order, else the code that let
    /// anyone cancel it ({FILL_ORDER_EXPIRED}, or why the ask is no longer backed).
    event OrderCancelled(uint256 indexed orderId, uint256 remaining, address indexed canceller, uint8 reason);
    /// @notice Matching of a new order stopped with `unplaced` shares still crossing the book; they were not placed
    /// (nothing escrowed). `reason`: {FILL_SELF_TRADE}, {FILL_MATCH_LIMIT} or the token's TRANSFER_* refusal code.
    event MatchStopped(
        address indexed taker, address indexed token, Side side, uint256 price, uint256 unplaced, uint8 reason
    );
    /// @notice The platform fee changed.
    event FeeUpdated(address indexed feeRecipient, uint256 feeBps);
    /// @notice Placing and filling were paused or unpaused.
    event MarketPausedSet(bool paused, address indexed admin);
    /// @notice The fees accrued from bid escrow (see {accruedFees}) were paid to the fee recipient.
    event FeesWithdrawn(address indexed feeRecipient, uint256 amount);

    /// @notice Places a sell order until `expiresAt`. The maker must be verified and not frozen, and its free shares
    /// and share allowance to the market must cover this ask plus all its other open, unexpired asks on the token;
    /// nothing is escrowed. Bids at or above `pricePerShare` are matched first (see Matching; the fee of those trades
    /// must be ≤ `maxFeeBps`). Returns the id of the resting rest (0 when nothing rests; ids start at 1) and the
    /// shares traded.
    function placeAsk(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps)
        external
        returns (uint256 orderId, uint256 traded);

    /// @notice Places a buy order until `expiresAt`. Asks at or below `pricePerShare` are matched first (see
    /// Matching: the placer pays each trade's value and fee from its wallet, fee ≤ `maxFeeBps`); the rest rests and
    /// escrows `rest × pricePerShare` payment tokens (the maker approves the market on the payment token first). The
    /// maker must be eligible to hold the token. Returns the resting order's id (0 when nothing rests) and the shares
    /// traded.
    function placeBid(address token, uint256 shares, uint256 pricePerShare, uint256 expiresAt, uint256 maxFeeBps)
        external
        returns (uint256 orderId, uint256 traded);

    /// @notice Fills up to `shares` of an open order at the order's price. For an ask the caller buys and pays at
    /// most `priceLimit` per share (plus the fee); for a bid the caller sells and gets at least `priceLimit` per share
    /// (minus the fee). Reverts when the platform fee is above `maxFeeBps`. Returns the shares traded.
    function fill(uint256 orderId, uint256 shares, uint256 priceLimit, uint256 maxFeeBps)
        external
        returns (uint256 filled);

    /// @notice Cancels an open order — by its maker, by a compliance agent of the token's registry, or by anyone once
    /// the order expired or (an ask) is no longer backed. A bid's remaining escrow is refunded to the maker, or, when
    /// the token recovered the maker's wallet, to the wallet it was recovered to ({refundWalletOf}).
    function cancel(uint256 orderId) external;

    /// @notice Cancels open orders whose maker wallet the token recovered to another wallet ({FILL_WALLET_RECOVERED});
    /// anyone may call it, in as many transactions as needed. Orders already closed are skipped; an order whose maker
    /// was never recovered reverts the call. A bid's escrow goes to the wallet the token recorded as the maker's
    /// successor (see {cancel}), never to the caller. Returns the number of orders cancelled.
    function cancelRecovered(uint256[] calldata orderIds) external returns (uint256 cancelled);

    /// @notice The wallet a bid's escrow is refunded to: the maker, or, when the token recovered the maker's wallet,
    /// the wallet it was recovered to (followed through later recoveries).
    function refundWalletOf(uint256 orderId) external view returns (address);

    /// @notice The order with id `orderId` (all zero when unknown).
    function order(uint256 orderId) external view returns (OrderView memory);

    /// @notice Number of orders ever placed (the last id).
    function orderCount() external view returns (uint256);

    /// @notice Open orders of `token`, the `offset`-th to the `(offset + limit)`-th in its open-orders index (in no
    /// particular order: a closed order leaves a hole that a later order takes); page with {openOrderCount}.
    function openOrders(address token, uint256 offset, uint256 limit) external view returns (uint256[] memory ids);

    /// @notice Number of open orders on `token` (expired ones count until cancelled).
    function openOrderCount(address token) external view returns (uint256);

    /// @notice Total remaining shares of `maker`'s open asks on `token` that have not expired (what its free balance and
    /// allowance must cover; expired asks need no backing).
    function openAskShares(address token, address maker) external view returns (uint256);

    /// @notice Shares of the order that the maker side can deliver now, and a reason code: {FILL_OK} when all the
    /// remaining size is fillable, else the reason (token TRANSFER_* code or FILL_* code). Ask: expiry, pause, seller
    /// verified and not frozen, and its free balance and allowance against ALL its open asks (0 shares when they do
    /// not cover them: such an ask is refused at fill). Bid: expiry and the token's receiver rules for the maker, as
    /// if the shares came from a new holder (use {fillableBy} for a given seller).
    function fillable(uint256 orderId) external view returns (uint256 shares, uint8 reasonCode);

    /// @notice Like {fillable}, also applying the taker's side: self-trade (by investor), the token's compliance rules
    /// for this buyer and seller, the taker's shares and allowance (bid, beyond its own open asks), or the taker's
    /// payment balance and allowance (ask).
    function fillableBy(uint256 orderId, address taker) external view returns (uint256 shares, uint8 reasonCode);

    /// @notice Trade value and fee (whole cents, rounded down) for filling `shares` of an order now (capped at its
    /// remaining size).
    function quote(uint256 orderId, uint256 shares) external view returns (uint256 filled, uint256 cost, uint256 fee);

    /// @notice Fees of trades paid out of bid escrow (a fill of a bid, an ask placement that sells into bids), held
    /// by the market for the fee recipient until {withdrawFees}; fees a buyer pays (a fill of an ask, a bid placement
    /// that buys) go to the fee recipient at once.
    function accruedFees() external view returns (uint256);

    /// @notice Pays {accruedFees} to the current fee recipient (anyone may call; a fee recipient change pays the
    /// previous recipient first). Returns the amount paid.
    function withdrawFees() external returns (uint256 amount);
}

/// @notice What the market needs of a share token besides ERC-20 (all implemented by ArtworkShareToken).
interface IMarketShareToken {
    /// @notice Reason code for a transfer (0 = allowed); `from == 0` asks for the receiver's rules alone (the maximum
    /// supply is enforced by minting itself, so a token whose shares are all issued still trades).
    function canTransfer(address from, address to, uint256 amount) external view returns (uint8 code);
    /// @notice True when the token is paused.
    function paused() external view returns (bool);
    /// @notice Freeze flag, frozen amount and active lock-up of a wallet.
    function walletState(address wallet)
        external
        view
        returns (bool frozen, uint256 frozenAmount, uint256 lockedAmount, uint64 lockedUntil);
    /// @notice Shares a wallet can transfer now: balance − frozen − locked (0 when the wallet is frozen).
    function freeBalanceOf(address wallet) external view returns (uint256);
    /// @notice The wallet a recovery moved `lostWallet` to on this token (zero when it was never recovered).
    function recoveredTo(address lostWallet) external view returns (address);
    /// @notice The identity registry that decides who is verified and who is a compliance agent of this token.
    function identityRegistry() external view returns (address);
}

/// @notice What the market needs of the ShareTokenFactory.
interface IMarketTokenFactory {
    /// @notice True when `token` was deployed by the factory.
    function isToken(address token) external view returns (bool);
}
