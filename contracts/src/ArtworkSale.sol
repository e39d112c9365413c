// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IArtworkSale} from "./interfaces/IArtworkSale.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {HolderTree} from "./libraries/HolderTree.sol";
import {StaticRead} from "./libraries/StaticRead.sol";

/// @notice What the sale reads of, and asks of, a share token.
interface ISaleShareToken {
    function owner() external view returns (address);
    function identityRegistry() external view returns (address);
    function maxSupply() external view returns (uint256);
    function totalSupply() external view returns (uint256);
    function balanceOf(address wallet) external view returns (uint256);
    function paused() external view returns (bool);
    function isFrozen(address wallet) external view returns (bool);
    function frozenShares(address wallet) external view returns (uint256);
    function recoveredTo(address lostWallet) external view returns (address);
    function migration() external view returns (address predecessor, address successor, bool migrating);
    function redeem(address holder) external returns (uint256 amount);
}

/// @notice Where the sale finds the platform's factory: the TokenMigrator (an immutable of every token
/// implementation, pointed at the factory once by the deployment admin).
interface ISaleFactorySource {
    function factory() external view returns (address);
}

interface ISaleFactory {
    function isToken(address token) external view returns (bool);
}

/// @title ArtworkSale
/// @notice Sales of artworks voted on by their token holders (see {IArtworkSale}). One contract for every token of
/// the platform; each token's implementation names it (`sale()`) as the only address that may end its trading and burn
/// redeemed shares, and this contract does so only for a sale its holders approved. Each sale's deposit is accounted
/// on its own: `released` (paid + swept) never exceeds `price`.
/// @dev No owner and no admin. The issuer opens (and deposits), holders vote, anyone finalises, holders redeem, the
/// issuer sweeps the dust. Votes are marked per leaf index, two bits each, in words written when the sale opens (the
/// issuer pays one storage write per 127 holders), so that no vote writes a zero slot.
contract ArtworkSale is IArtworkSale, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The vote counts / the redemption is payable.
    uint8 public constant SALE_OK = 0;
    /// @notice The vote is not open: finalised already, or its closing time has passed.
    uint8 public constant SALE_VOTE_CLOSED = 64;
    /// @notice The proof does not match the weights root: not a holder (with this weight) at the record block.
    uint8 public constant SALE_NOT_HOLDER = 65;
    /// @notice The holding wallet was recovered by compliance: the wallet it was moved to votes instead.
    uint8 public constant SALE_WALLET_RECOVERED = 66;
    /// @notice The caller is neither the holding wallet nor the wallet a recovery moved it to.
    uint8 public constant SALE_NOT_VOTER = 67;
    /// @notice Trading is stopped: the token is paused by compliance, or the platform's emergency stop is on.
    uint8 public constant SALE_TRADING_STOPPED = 68;
    /// @notice The wallet is frozen on the token, or (for a redemption) holds partly frozen shares: a redemption's money
    /// stays reserved until it is unfrozen.
    uint8 public constant SALE_FROZEN = 69;
    /// @notice The wallet is not verified: no KYC, or KYC lapsed (a redemption's money stays reserved until renewed).
    uint8 public constant SALE_NOT_VERIFIED = 70;
    /// @notice Redemption: the sale was not approved (still voting, or rejected).
    uint8 public constant SALE_NOT_APPROVED = 71;
    /// @notice Redemption: the wallet holds no shares (redeemed already, or never held).
    uint8 public constant SALE_NOTHING_TO_REDEEM = 72;

    /// @notice Default turnout: half of the supply at the record block.
    uint16 public constant DEFAULT_QUORUM_BPS = 5000;
    /// @notice Default approval: more than half of the votes cast.
    uint16 public constant DEFAULT_APPROVAL_BPS = 5000;
    /// @notice Lowest turnout an issuer may set (a quarter of the supply).
    uint16 public constant MIN_QUORUM_BPS = 2500;
    /// @notice Lowest approval an issuer may set (more than half of the votes cast); the highest is 9,999.
    uint16 public constant MIN_APPROVAL_BPS = 5000;
    uint16 private constant _BPS = 10_000;
    /// @notice Shortest and longest vote.
    uint256 public constant MIN_VOTING_PERIOD = 7 days;
    uint256 public constant MAX_VOTING_PERIOD = 90 days;
    /// @notice Recoveries followed from a holding wallet to the wallet that votes (as the Market and Distributor).
    uint256 public constant MAX_RECOVERY_HOPS = HolderTree.MAX_RECOVERY_HOPS;

    IERC20 public immutable paymentToken;
    /// @notice The platform's identity registry: every sold token answers to it (checked when a sale opens).
    IIdentityRegistry public immutable registry;
    /// @notice The TokenMigrator, which knows the platform's factory.
    ISaleFactorySource public immutable migrator;
    uint256 private immutable _CENT;

    /// @dev The answer of {probe}.
    error SaleProbe(bool accepted);

    /// @dev Storage of a sale, tuned for the vote (slots 0–2 and a bitmap word) and the redemption (slots 0, 3, 4).
    struct Stored {
        // Slot 0: token, state and the close.
        address token;
        uint40 votingEnds;
        Status status;
        uint16 quorumBps;
        uint16 approvalBps;
        // Slot 1: the tally (with the leaf count, never zero, so the first vote rewrites a non-zero slot).
        uint96 forVotes;
        uint96 againstVotes;
        uint32 leafCount;
        // Slot 2.
        bytes32 weightsRoot;
        // Slot 3: the deposit and what left it (price is never zero, so the first redemption rewrites a non-zero slot).
        uint128 price;
        uint128 released;
        // Slot 4.
        uint96 supplyAtClose;
        uint96 supply;
        uint64 recordBlock;
        // Slot 5.
        address issuer;
        // Slot 6.
        address buyer;
        bytes32 offerHash;
        bytes32 treeHash;
    }

    /// @dev Votes: 2 bits per leaf (0 none, 1 for, 2 against), 127 leaves per word; bit 255 of every word is set when
    /// the sale opens, so that no vote writes a zero slot.
    uint256 private constant LEAVES_PER_WORD = 127;
    uint256 private constant WORD_WRITTEN = 1 << 255;

    mapping(uint256 saleId => Stored) private _sales;
    mapping(uint256 saleId => mapping(uint256 word => uint256 bits)) private _voteBits;
    mapping(address token => uint256 saleId) private _saleOf;
    uint256 private _count;

    constructor(IERC20 paymentToken_, IIdentityRegistry registry_, ISaleFactorySource migrator_) {
        if (address(paymentToken_) == address(0) || address(registry_) == address(0) || address(migrator_) == address(0))
        {
            revert SaleInvalid();
        }
        paymentToken = paymentToken_;
        registry = registry_;
        migrator = migrator_;
        uint8 decimals = IERC20Metadata(address(paymentToken_)).decimals();
        _CENT = decimals > 2 ? 10 ** (decimals - 2) : 1;
    }

    // ---------------------------------------------------------------- issuer

    /// @inheritdoc IArtworkSale
    function openSale(address token, Terms calldata terms, string calldata offerURI)
        external
        nonReentrant
        returns (uint256 saleId)
    {
        (uint16 quorumBps, uint16 approvalBps) = _checkTerms(token, terms);
        uint256 current = _saleOf[token];
        if (current != 0 && _sales[current].status != Status.Rejected) revert SaleExists(token, current);
        saleId = ++_count;
        _saleOf[token] = saleId;
        Stored storage s = _sales[saleId];
        s.token = token;
        s.votingEnds = uint40(terms.votingEnds);
        s.status = Status.Voting;
        s.quorumBps = quorumBps;
        s.approvalBps = approvalBps;
        s.leafCount = uint32(terms.leafCount);
        s.weightsRoot = terms.weightsRoot;
        s.price = uint128(terms.price);
        s.supply = uint96(terms.supply);
        s.recordBlock = uint64(terms.recordBlock);
        s.issuer = msg.sender;
        s.buyer = terms.buyer;
        s.offerHash = terms.offerHash;
        s.treeHash = terms.treeHash;
        mapping(uint256 => uint256) storage bits = _voteBits[saleId];
        uint256 words = (terms.leafCount + LEAVES_PER_WORD - 1) / LEAVES_PER_WORD;
        for (uint256 w; w < words; ++w) {
            bits[w] = WORD_WRITTEN;
        }
        Terms memory stored = terms;
        stored.quorumBps = quorumBps;
        stored.approvalBps = approvalBps;
        emit SaleOpened(saleId, token, msg.sender, stored, offerURI);
        paymentToken.safeTransferFrom(msg.sender, address(this), terms.price);
    }

    /// @notice Always reverts with `SaleProbe(accepted)`: whether `token` lets this contract end its trading (the call
    /// is rolled back with the revert, so nothing changes). This contract only.
    function probe(address token) external {
        if (msg.sender != address(this)) revert SaleInvalid();
        try ISaleShareToken(token).redeem(address(0)) {
            revert SaleProbe(true);
        } catch {
            revert SaleProbe(false);
        }
    }

    function _checkTerms(address token, Terms calldata terms)
        private
        returns (uint16 quorumBps, uint16 approvalBps)
    {
        ISaleShareToken t = ISaleShareToken(token);
        if (!ISaleFactory(migrator.factory()).isToken(token) || t.identityRegistry() != address(registry)) {
            revert SaleUnknownToken(token);
        }
        // A token whose implementation does not name this contract (an older one) could never end its trading: asked by
        // trying it and rolling it back (see {probe}); its issuer migrates it first.
        try this.probe(token) {}
        catch (bytes memory ret) {
            if (keccak256(ret) != keccak256(abi.encodeWithSelector(SaleProbe.selector, true))) {
                revert SaleUnknownToken(token);
            }
        }
        (, address successor, bool migrating) = t.migration();
        if (successor != address(0) || migrating) revert SaleUnknownToken(token);
        if (t.owner() != msg.sender) revert SaleNotIssuer(token, msg.sender);
        quorumBps = terms.quorumBps == 0 ? DEFAULT_QUORUM_BPS : terms.quorumBps;
        approvalBps = terms.approvalBps == 0 ? DEFAULT_APPROVAL_BPS : terms.approvalBps;
        if (
            terms.price == 0 || terms.price > type(uint128).max || terms.price % _CENT != 0 || terms.supply == 0
                || terms.supply > t.maxSupply() || terms.weightsRoot == bytes32(0) || terms.offerHash == bytes32(0)
                || terms.treeHash == bytes32(0) || terms.leafCount == 0 || terms.leafCount > type(uint32).max
                || terms.buyer == address(0) || quorumBps < MIN_QUORUM_BPS || quorumBps > _BPS
                || approvalBps < MIN_APPROVAL_BPS || approvalBps >= _BPS
        ) {
            revert SaleInvalid();
        }
        if (terms.recordBlock >= block.number) revert SaleRecordBlockNotPast(terms.recordBlock, block.number);
        uint256 earliest = block.timestamp + MIN_VOTING_PERIOD;
        uint256 latest = block.timestamp + MAX_VOTING_PERIOD;
        if (terms.votingEnds < earliest || terms.votingEnds > latest) {
            revert SaleVotingPeriod(terms.votingEnds, earliest, latest);
        }
    }

    /// @inheritdoc IArtworkSale
    function sweepDust(uint256 saleId) external nonReentrant returns (uint256 amount) {
        Stored storage s = _existing(saleId);
        if (s.status != Status.Approved || msg.sender != s.issuer) revert SaleCannotSweep(saleId, msg.sender);
        amount = _sweepable(s);
        if (amount == 0) return 0;
        // amount ≤ price − released (see {_sweepable}).
        unchecked {
            s.released += uint128(amount);
        }
        emit DustSwept(saleId, msg.sender, amount);
        paymentToken.safeTransfer(msg.sender, amount);
    }

    // ---------------------------------------------------------------- holders

    /// @inheritdoc IArtworkSale
    function vote(
        uint256 saleId,
        uint256 index,
        address holder,
        uint256 weight,
        bool support,
        bytes32[] calldata proof
    ) external nonReentrant {
        Stored storage s = _existing(saleId);
        uint8 code = _voteCode(s, index, holder, msg.sender, weight, proof);
        if (code != SALE_OK) revert VoteRefused(saleId, holder, code);
        uint8 previous = _mark(saleId, index, support ? 1 : 2);
        (uint256 forVotes, uint256 againstVotes) = _tally(s, weight, previous, support);
        emit VoteCast(saleId, holder, msg.sender, index, weight, support, previous, forVotes, againstVotes);
    }

    /// @inheritdoc IArtworkSale
    function finalize(uint256 saleId) external nonReentrant returns (bool approved) {
        Stored storage s = _existing(saleId);
        if (s.status != Status.Voting) revert SaleCannotFinalize(saleId, 1);
        if (block.timestamp < s.votingEnds) revert SaleCannotFinalize(saleId, 2);
        ISaleShareToken t = ISaleShareToken(s.token);
        (bool quorumReached, bool approvalReached) = _outcome(s);
        // A token retired for a successor meanwhile (migrated) cannot be sold: its register lives on elsewhere.
        (, address successor,) = t.migration();
        approved = quorumReached && approvalReached && successor == address(0);
        uint256 refunded;
        uint256 supplyAtClose;
        if (approved) {
            s.status = Status.Approved;
            t.redeem(address(0)); // ends trading for good
            supplyAtClose = t.totalSupply();
            // ≤ the token's maximum supply < 2^96.
            s.supplyAtClose = uint96(supplyAtClose);
        } else {
            s.status = Status.Rejected;
            refunded = s.price;
            s.released = uint128(refunded);
        }
        emit SaleFinalized(saleId, s.token, approved, s.forVotes, s.againstVotes, supplyAtClose, refunded, msg.sender);
        if (refunded != 0) paymentToken.safeTransfer(s.issuer, refunded);
    }

    /// @inheritdoc IArtworkSale
    function redeem(uint256 saleId) external nonReentrant returns (uint256 payout) {
        Stored storage s = _existing(saleId);
        (uint8 code, uint256 burned,) = _redeemCode(s, msg.sender);
        if (code != SALE_OK) revert RedeemRefused(saleId, msg.sender, code);
        ISaleShareToken t = ISaleShareToken(s.token);
        // The token burns the whole balance (the `burned` shares just read) for this contract alone.
        burned = t.redeem(msg.sender);
        // price < 2^128 and shares ≤ supplyAtClose < 2^96: no overflow; rounded down, toward this contract. The sum
        // of every payout is at most price × (shares redeemed) ÷ supplyAtClose ≤ price.
        payout = uint256(s.price) * burned / s.supplyAtClose;
        s.released += uint128(payout);
        emit Redeemed(saleId, address(t), msg.sender, burned, payout);
        if (payout != 0) paymentToken.safeTransfer(msg.sender, payout);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IArtworkSale
    function voteCode(
        uint256 saleId,
        uint256 index,
        address holder,
        address voter,
        uint256 weight,
        bytes32[] calldata proof
    ) external view returns (uint8) {
        return _voteCode(_existing(saleId), index, holder, voter, weight, proof);
    }

    /// @inheritdoc IArtworkSale
    function redeemCode(uint256 saleId, address wallet)
        external
        view
        returns (uint8 code, uint256 shares, uint256 payout)
    {
        return _redeemCode(_existing(saleId), wallet);
    }

    /// @inheritdoc IArtworkSale
    function outcome(uint256 saleId) external view returns (bool quorumReached, bool approvalReached) {
        return _outcome(_existing(saleId));
    }

    /// @inheritdoc IArtworkSale
    function voteOf(uint256 saleId, uint256 index) external view returns (uint8) {
        _existing(saleId);
        return uint8((_voteBits[saleId][index / LEAVES_PER_WORD] >> ((index % LEAVES_PER_WORD) * 2)) & 3);
    }

    /// @inheritdoc IArtworkSale
    function sale(uint256 saleId) external view returns (Sale memory) {
        Stored storage s = _existing(saleId);
        return Sale({
            token: s.token,
            status: s.status,
            votingEnds: s.votingEnds,
            quorumBps: s.quorumBps,
            approvalBps: s.approvalBps,
            issuer: s.issuer,
            recordBlock: s.recordBlock,
            leafCount: s.leafCount,
            buyer: s.buyer,
            price: s.price,
            released: s.released,
            supply: s.supply,
            forVotes: s.forVotes,
            againstVotes: s.againstVotes,
            supplyAtClose: s.supplyAtClose,
            weightsRoot: s.weightsRoot,
            offerHash: s.offerHash,
            treeHash: s.treeHash
        });
    }

    /// @inheritdoc IArtworkSale
    function saleOf(address token) external view returns (uint256) {
        return _saleOf[token];
    }

    /// @inheritdoc IArtworkSale
    function saleCount() external view returns (uint256) {
        return _count;
    }

    /// @inheritdoc IArtworkSale
    function sweepable(uint256 saleId) external view returns (uint256) {
        Stored storage s = _existing(saleId);
        return s.status == Status.Approved ? _sweepable(s) : 0;
    }

    // ---------------------------------------------------------------- internals

    function _existing(uint256 saleId) private view returns (Stored storage s) {
        s = _sales[saleId];
        if (s.token == address(0)) revert SaleNotFound(saleId);
    }

    /// @dev The first reason, in this order: the vote's state, the weight (proof), who votes, then the token's and the
    /// platform's stops and the voter's standing (frozen, KYC).
    function _voteCode(
        Stored storage s,
        uint256 index,
        address holder,
        address voter,
        uint256 weight,
        bytes32[] calldata proof
    ) private view returns (uint8) {
        if (s.status != Status.Voting || block.timestamp >= s.votingEnds) return SALE_VOTE_CLOSED;
        // A weight above the supply at the record block is no weight of this register (and keeps the tally in 96 bits).
        if (weight > s.supply || !HolderTree.verify(proof, s.weightsRoot, index, holder, weight)) {
            return SALE_NOT_HOLDER;
        }
        address token = s.token;
        address at = HolderTree.lastWallet(token, holder);
        if (voter != at) return voter == holder ? SALE_WALLET_RECOVERED : SALE_NOT_VOTER;
        address reg = address(registry);
        if (
            StaticRead.flag(token, ISaleShareToken.paused.selector)
                || StaticRead.flag(reg, IIdentityRegistry.platformStopped.selector)
        ) return SALE_TRADING_STOPPED;
        if (StaticRead.flag(token, ISaleShareToken.isFrozen.selector, voter)) return SALE_FROZEN;
        if (!StaticRead.flag(reg, IIdentityRegistry.isVerified.selector, voter)) return SALE_NOT_VERIFIED;
        return SALE_OK;
    }

    /// @dev Redemption: the sale's state, the stops, the wallet's standing, then its balance (what it would be paid).
    function _redeemCode(Stored storage s, address wallet)
        private
        view
        returns (uint8 code, uint256 shares, uint256 payout)
    {
        if (s.status != Status.Approved) return (SALE_NOT_APPROVED, 0, 0);
        address token = s.token;
        address reg = address(registry);
        shares = StaticRead.word(token, ISaleShareToken.balanceOf.selector, wallet);
        // supplyAtClose ≥ any balance since trading ended (only redemptions burn), and > 0 whenever a balance is.
        if (shares != 0) payout = uint256(s.price) * shares / s.supplyAtClose;
        if (
            StaticRead.flag(token, ISaleShareToken.paused.selector)
                || StaticRead.flag(reg, IIdentityRegistry.platformStopped.selector)
        ) {
            code = SALE_TRADING_STOPPED;
        } else if (
            StaticRead.flag(token, ISaleShareToken.isFrozen.selector, wallet)
                || StaticRead.word(token, ISaleShareToken.frozenShares.selector, wallet) != 0
        ) {
            code = SALE_FROZEN;
        } else if (!StaticRead.flag(reg, IIdentityRegistry.isVerified.selector, wallet)) {
            code = SALE_NOT_VERIFIED;
        } else if (shares == 0) {
            code = SALE_NOTHING_TO_REDEEM;
        }
    }

    /// @dev Turnout against the supply at the record block; approval strictly above `approvalBps` of the votes cast.
    function _outcome(Stored storage s) private view returns (bool quorumReached, bool approvalReached) {
        uint256 forVotes = s.forVotes;
        uint256 cast = forVotes + s.againstVotes;
        quorumReached = cast != 0 && cast * _BPS >= uint256(s.quorumBps) * s.supply;
        approvalReached = forVotes * _BPS > uint256(s.approvalBps) * cast;
    }

    /// @dev What the issuer may take: the deposit left minus what the outstanding shares (the token's supply now, which
    /// only redemptions lower once trading ended) can still claim, floor(price × outstanding ÷ supplyAtClose). Each
    /// outstanding wallet is paid floor(price × balance ÷ supplyAtClose), and those floors add up to at most the
    /// reserve, so sweeping never touches a holder's money. price − released ≥ reserve always: every payout so far
    /// was at most price × burned ÷ supplyAtClose.
    function _sweepable(Stored storage s) private view returns (uint256) {
        uint256 outstanding = ISaleShareToken(s.token).totalSupply();
        uint256 price = s.price;
        uint256 reserve = s.supplyAtClose == 0 ? 0 : price * outstanding / s.supplyAtClose;
        uint256 left = price - s.released;
        return left > reserve ? left - reserve : 0;
    }

    /// @dev Records `choice` (1 for, 2 against) for leaf `index`; returns its previous vote (0 none).
    function _mark(uint256 saleId, uint256 index, uint256 choice) private returns (uint8 previous) {
        mapping(uint256 => uint256) storage bits = _voteBits[saleId];
        uint256 wordIndex = index / LEAVES_PER_WORD;
        uint256 shift = (index % LEAVES_PER_WORD) * 2;
        uint256 word = bits[wordIndex];
        previous = uint8((word >> shift) & 3);
        bits[wordIndex] = (word & ~(uint256(3) << shift)) | (choice << shift);
    }

    /// @dev Moves `weight` from the leaf's previous side (if any) to its new one; returns the tally after.
    function _tally(Stored storage s, uint256 weight, uint8 previous, bool support)
        private
        returns (uint96 forVotes, uint96 againstVotes)
    {
        forVotes = s.forVotes;
        againstVotes = s.againstVotes;
        // weight ≤ supply < 2^96 (checked by the code), and each leaf counts on one side at most once: each side stays
        // within the sum of the leaves' weights (checked arithmetic all the same).
        uint96 w = uint96(weight);
        if (previous == 1) forVotes -= w;
        else if (previous == 2) againstVotes -= w;
        if (support) forVotes += w;
        else againstVotes += w;
        s.forVotes = forVotes;
        s.againstVotes = againstVotes;
    }
}
