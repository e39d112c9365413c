// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Reason codes returned by {IPrimaryOffering-canBuy} and carried by {IPrimaryOffering-OfferingPurchaseRefused}.
uint8 constant BUY_OK = 0;
uint8 constant BUY_UNKNOWN_OFFERING = 1;
uint8 constant BUY_NOT_LIVE = 2;
uint8 constant BUY_EXCEEDS_SUPPLY = 3;
uint8 constant BUY_BELOW_MIN_TICKET = 4;
uint8 constant BUY_ABOVE_MAX_TICKET = 5;
uint8 constant BUY_NOT_VERIFIED = 6;
uint8 constant BUY_CATEGORY_NOT_ELIGIBLE = 7;
uint8 constant BUY_TOKEN_REFUSED = 8;
uint8 constant BUY_INSUFFICIENT_FUNDS = 9;
/// @dev The platform admin stopped the platform ({IIdentityRegistry-platformStopped}).
uint8 constant BUY_PLATFORM_STOPPED = 10;

/// @title IPrimaryOffering
/// @notice Singleton holding every primary offering of the platform, by id.
interface IPrimaryOffering {
    /// @notice Terms of one offering.
    /// @param pricePerShare Price of one share in payment-token units.
    /// @param supplyCap Shares on sale.
    /// @param minTicket Minimum shares per purchase (the last remaining shares may be bought below it).
    /// @param maxTicket Maximum shares per INVESTOR over the whole offering, across all their wallets.
    /// @param start Sale opens at this unix time (inclusive).
    /// @param end Sale ends at this unix time (exclusive).
    /// @param eligibleCategories Bitmask `1 << category` of investor categories allowed to buy (subset of 0x0E).
    /// @param treasury Receiver of the proceeds.
    struct Terms {
        uint256 pricePerShare;
        uint256 supplyCap;
        uint256 minTicket;
        uint256 maxTicket;
        uint64 start;
        uint64 end;
        uint8 eligibleCategories;
        address treasury;
    }

    /// @notice Lifecycle of an offering.
    enum Status {
        Upcoming,
        Live,
        SoldOut,
        Ended,
        Closed
    }

    /// @notice Everything about one offering.
    struct OfferingInfo {
        address token;
        Terms terms;
        uint256 sold;
        uint256 proceeds;
        uint256 withdrawn;
        bool closed;
        Status status;
    }

    /// @notice The caller is not the token's owner (DEFAULT_ADMIN_ROLE on the token).
    error OfferingUnauthorized(address account, address token);
    /// @notice Price per share is zero, or price × supply cap overflows 128 bits.
    error OfferingInvalidPrice(uint256 pricePerShare, uint256 supplyCap);
    /// @notice Supply cap is zero or above 2^128 - 1.
    error OfferingInvalidSupplyCap(uint256 supplyCap);
    /// @notice Tickets must satisfy 1 ≤ minTicket ≤ maxTicket < 2^128.
    error OfferingInvalidTicket(uint256 minTicket, uint256 maxTicket);
    /// @notice The window must satisfy start < end and end in the future.
    error OfferingInvalidWindow(uint64 start, uint64 end);
    /// @notice The category mask must be a non-empty subset of 0x0E.
    error OfferingInvalidCategories(uint8 eligibleCategories);
    /// @notice The token was not deployed by the platform factory.
    error OfferingUnknownToken(address token);
    /// @notice No offering has this id.
    error OfferingNotFound(uint256 id);
    /// @notice Purchase refused; `code` is one of the BUY_* reason codes.
    error OfferingPurchaseRefused(uint256 id, uint8 code);
    /// @notice The offering is already closed, ended or sold out.
    error OfferingNotOpen(uint256 id, Status status);
    /// @notice Nothing to withdraw.
    error OfferingNothingToWithdraw(uint256 id);
    /// @notice A zero address was given.
    error OfferingZeroAddress();
    /// @notice The factory was already set.
    error OfferingFactoryAlreadySet(address factory);
    /// @notice The platform admin stopped the platform: no new offering until it resumes.
    error OfferingPlatformStopped();

    /// @notice The factory whose tokens may be offered was set.
    event FactorySet(address indexed factory);
    /// @notice An offering was created.
    event OfferingCreated(uint256 indexed id, address indexed token, address indexed issuer, Terms terms);
    /// @notice Shares were bought.
    event SharesPurchased(
        uint256 indexed id, address indexed buyer, bytes32 indexed investorId, uint256 shares, uint256 cost
    );
    /// @notice The issuer closed the offering early.
    event OfferingClosed(uint256 indexed id, address indexed issuer);
    /// @notice Proceeds were sent to the treasury.
    event ProceedsWithdrawn(uint256 indexed id, address indexed treasury, uint256 amount);

    /// @notice Creates an offering for `token`; caller must be the token's owner.
    function createOffering(address token, Terms calldata terms) external returns (uint256 id);
    /// @notice Buys `shares` of offering `id`, paying with a prior allowance.
    function buy(uint256 id, uint256 shares) external;
    /// @notice Buys with an EIP-2612 permit in the same transaction.
    function buyWithPermit(uint256 id, uint256 shares, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    /// @notice Closes an open offering early (token owner).
    function closeOffering(uint256 id) external;
    /// @notice Sends accrued proceeds to the treasury (token owner).
    function withdrawProceeds(uint256 id) external;
    /// @notice Reason code for `buyer` buying `shares` now, and the token's own transfer code when the token refuses.
    function canBuy(uint256 id, address buyer, uint256 shares) external view returns (uint8 code, uint8 tokenCode);
}
