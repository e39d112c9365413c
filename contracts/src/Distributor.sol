// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IDistributor, IDistributorShareToken} from "./interfaces/IDistributor.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {IMarketTokenFactory} from "./interfaces/IMarket.sol";
import {HolderTree} from "./libraries/HolderTree.sol";
import {StaticRead} from "./libraries/StaticRead.sol";

/// @title Distributor
/// @notice Holds issuers' deposits for their token holders and pays each entitlement against the Merkle root the
/// issuer anchored (see {IDistributor}). One contract for every token of the platform's factory; each distribution's
/// money is accounted on its own (`claimed` ≤ `amount`), so a wrong tree can never pay out another distribution's
/// deposit. Claims are marked in a bitmap by leaf index (one storage word per 256 holders).
/// @dev No owner and no admin: the issuer of a token creates and closes its distributions, compliance agents of the
/// token's identity registry hold and release them, holders claim. Nothing here can move shares.
contract Distributor is IDistributor, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The claim is payable.
    uint8 public constant CLAIM_OK = 0;
    /// @notice The distribution was closed (its remainder returned to the issuer).
    uint8 public constant CLAIM_CLOSED = 48;
    /// @notice A compliance agent holds the distribution: claims wait until it is released.
    uint8 public constant CLAIM_HELD = 49;
    /// @notice The claim window has ended.
    uint8 public constant CLAIM_WINDOW_ENDED = 50;
    /// @notice This entitlement was already paid.
    uint8 public constant CLAIM_ALREADY_CLAIMED = 51;
    /// @notice The proof does not match the root: not an entitlement of this distribution (wrong wallet or amount).
    uint8 public constant CLAIM_NOT_ENTITLED = 52;
    /// @notice The caller is neither the holding wallet nor the wallet a recovery moved it to.
    uint8 public constant CLAIM_NOT_HOLDER = 53;
    /// @notice The receiving wallet is frozen on the token: its money stays reserved until it is unfrozen.
    uint8 public constant CLAIM_FROZEN = 54;
    /// @notice The receiving wallet is not verified (no KYC, or KYC expired): reserved until it is renewed.
    uint8 public constant CLAIM_NOT_VERIFIED = 55;
    /// @notice The platform's emergency stop is on.
    uint8 public constant CLAIM_PLATFORM_STOPPED = 56;
    /// @notice The holding wallet was recovered by compliance: the wallet it was moved to claims instead.
    uint8 public constant CLAIM_WALLET_RECOVERED = 57;

    /// @notice Close refusals ({DistributorCannotClose}).
    uint8 public constant CLOSE_NOT_ISSUER = 1;
    uint8 public constant CLOSE_WINDOW_OPEN = 2;
    uint8 public constant CLOSE_ALREADY_CLOSED = 3;
    uint8 public constant CLOSE_HELD = 4;

    /// @notice The shortest claim window an issuer may set.
    uint256 public constant MIN_CLAIM_WINDOW = 7 days;
    /// @notice Recoveries followed from a holding wallet to the wallet that may claim (as the Market's refunds).
    uint256 public constant MAX_RECOVERY_HOPS = HolderTree.MAX_RECOVERY_HOPS;

    IERC20 public immutable paymentToken;
    IMarketTokenFactory public immutable factory;
    /// @notice The platform's identity registry: every token of the factory answers to it (checked at creation).
    IIdentityRegistry public immutable registry;

    /// @dev Storage layout of a distribution, tuned for the claim: its first slot holds all a claim reads besides the
    /// root and the claimed-bitmap word, and the one value it writes, `remaining` (not `claimed`), which starts equal to
    /// `amount` so that a claim rewrites a non-zero slot (2,900 gas) instead of writing a zero one (20,000). Hence an
    /// amount below 2^56 base units (HK$72 billion at 6 decimals) and a deadline below 2^32 (the year 2106). `closed`
    /// lives elsewhere: a distribution closes only after its deadline, so a claim before the deadline never needs it.
    struct Stored {
        // Slot 0: all a claim reads besides the root and its bitmap word.
        address token;
        uint32 claimDeadline;
        bool held;
        uint56 remaining;
        // Slot 1.
        address issuer;
        uint64 recordBlock;
        uint32 leafCount;
        // Slot 2.
        uint128 amount;
        Kind kind;
        bool closed;
        bytes32 root;
        bytes32 treeHash;
    }

    /// @dev Claimed flags: 255 leaves per word (bit i % 255 of word i / 255); bit 255 of every word is set when the
    /// distribution is created (the issuer pays ~87 gas per holder), so that no claim writes a zero slot.
    uint256 private constant LEAVES_PER_WORD = 255;
    uint256 private constant WORD_WRITTEN = 1 << 255;

    mapping(uint256 id => Stored) private _distributions;
    mapping(uint256 id => mapping(uint256 word => uint256 bits)) private _claimedBits;
    uint256 private _count;

    constructor(IERC20 paymentToken_, address factory_, IIdentityRegistry registry_) {
        if (address(paymentToken_) == address(0) || factory_ == address(0) || address(registry_) == address(0)) {
            revert DistributorInvalid();
        }
        paymentToken = paymentToken_;
        factory = IMarketTokenFactory(factory_);
        registry = registry_;
    }

    // ---------------------------------------------------------------- issuer

    /// @inheritdoc IDistributor
    function createDistribution(address token, Terms calldata terms, string calldata treeURI)
        external
        nonReentrant
        returns (uint256 id)
    {
        _checkTerms(token, terms);
        id = ++_count;
        _distributions[id] = Stored({
            token: token,
            claimDeadline: uint32(terms.claimDeadline),
            held: false,
            remaining: uint56(terms.amount),
            issuer: msg.sender,
            recordBlock: uint64(terms.recordBlock),
            leafCount: uint32(terms.leafCount),
            amount: uint128(terms.amount),
            kind: terms.kind,
            closed: false,
            root: terms.root,
            treeHash: terms.treeHash
        });
        mapping(uint256 => uint256) storage bits = _claimedBits[id];
        uint256 words = (terms.leafCount + LEAVES_PER_WORD - 1) / LEAVES_PER_WORD;
        for (uint256 w; w < words; ++w) {
            bits[w] = WORD_WRITTEN;
        }
        emit DistributionCreated(
            id,
            token,
            msg.sender,
            terms.kind,
            terms.amount,
            terms.recordBlock,
            terms.claimDeadline,
            terms.root,
            terms.treeHash,
            terms.leafCount,
            treeURI
        );
        paymentToken.safeTransferFrom(msg.sender, address(this), terms.amount);
    }

    function _checkTerms(address token, Terms calldata terms) private view {
        if (!factory.isToken(token) || IDistributorShareToken(token).identityRegistry() != address(registry)) {
            revert DistributorUnknownToken(token);
        }
        if (IDistributorShareToken(token).owner() != msg.sender) revert DistributorNotIssuer(token, msg.sender);
        if (
            terms.amount == 0 || terms.amount > type(uint56).max || terms.root == bytes32(0)
                || terms.treeHash == bytes32(0) || terms.leafCount == 0 || terms.leafCount > type(uint32).max
        ) {
            revert DistributorInvalid();
        }
        if (terms.recordBlock >= block.number) revert DistributorRecordBlockNotPast(terms.recordBlock, block.number);
        uint256 earliest = block.timestamp + MIN_CLAIM_WINDOW;
        if (terms.claimDeadline < earliest || terms.claimDeadline > type(uint32).max) {
            revert DistributorWindowTooShort(terms.claimDeadline, earliest);
        }
    }

    /// @inheritdoc IDistributor
    function close(uint256 id) external nonReentrant returns (uint256 returned) {
        Stored storage d = _existing(id);
        uint8 code = d.issuer != msg.sender
            ? CLOSE_NOT_ISSUER
            : d.closed
                ? CLOSE_ALREADY_CLOSED
                : d.held ? CLOSE_HELD : block.timestamp < d.claimDeadline ? CLOSE_WINDOW_OPEN : 0;
        if (code != 0) revert DistributorCannotClose(id, code);
        d.closed = true;
        returned = d.remaining;
        emit DistributionClosed(id, returned);
        if (returned != 0) paymentToken.safeTransfer(msg.sender, returned);
    }

    // ---------------------------------------------------------------- compliance

    /// @inheritdoc IDistributor
    function hold(uint256 id, bool held, string calldata reason) external {
        Stored storage d = _existing(id);
        if (!registry.isAgent(msg.sender)) revert DistributorNotAgent(msg.sender);
        if (bytes(reason).length == 0) revert DistributorInvalid();
        d.held = held;
        emit DistributionHeld(id, held, msg.sender, reason);
    }

    // ---------------------------------------------------------------- holders

    /// @inheritdoc IDistributor
    function claim(uint256 id, uint256 index, address holder, uint256 amount, bytes32[] calldata proof)
        external
        nonReentrant
    {
        _claim(id, index, holder, amount, proof);
    }

    /// @inheritdoc IDistributor
    function claimMany(
        uint256[] calldata ids,
        uint256[] calldata indexes,
        address[] calldata holders,
        uint256[] calldata amounts,
        bytes32[][] calldata proofs
    ) external nonReentrant {
        uint256 n = ids.length;
        if (indexes.length != n || holders.length != n || amounts.length != n || proofs.length != n) {
            revert DistributorLengthMismatch();
        }
        for (uint256 i; i < n; ++i) {
            _claim(ids[i], indexes[i], holders[i], amounts[i], proofs[i]);
        }
    }

    function _claim(uint256 id, uint256 index, address holder, uint256 amount, bytes32[] calldata proof) private {
        (Stored storage d, uint256 word, uint256 bitsSlot, uint256 bitsWord) =
            _claimable(id, index, holder, amount, proof);
        // amount ≤ remaining, the top field of the first slot: only `remaining` changes.
        unchecked {
            word -= amount << _REMAINING_SHIFT;
        }
        assembly ("memory-safe") {
            sstore(bitsSlot, bitsWord)
            sstore(d.slot, word)
        }
        emit Claimed(id, index, holder, msg.sender, amount);
        paymentToken.safeTransfer(msg.sender, amount);
    }

    /// @dev The checks of a claim by the caller; returns the distribution, its first slot, and the claimed-bitmap
    /// word's slot with the leaf's bit set. Each slot is read once.
    function _claimable(uint256 id, uint256 index, address holder, uint256 amount, bytes32[] calldata proof)
        private
        view
        returns (Stored storage d, uint256 word, uint256 bitsSlot, uint256 bitsWord)
    {
        d = _distributions[id];
        assembly ("memory-safe") {
            word := sload(d.slot)
        }
        if (uint160(word) == 0) revert DistributorNotFound(id);
        (bitsSlot, bitsWord) = _bitsWord(id, index);
        uint8 code = _claimCode(
            d, word, bitsWord & (1 << (index % LEAVES_PER_WORD)) != 0, index, holder, msg.sender, amount, proof
        );
        // A tree whose entitlements add up to more than the deposit cannot pay out beyond it.
        if (code == CLAIM_OK && amount > word >> _REMAINING_SHIFT) code = CLAIM_NOT_ENTITLED;
        if (code != CLAIM_OK) revert ClaimRefused(id, holder, code);
        bitsWord |= 1 << (index % LEAVES_PER_WORD);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IDistributor
    function claimCode(
        uint256 id,
        uint256 index,
        address holder,
        address payee,
        uint256 amount,
        bytes32[] calldata proof
    ) external view returns (uint8) {
        Stored storage d = _existing(id);
        uint256 word;
        assembly ("memory-safe") {
            word := sload(d.slot)
        }
        uint8 code = _claimCode(d, word, isClaimed(id, index), index, holder, payee, amount, proof);
        if (code == CLAIM_OK && amount > d.remaining) return CLAIM_NOT_ENTITLED;
        return code;
    }

    /// @inheritdoc IDistributor
    function distribution(uint256 id) external view returns (Distribution memory) {
        Stored storage d = _existing(id);
        return Distribution({
            token: d.token,
            recordBlock: d.recordBlock,
            kind: d.kind,
            held: d.held,
            closed: d.closed,
            issuer: d.issuer,
            claimDeadline: d.claimDeadline,
            leafCount: d.leafCount,
            amount: d.amount,
            claimed: d.amount - d.remaining,
            root: d.root,
            treeHash: d.treeHash
        });
    }

    /// @inheritdoc IDistributor
    function isClaimed(uint256 id, uint256 index) public view returns (bool) {
        return _claimedBits[id][index / LEAVES_PER_WORD] & (1 << (index % LEAVES_PER_WORD)) != 0;
    }

    /// @inheritdoc IDistributor
    function distributionCount() external view returns (uint256) {
        return _count;
    }

    // ---------------------------------------------------------------- internals

    function _existing(uint256 id) private view returns (Stored storage d) {
        d = _distributions[id];
        if (d.token == address(0)) revert DistributorNotFound(id);
    }

    /// @dev The storage slot of the claimed-bitmap word that holds leaf `index`'s flag, and the word.
    function _bitsWord(uint256 id, uint256 index) private view returns (uint256 slot, uint256 word) {
        mapping(uint256 => uint256) storage bits = _claimedBits[id];
        uint256 w = index / LEAVES_PER_WORD;
        assembly ("memory-safe") {
            mstore(0x00, w)
            mstore(0x20, bits.slot)
            slot := keccak256(0x00, 0x40)
            word := sload(slot)
        }
    }

    /// @dev Bit offset of `remaining` in a distribution's first slot (after token, claim deadline and held).
    uint256 private constant _REMAINING_SHIFT = 200;

    /// @dev The first reason, in this order: the distribution's state, the entitlement, who claims, then the token's
    /// rules for the receiving wallet (the money stays reserved while they refuse).
    function _claimCode(
        Stored storage d,
        uint256 word,
        bool claimed,
        uint256 index,
        address holder,
        address payee,
        uint256 amount,
        bytes32[] calldata proof
    ) private view returns (uint8) {
        // Only a distribution whose deadline passed can be closed: before it, `closed` (another slot) is false.
        // The first slot: token (bits 0–159), claim deadline (160–191), held (192–199), remaining (200–255).
        if (block.timestamp >= uint32(word >> 160)) return d.closed ? CLAIM_CLOSED : CLAIM_WINDOW_ENDED;
        if (uint8(word >> 192) != 0) return CLAIM_HELD;
        // (An index past the tree's leaves has no proof: the issuer's tree fixes indexes 0..leafCount−1.)
        if (claimed) return CLAIM_ALREADY_CLAIMED;
        if (!HolderTree.verify(proof, d.root, index, holder, amount)) return CLAIM_NOT_ENTITLED;
        // The wallet that may claim: the holder, or the last wallet of the recoveries the token recorded from it
        // (a recovered wallet is lost: it claims nothing).
        address token = address(uint160(word));
        address claimant = HolderTree.lastWallet(token, holder);
        if (payee != claimant) return payee == holder ? CLAIM_WALLET_RECOVERED : CLAIM_NOT_HOLDER;
        address reg = address(registry);
        if (StaticRead.flag(reg, IIdentityRegistry.platformStopped.selector)) return CLAIM_PLATFORM_STOPPED;
        // The freeze flag alone (one slot): the wallet's lock-up does not matter to money paid to it.
        if (StaticRead.flag(token, IDistributorShareToken.isFrozen.selector, payee)) return CLAIM_FROZEN;
        if (!StaticRead.flag(reg, IIdentityRegistry.isVerified.selector, payee)) return CLAIM_NOT_VERIFIED;
        return CLAIM_OK;
    }
}
