// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {IArtworkShareToken, TRANSFER_MAX_SUPPLY_EXCEEDED} from "./interfaces/IArtworkShareToken.sol";
import "./interfaces/IPrimaryOffering.sol";

interface IFactoryLookup {
    function isToken(address token) external view returns (bool);
}

/// @title PrimaryOffering
/// @notice One singleton holding every primary offering (fixed price, supply cap, tickets, window, categories).
/// Buyers pay in the payment token (allowance or EIP-2612 permit); shares are minted — and locked for the token's
/// lock-up — through the token's own compliance hook. Proceeds accumulate per offering and go to its treasury.
/// @dev Ids start at 1. Issuer actions require DEFAULT_ADMIN_ROLE on the offering's token.
contract PrimaryOffering is ReentrancyGuardTransient, IPrimaryOffering {
    using SafeERC20 for IERC20;

    bytes32 private constant _DEFAULT_ADMIN_ROLE = 0x00;

    struct Offering {
        address token;
        uint64 start;
        uint8 eligibleCategories;
        bool closed;
        uint64 end;
        address treasury;
        uint256 pricePerShare;
        uint128 minTicket;
        uint128 maxTicket;
        uint128 sold;
        uint128 supplyCap;
        uint128 proceeds;
        uint128 withdrawn;
    }

    IERC20 private immutable _PAYMENT_TOKEN;
    IIdentityRegistry private immutable _REGISTRY;
    address private immutable _ADMIN;
    IFactoryLookup private _factory;

    Offering[] private _offerings;
    mapping(address token => uint256[]) private _offeringsOf;
    mapping(uint256 id => mapping(bytes32 investorId => uint256)) private _purchased;

    /// @param paymentToken_ The stablecoin buyers pay with.
    /// @param registry The platform IdentityRegistry.
    /// @param admin May call {setFactory} once (deploy order: offering → token implementation → factory).
    constructor(IERC20 paymentToken_, IIdentityRegistry registry, address admin) {
        if (address(paymentToken_) == address(0) || address(registry) == address(0) || admin == address(0)) {
            revert OfferingZeroAddress();
        }
        _PAYMENT_TOKEN = paymentToken_;
        _REGISTRY = registry;
        _ADMIN = admin;
    }

    /// @notice Sets the ShareTokenFactory whose tokens may be offered. Once, by the deployment admin.
    function setFactory(address factory_) external {
        if (msg.sender != _ADMIN) revert OfferingUnauthorized(msg.sender, address(this));
        if (address(_factory) != address(0)) revert OfferingFactoryAlreadySet(address(_factory));
        if (factory_ == address(0)) revert OfferingZeroAddress();
        _factory = IFactoryLookup(factory_);
        emit FactorySet(factory_);
    }

    // ================================================================ issuer

    /// @inheritdoc IPrimaryOffering
    function createOffering(address token, Terms calldata terms) external returns (uint256 id) {
        IFactoryLookup f = _factory;
        if (address(f) == address(0) || !f.isToken(token)) revert OfferingUnknownToken(token);
        if (_REGISTRY.platformStopped()) revert OfferingPlatformStopped();
        _checkIssuer(token);
        _validate(terms);
        _offerings.push(
            Offering({
                token: token,
                start: terms.start,
                eligibleCategories: terms.eligibleCategories,
                closed: false,
                end: terms.end,
                treasury: terms.treasury,
                pricePerShare: terms.pricePerShare,
                minTicket: uint128(terms.minTicket),
                maxTicket: uint128(terms.maxTicket),
                sold: 0,
                supplyCap: uint128(terms.supplyCap),
                proceeds: 0,
                withdrawn: 0
            })
        );
        id = _offerings.length;
        _offeringsOf[token].push(id);
        emit OfferingCreated(id, token, msg.sender, terms);
    }

    /// @inheritdoc IPrimaryOffering
    function closeOffering(uint256 id) external {
        Offering storage o = _get(id);
        _checkIssuer(o.token);
        Status s = _status(o);
        if (s != Status.Live && s != Status.Upcoming) revert OfferingNotOpen(id, s);
        o.closed = true;
        emit OfferingClosed(id, msg.sender);
    }

    /// @inheritdoc IPrimaryOffering
    function withdrawProceeds(uint256 id) external nonReentrant {
        Offering storage o = _get(id);
        _checkIssuer(o.token);
        uint256 amount = o.proceeds - o.withdrawn;
        if (amount == 0) revert OfferingNothingToWithdraw(id);
        o.withdrawn = o.proceeds;
        address treasury = o.treasury;
        _PAYMENT_TOKEN.safeTransfer(treasury, amount);
        emit ProceedsWithdrawn(id, treasury, amount);
    }

    // ================================================================ buyers

    /// @inheritdoc IPrimaryOffering
    function buy(uint256 id, uint256 shares) external nonReentrant {
        _buy(id, shares);
    }

    /// @inheritdoc IPrimaryOffering
    /// @dev The permit is wrapped in try/catch so that a front-run permit (same signature already used) does not
    /// block the purchase; the transferFrom then fails only if the allowance really is missing.
    function buyWithPermit(uint256 id, uint256 shares, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        uint256 cost = shares * _get(id).pricePerShare;
        try IERC20Permit(address(_PAYMENT_TOKEN)).permit(msg.sender, address(this), cost, deadline, v, r, s) {} catch {}
        _buy(id, shares);
    }

    function _buy(uint256 id, uint256 shares) private {
        (uint8 code,, bytes32 investorId) = _checkBuy(id, msg.sender, shares, false);
        if (code != BUY_OK) revert OfferingPurchaseRefused(id, code);
        Offering storage o = _offerings[id - 1];
        uint256 cost = shares * o.pricePerShare;
        // shares ≤ supplyCap - sold and price × supplyCap < 2^128 were checked, so neither sum overflows.
        unchecked {
            o.sold += uint128(shares);
            o.proceeds += uint128(cost);
            _purchased[id][investorId] += shares;
        }
        _PAYMENT_TOKEN.safeTransferFrom(msg.sender, address(this), cost);
        IArtworkShareToken(o.token).mint(msg.sender, shares);
        emit SharesPurchased(id, msg.sender, investorId, shares, cost);
    }

    // ================================================================ views

    /// @inheritdoc IPrimaryOffering
    function canBuy(uint256 id, address buyer, uint256 shares) external view returns (uint8 code, uint8 tokenCode) {
        (code, tokenCode,) = _checkBuy(id, buyer, shares, true);
    }

    /// @notice Cost in payment-token units of `shares` shares of offering `id`.
    function quote(uint256 id, uint256 shares) external view returns (uint256) {
        return shares * _get(id).pricePerShare;
    }

    /// @notice Everything about one offering.
    function offering(uint256 id) external view returns (OfferingInfo memory info) {
        Offering storage o = _get(id);
        info.token = o.token;
        info.terms = Terms({
            pricePerShare: o.pricePerShare,
            supplyCap: o.supplyCap,
            minTicket: o.minTicket,
            maxTicket: o.maxTicket,
            start: o.start,
            end: o.end,
            eligibleCategories: o.eligibleCategories,
            treasury: o.treasury
        });
        info.sold = o.sold;
        info.proceeds = o.proceeds;
        info.withdrawn = o.withdrawn;
        info.closed = o.closed;
        info.status = _status(o);
    }

    /// @notice Lifecycle status of offering `id`.
    function status(uint256 id) external view returns (Status) {
        return _status(_get(id));
    }

    /// @notice Number of offerings (ids are 1..offeringCount).
    function offeringCount() external view returns (uint256) {
        return _offerings.length;
    }

    /// @notice Ids of the offerings of `token`.
    function offeringsOf(address token) external view returns (uint256[] memory) {
        return _offeringsOf[token];
    }

    /// @notice Shares bought in offering `id` by investor `investorId` across all their wallets.
    function purchasedBy(uint256 id, bytes32 investorId) external view returns (uint256) {
        return _purchased[id][investorId];
    }

    /// @notice The payment token.
    function paymentToken() external view returns (address) {
        return address(_PAYMENT_TOKEN);
    }

    /// @notice The identity registry.
    function identityRegistry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @notice The share token factory.
    function factory() external view returns (address) {
        return address(_factory);
    }

    // ================================================================ internals

    /// @dev The one purchase check, behind both {canBuy} and {buy}. Order: unknown (1), not live (2), supply (3),
    /// min ticket (4), verified (6), category (7), max ticket per investor (8 → 5), then for {canBuy} only: token
    /// rules (8, with the token's code) and payment balance (9). {buy} leaves the token check to the mint itself.
    function _checkBuy(uint256 id, address buyer, uint256 shares, bool full)
        private
        view
        returns (uint8 code, uint8 tokenCode, bytes32 investorId)
    {
        if (id == 0 || id > _offerings.length) return (BUY_UNKNOWN_OFFERING, 0, 0);
        if (_REGISTRY.platformStopped()) return (BUY_PLATFORM_STOPPED, 0, 0);
        Offering storage o = _offerings[id - 1];
        if (_status(o) != Status.Live) return (BUY_NOT_LIVE, 0, 0);
        // Live implies sold < supplyCap.
        uint256 remaining;
        unchecked {
            remaining = o.supplyCap - o.sold;
        }
        if (shares > remaining) return (BUY_EXCEEDS_SUPPLY, 0, 0);
        if (shares == 0 || (shares < o.minTicket && shares != remaining)) return (BUY_BELOW_MIN_TICKET, 0, 0);
        uint8 category;
        uint64 expiry;
        (investorId,, category, expiry) = _REGISTRY.identityOf(buyer);
        if (investorId == bytes32(0) || block.timestamp >= expiry) return (BUY_NOT_VERIFIED, 0, 0);
        if ((uint256(o.eligibleCategories) >> category) & 1 == 0) return (BUY_CATEGORY_NOT_ELIGIBLE, 0, 0);
        if (_purchased[id][investorId] + shares > o.maxTicket) return (BUY_ABOVE_MAX_TICKET, 0, 0);
        if (full) {
            IArtworkShareToken token = IArtworkShareToken(o.token);
            tokenCode = token.canTransfer(address(0), buyer, shares);
            // The token's maximum supply is enforced when it mints; said here before a purchase (an offering
            // configured for more shares than the artwork has). totalSupply ≤ maxSupply always.
            if (tokenCode == 0 && shares > token.maxSupply() - IERC20(o.token).totalSupply()) {
                tokenCode = TRANSFER_MAX_SUPPLY_EXCEEDED;
            }
            if (tokenCode != 0) return (BUY_TOKEN_REFUSED, tokenCode, 0);
            if (_PAYMENT_TOKEN.balanceOf(buyer) < shares * o.pricePerShare) return (BUY_INSUFFICIENT_FUNDS, 0, 0);
        }
        return (BUY_OK, 0, investorId);
    }

    function _status(Offering storage o) private view returns (Status) {
        if (o.closed) return Status.Closed;
        if (o.sold >= o.supplyCap) return Status.SoldOut;
        if (block.timestamp >= o.end) return Status.Ended;
        if (block.timestamp < o.start) return Status.Upcoming;
        return Status.Live;
    }

    function _get(uint256 id) private view returns (Offering storage) {
        if (id == 0 || id > _offerings.length) revert OfferingNotFound(id);
        return _offerings[id - 1];
    }

    function _checkIssuer(address token) private view {
        if (!IAccessControl(token).hasRole(_DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert OfferingUnauthorized(msg.sender, token);
        }
    }

    function _validate(Terms calldata t) private view {
        if (t.supplyCap == 0 || t.supplyCap > type(uint128).max) revert OfferingInvalidSupplyCap(t.supplyCap);
        if (t.pricePerShare == 0 || t.pricePerShare > type(uint128).max / t.supplyCap) {
            revert OfferingInvalidPrice(t.pricePerShare, t.supplyCap);
        }
        if (t.minTicket == 0 || t.minTicket > t.maxTicket || t.maxTicket > type(uint128).max) {
            revert OfferingInvalidTicket(t.minTicket, t.maxTicket);
        }
        if (t.start >= t.end || t.end <= block.timestamp) revert OfferingInvalidWindow(t.start, t.end);
        if (t.eligibleCategories == 0 || t.eligibleCategories & ~uint8(0x0E) != 0) {
            revert OfferingInvalidCategories(t.eligibleCategories);
        }
        if (t.treasury == address(0)) revert OfferingZeroAddress();
    }
}
