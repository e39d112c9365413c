// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ArtworkShareToken} from "./ArtworkShareToken.sol";
import {IShareTokenFactory} from "./interfaces/IShareTokenFactory.sol";
import {IArtworkShareToken, TRANSFER_TRADING_ENDED} from "./interfaces/IArtworkShareToken.sol";
import {ILockLots} from "./interfaces/ILockLots.sol";

/// @title TokenMigrator
/// @notice The upgrade path for immutable share-token clones: a paused token is retired for good in favour of a
/// successor that the factory clones from its current implementation with the same owner, name, symbol, maximum
/// supply, rules and metadata; then the retired token's register — every holder's balance, investor, wallet freeze,
/// partly frozen shares and running lock-up lots with their release times — is copied into the successor, and the
/// migration ends once the copied supply equals the retired supply, after which the migrator has no power on the
/// successor.
/// @dev No back door for unpaid shares: the only mint this contract can make is {ArtworkShareToken-migrateHolder} on
/// a successor the factory created for a retired predecessor, between that initialisation and {finish}; it copies
/// exactly what the retired token (which nothing can change any more) holds for a wallet, each wallet once. Copying
/// and finishing are open to anyone, so once started a migration cannot be held up or steered.
/// It also hosts the token's pure lock-lot and country-list arithmetic ({ILockLots}), which the token implementation
/// calls to stay within EIP-170 (the token holds every rule and all state; these functions only compute).
contract TokenMigrator is ILockLots {
    /// @notice The state of one predecessor's migration.
    struct Migration {
        address successor;
        uint96 copiedShares;
        uint32 copiedWallets;
        bool finished;
    }

    /// @notice Only the deployment admin may set the factory, once.
    error MigratorUnauthorized(address caller);
    /// @notice The factory was set already / is the zero address.
    error MigratorFactoryState(address factory);
    /// @notice The predecessor cannot start a migration: the caller is not its owner, or it is not paused.
    error MigratorCannotStart(address predecessor, address caller);
    /// @notice The predecessor has no running migration (never started, or finished).
    error MigratorNotRunning(address predecessor);
    /// @notice The successor's copied supply (`copied`) is not the predecessor's supply yet.
    error MigratorIncomplete(address predecessor, uint256 supply, uint256 copied);

    /// @notice The factory was set.
    event FactorySet(address indexed factory);
    /// @notice `predecessor` was retired in favour of `successor` by its owner.
    event MigrationStarted(address indexed predecessor, address indexed successor, address indexed owner);
    /// @notice One holder's register entry was copied.
    event HolderCopied(address indexed predecessor, address indexed wallet, uint256 amount);
    /// @notice The copy is complete: `supply` shares in both tokens; the migrator's power on the successor ended.
    event MigrationFinished(address indexed predecessor, address indexed successor, uint256 supply);

    uint256 private constant _LOTS = 4; // ArtworkShareToken.MAX_LOCK_LOTS

    address private immutable _ADMIN;
    IShareTokenFactory private _factory;
    mapping(address predecessor => Migration) private _migrations;
    mapping(address predecessor => mapping(address wallet => bool)) private _copied;

    /// @param admin May call {setFactory} once (deploy order: migrator → token implementation → factory).
    constructor(address admin) {
        _ADMIN = admin;
    }

    /// @notice Sets the ShareTokenFactory that deploys successors. Once, by the deployment admin.
    function setFactory(address factory_) external {
        if (msg.sender != _ADMIN) revert MigratorUnauthorized(msg.sender);
        if (address(_factory) != address(0) || factory_ == address(0)) revert MigratorFactoryState(address(_factory));
        _factory = IShareTokenFactory(factory_);
        emit FactorySet(factory_);
    }

    /// @notice Starts the migration of `predecessor` (a factory token its owner calls for, paused by an agent first):
    /// deploys the successor through the factory and retires the predecessor in its favour. Returns the successor.
    function start(address predecessor) external returns (address successor) {
        ArtworkShareToken old = ArtworkShareToken(predecessor);
        // A sold token (trading ended, code 15) is never migrated: its holders redeem the sale's price instead.
        if (
            _migrations[predecessor].successor != address(0) || msg.sender != old.owner() || !old.paused()
                || old.canTransfer(address(0), address(0), 0) == TRANSFER_TRADING_ENDED
        ) {
            revert MigratorCannotStart(predecessor, msg.sender);
        }
        successor = _factory.deploySuccessor(predecessor); // refuses a token the factory did not deploy
        _migrations[predecessor].successor = successor;
        old.retire(successor);
        emit MigrationStarted(predecessor, successor, msg.sender);
    }

    /// @notice Copies the register entries of `wallets` from the retired `predecessor` into its successor. Anyone may
    /// call; a wallet already copied or holding nothing is skipped, so a re-run after an interruption is harmless.
    /// Returns how many wallets this call copied.
    function copyHolders(address predecessor, address[] calldata wallets) external returns (uint256 copied) {
        Migration storage m = _running(predecessor);
        ArtworkShareToken old = ArtworkShareToken(predecessor);
        ArtworkShareToken next = ArtworkShareToken(m.successor);
        for (uint256 i; i < wallets.length; ++i) {
            address w = wallets[i];
            uint256 balance = old.balanceOf(w);
            if (balance == 0 || _copied[predecessor][w]) continue;
            _copied[predecessor][w] = true;
            _copyHolder(old, next, w, balance);
            // balance ≤ the predecessor's supply < 2^96; each wallet counts once.
            m.copiedShares += uint96(balance);
            ++m.copiedWallets;
            ++copied;
            emit HolderCopied(predecessor, w, balance);
        }
    }

    /// @dev One wallet: each running lock-up lot with its release, then the unlocked rest, then the wallet freeze and
    /// the partly frozen shares (locked + frozen ≤ balance on the predecessor, so the rest never underflows).
    function _copyHolder(ArtworkShareToken old, ArtworkShareToken next, address w, uint256 balance) private {
        bytes32 investor = old.holderInvestorOf(w);
        (uint256[] memory amounts, uint64[] memory releases) = old.lockLots(w);
        uint256 rest = balance;
        for (uint256 j; j < amounts.length; ++j) {
            next.migrateHolder(w, investor, amounts[j], uint40(releases[j]));
            rest -= amounts[j];
        }
        if (rest != 0) next.migrateHolder(w, investor, rest, 0);
        if (old.isFrozen(w)) next.setWalletFrozen(w, true);
        uint256 frozenShares = old.frozenShares(w);
        if (frozenShares != 0) next.freezePartialShares(w, frozenShares);
    }

    /// @notice Ends the migration once every share is copied (the successor's supply equals the predecessor's): the
    /// successor's {ArtworkShareToken-endMigration} removes the migrator's power there for good. Anyone may call.
    function finish(address predecessor) external {
        Migration storage m = _running(predecessor);
        uint256 supply = ArtworkShareToken(predecessor).totalSupply();
        ArtworkShareToken next = ArtworkShareToken(m.successor);
        if (m.copiedShares != supply || next.totalSupply() != supply) {
            revert MigratorIncomplete(predecessor, supply, next.totalSupply());
        }
        m.finished = true;
        next.endMigration();
        emit MigrationFinished(predecessor, m.successor, supply);
    }

    /// @notice The migration of `predecessor` (successor zero when none was started).
    function migrationOf(address predecessor) external view returns (Migration memory) {
        return _migrations[predecessor];
    }

    /// @notice True when `wallet`'s entry in `predecessor`'s register was copied.
    function isCopied(address predecessor, address wallet) external view returns (bool) {
        return _copied[predecessor][wallet];
    }

    /// @notice The factory that deploys successors.
    function factory() external view returns (address) {
        return address(_factory);
    }

    // ================================================================ the token's lock-lot arithmetic (ILockLots)

    /// @inheritdoc ILockLots
    function placeLot(IArtworkShareToken.Lot[_LOTS] memory lots, uint256 amount, uint40 until, uint256 now_)
        external
        pure
        returns (IArtworkShareToken.Lot[_LOTS] memory, uint40 release, uint256 moved, uint40 from_, uint40 to_)
    {
        (release, moved, from_, to_) = _placeLot(lots, amount, until, now_);
        return (lots, release, moved, from_, to_);
    }

    /// @inheritdoc ILockLots
    function mergePreview(IArtworkShareToken.Lot[_LOTS] memory lots, uint64 lockup, uint256 now_)
        external
        pure
        returns (bool merges, bool purchaseMoves, uint256 movedAmount, uint64 fromRelease, uint64 toRelease)
    {
        if (lockup == 0) return (false, false, 0, 0, 0);
        // lockup ≤ the token's MAX_LOCKUP_SECONDS, so now + lockup fits uint40 for millennia.
        uint40 until = uint40(now_ + lockup);
        // An amount of 1 stands for the purchase; only whether and what merges is reported.
        (, uint256 moved, uint40 from_, uint40 to_) = _placeLot(lots, 1, until, now_);
        if (from_ == 0) return (false, false, 0, 0, 0);
        purchaseMoves = from_ == until; // a held lot's release always differs from `until` when lots merge
        return (true, purchaseMoves, purchaseMoves ? 0 : moved, from_, to_);
    }

    /// @inheritdoc ILockLots
    function consumeLots(IArtworkShareToken.Lot[_LOTS] memory m, uint256 amount, uint256 now_)
        external
        pure
        returns (IArtworkShareToken.Lot[_LOTS] memory, IArtworkShareToken.Lot[_LOTS] memory taken)
    {
        uint256 k;
        while (amount != 0) {
            uint256 pick = _LOTS;
            for (uint256 i; i < _LOTS; ++i) {
                if (m[i].releaseAt > now_ && (pick == _LOTS || m[i].releaseAt < m[pick].releaseAt)) pick = i;
            }
            // amount ≤ the running total, so a running lot is always found while amount != 0 (at most _LOTS picks:
            // every pick but the last empties its lot).
            uint40 release = m[pick].releaseAt;
            uint256 lotAmount = m[pick].amount;
            uint256 take = amount < lotAmount ? amount : lotAmount;
            // take ≤ amount and ≤ lotAmount.
            unchecked {
                amount -= take;
                lotAmount -= take;
            }
            m[pick] = lotAmount == 0
                ? IArtworkShareToken.Lot(0, 0)
                : IArtworkShareToken.Lot(uint96(lotAmount), release);
            taken[k++] = IArtworkShareToken.Lot(uint96(take), release);
        }
        return (m, taken);
    }

    /// @inheritdoc ILockLots
    function runningLots(IArtworkShareToken.Lot[_LOTS] memory m, uint256 now_)
        external
        pure
        returns (uint256[] memory amounts, uint64[] memory releases)
    {
        _sortLots(m, now_);
        uint256 n;
        for (uint256 i; i < _LOTS; ++i) {
            if (m[i].releaseAt > now_) ++n;
        }
        amounts = new uint256[](n);
        releases = new uint64[](n);
        uint256 k;
        for (uint256 i; i < _LOTS; ++i) {
            if (m[i].releaseAt > now_) {
                (amounts[k], releases[k]) = (m[i].amount, m[i].releaseAt);
                ++k;
            }
        }
    }

    /// @inheritdoc ILockLots
    function countries(uint256[4] memory bitmap) external pure returns (uint16[] memory found) {
        found = new uint16[](1000);
        uint256 n;
        for (uint256 w; w < 4; ++w) {
            uint256 bits = bitmap[w];
            for (uint256 b; bits != 0; ++b) {
                if (bits & 1 == 1) found[n++] = uint16(w * 256 + b);
                bits >>= 1;
            }
        }
        // Shrink the array in place to the number of countries found (n ≤ 1000).
        assembly ("memory-safe") {
            mstore(found, n)
        }
    }

    /// @dev Places `amount` shares released at `until` into the lots `m` (in memory; ended lots are dropped): into the
    /// lot with the same release, else a free place, else the two lots with the closest releases among the running
    /// ones and the new one merge into the later of the two. Returns the release the placed shares got and, when
    /// something merged, the `moved` shares and the releases they moved `from_` and `to_` (from_ < to_; from_ is 0
    /// when nothing merged). Every balance is below 2^96, so no sum overflows.
    function _placeLot(IArtworkShareToken.Lot[_LOTS] memory m, uint256 amount, uint40 until, uint256 now_)
        private
        pure
        returns (uint40 release, uint256 moved, uint40 from_, uint40 to_)
    {
        uint256 free = _LOTS;
        for (uint256 i; i < _LOTS; ++i) {
            if (m[i].releaseAt <= now_) {
                m[i] = IArtworkShareToken.Lot(0, 0);
                if (free == _LOTS) free = i;
            } else if (m[i].releaseAt == until) {
                unchecked {
                    m[i].amount += uint96(amount);
                }
                return (until, 0, 0, 0);
            }
        }
        if (free != _LOTS) {
            m[free] = IArtworkShareToken.Lot(uint96(amount), until);
            return (until, 0, 0, 0);
        }
        // All lots run, all releases differ from `until`. Among the five releases (index _LOTS = the new
        // one), find the pair with the smallest gap (a earlier, b later, nothing in between).
        uint40[_LOTS + 1] memory r;
        for (uint256 i; i < _LOTS; ++i) {
            r[i] = m[i].releaseAt;
        }
        r[_LOTS] = until;
        (uint256 a, uint256 b) = _closestPair(r);
        unchecked {
            if (a == _LOTS) {
                // The purchase joins the next later lot.
                m[b].amount += uint96(amount);
                return (m[b].releaseAt, amount, until, m[b].releaseAt);
            }
            moved = m[a].amount;
            from_ = m[a].releaseAt;
            if (b == _LOTS) {
                // The lot just before the purchase's release moves to it.
                m[a] = IArtworkShareToken.Lot(uint96(moved + amount), until);
                return (until, moved, from_, until);
            }
            // Two held lots merge into the later one; the purchase takes the freed place.
            m[b].amount += uint96(moved);
            to_ = m[b].releaseAt;
            m[a] = IArtworkShareToken.Lot(uint96(amount), until);
            return (until, moved, from_, to_);
        }
    }

    /// @dev Indexes `a`, `b` of the two distinct releases closest together (r[a] < r[b], none in between; the first
    /// such pair found on a tie).
    function _closestPair(uint40[_LOTS + 1] memory r) private pure returns (uint256 a, uint256 b) {
        uint256 bestGap = type(uint256).max;
        for (uint256 i; i <= _LOTS; ++i) {
            // j = the index of the smallest release above r[i].
            uint256 j = type(uint256).max;
            uint256 rj = type(uint256).max;
            for (uint256 k; k <= _LOTS; ++k) {
                if (r[k] > r[i] && r[k] < rj) (j, rj) = (k, r[k]);
            }
            if (j != type(uint256).max && rj - r[i] < bestGap) (a, b, bestGap) = (i, j, rj - r[i]);
        }
    }

    /// @dev Sorts lots by release, ended lots (release ≤ now) last.
    function _sortLots(IArtworkShareToken.Lot[_LOTS] memory m, uint256 now_) private pure {
        for (uint256 i = 1; i < _LOTS; ++i) {
            IArtworkShareToken.Lot memory x = m[i];
            uint256 kx = x.releaseAt > now_ ? x.releaseAt : type(uint256).max;
            uint256 j = i;
            while (j > 0) {
                IArtworkShareToken.Lot memory y = m[j - 1];
                uint256 ky = y.releaseAt > now_ ? y.releaseAt : type(uint256).max;
                if (ky <= kx) break;
                m[j] = y;
                --j;
            }
            m[j] = x;
        }
    }
    function _running(address predecessor) private view returns (Migration storage m) {
        m = _migrations[predecessor];
        if (m.successor == address(0) || m.finished) revert MigratorNotRunning(predecessor);
    }
}
