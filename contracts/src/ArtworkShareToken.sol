// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";
import {IEnforcementDesk} from "./interfaces/IEnforcementDesk.sol";
import {ILockLots} from "./interfaces/ILockLots.sol";
import "./interfaces/IArtworkShareToken.sol";

/// @title ArtworkShareToken
/// @notice Whole-share (0 decimals) permissioned token for one artwork, deployed as an EIP-1167 clone.
/// @dev Every mint, transfer, forced transfer and burn passes {_update}, which asks {_check} — the same function
/// that backs {canTransfer}. Check order: paused (1), sender frozen (2), receiver frozen (3), unfrozen balance (4),
/// receiver verified (5), country (6), category (7), max holders per investor (8), max balance per investor (9),
/// lock-up (10); before the receiver checks: a plain transfer to the zero address (13), the sender's own
/// verification (11) and country (12), and for a mint the maximum supply (14). Mints skip the sender checks. Once the
/// holders approved a sale of the artwork (the ArtworkSale, an immutable, calls {redeem}) everything is refused with
/// trading ended (15) first, except the sale's redemption burns and recoveries.
/// Forced transfers and burns (agents) skip the pause and all sender checks but keep every receiver check; they
/// consume locked, then frozen shares when the free balance is short.
///
/// Roles: the issuer (owner) holds DEFAULT_ADMIN_ROLE and can grant PAUSER, FREEZER and DOCUMENT locally, never the
/// roles that move, mint or burn other people's shares (ENFORCER, RECOVERY, BURNER, MINTER). The EnforcementDesk (an
/// immutable of the implementation) is the only holder of ENFORCER, RECOVERY and BURNER: there, moving or burning
/// someone's shares takes two different enforcement agents (one proposes, another executes). Every desk agent
/// implicitly holds PAUSER and FREEZER and acts alone (those powers protect). Identity writers (the IdentityRegistry's
/// AGENT_ROLE) hold no power here. The PrimaryOffering singleton (an immutable of the implementation) is the only MINTER, and the owner
/// implicitly holds DEFAULT_ADMIN_ROLE — no role storage is written when a clone is deployed. Minting never exceeds
/// the maximum supply fixed at initialisation. Ownership hands over in two steps.
///
/// Lock-ups per purchase lot: each mint locks its shares until now + `lockupSeconds` in a lot of its own; a wallet
/// keeps at most {MAX_LOCK_LOTS} running lots (ended lots are dropped lazily). When a mint finds them all running, the
/// two lots with the closest releases merge into the LATER of the two (a release only ever moves later, see
/// {LockMerged} and {lockMergePreview}). Lowering `lockupSeconds` never moves an existing release.
///
/// Per-investor accounting: each wallet holding shares remembers the investor id it had when its balance became
/// non-zero; that id is used for the investor balance and holder count until the wallet's balance is zero again,
/// even if the registry relinks the wallet meanwhile (verification always uses the registry's current record).
/// {holderCount} counts those INVESTORS; {holders} pages the holding WALLETS, {holderWalletCount} of them.
///
/// Storage for the hot path: the rules and the holder count share one slot ({Config}); each wallet's balance, freeze
/// flag, frozen amount and lock-up end share one slot ({WalletState}), so a transfer between two holders reads the
/// config, the two wallets, the country bitmap word, the two remembered investor ids and the two investor balances,
/// and makes one registry call for the receiver.
contract ArtworkShareToken is ERC20Upgradeable, AccessControlUpgradeable, IArtworkShareToken {
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice May pause and unpause transfers.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice May freeze wallets and parts of balances.
    bytes32 public constant FREEZER_ROLE = keccak256("FREEZER_ROLE");
    /// @notice May force transfers.
    bytes32 public constant ENFORCER_ROLE = keccak256("ENFORCER_ROLE");
    /// @notice May recover a lost wallet to a new wallet of the same investor.
    bytes32 public constant RECOVERY_ROLE = keccak256("RECOVERY_ROLE");
    /// @notice May mint (primary issuance, locked).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice May burn.
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");
    /// @notice May manage documents (besides the admin).
    bytes32 public constant DOCUMENT_ROLE = keccak256("DOCUMENT_ROLE");

    /// @notice Longest accepted lock-up (100 years), keeps release times within uint40.
    uint64 internal constant MAX_LOCKUP_SECONDS = 100 * 365 days;
    /// @notice Running lock-up lots kept per wallet (more merge into a later release, never an earlier one).
    uint256 internal constant MAX_LOCK_LOTS = 4;

    uint8 private constant _MODE_CHECKED = 0;
    uint8 private constant _MODE_FORCED = 1;
    uint8 private constant _MODE_UNCHECKED = 2;

    /// One storage slot: everything the hot path needs besides the wallets.
    struct Config {
        bool paused;
        uint8 eligibleCategories;
        bool countriesRestricted;
        uint32 maxHolders;
        uint32 lockupSeconds; // ≤ MAX_LOCKUP_SECONDS < 2^32
        uint32 holderCount; // investors with a non-zero balance
        uint96 maxBalancePerInvestor;
        bool initialized;
        bool retired; // for good: see {retire}
        bool sold; // for good: the holders approved a sale of the artwork (see {redeem})
    }

    /// One storage slot per wallet: everything a transfer reads and writes of it. The balance lives here rather than
    /// in ERC20Upgradeable's mapping (see {balanceOf}), so the sender's and the receiver's checks and balance updates
    /// touch one slot each. `lockedUntil` is the latest release of the wallet's lock-up lots ({_lots}), which are read
    /// only while it lies in the future.
    struct WalletState {
        uint96 balance;
        bool frozen;
        uint40 lockedUntil;
        uint96 frozenAmount;
    }

    struct Document {
        string uri;
        bytes32 documentHash;
        uint64 timestamp;
    }

    IIdentityRegistry private immutable _REGISTRY;
    address private immutable _OFFERING;
    address private immutable _DESK;
    address private immutable _MIGRATOR;
    address private immutable _SALE;

    Config private _config;
    address private _owner;
    uint96 private _maxSupply; // packed with _owner: set once in {initialize}, never written again
    string private _name;
    string private _symbol;
    uint256[4] private _countryBitmap; // bit `c` set = ISO country `c` allowed (c ≤ 999)
    mapping(address wallet => WalletState) private _wallets;
    mapping(address wallet => Lot[MAX_LOCK_LOTS]) private _lots;
    uint256 private _supply;
    mapping(address wallet => bytes32 investorId) private _holderInvestor;
    mapping(bytes32 investorId => uint256) private _investorBalance;
    EnumerableSet.AddressSet private _holderWallets;
    string private _metadataURI;
    bytes32 private _metadataHash;
    mapping(bytes32 name => Document) private _documents;
    bytes32[] private _documentNames;
    mapping(bytes32 name => uint256 indexPlusOne) private _documentIndex;
    address private _pendingOwner;
    address private _predecessor; // set at initialisation when this token succeeds a retired one
    bool private _migrating; // while the migrator copies the predecessor's register (see {migrateHolder})
    address private _successor; // set when retired
    /// Set by a recovery: the wallet that received the lost wallet's shares (the market refunds its escrow there).
    mapping(address lostWallet => address newWallet) private _recoveredTo;

    uint8 private transient _mode;

    /// @param registry The platform IdentityRegistry (shared by every clone through this immutable).
    /// @param primaryOffering_ The PrimaryOffering singleton: holds MINTER_ROLE on every clone.
    /// @param desk The EnforcementDesk: the only ENFORCER, RECOVERY and BURNER; its agents are PAUSER and FREEZER.
    /// @param migrator_ The TokenMigrator: retires a paused token for its successor and copies the register into it.
    /// @param sale_ The ArtworkSale: after the holders approved a sale, ends trading and burns redeemed shares.
    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor(IIdentityRegistry registry, address primaryOffering_, address desk, address migrator_, address sale_) {
        _REGISTRY = registry;
        _OFFERING = primaryOffering_;
        _DESK = desk;
        _MIGRATOR = migrator_;
        _SALE = sale_;
        _config.initialized = true; // the implementation itself can never be initialised
    }

    /// @notice Initialises a clone (called by the factory in the deployment transaction).
    /// @dev The one-time guard is a flag packed in the hot config slot rather than OpenZeppelin's Initializable slot,
    /// which saves a fresh storage slot (~22k gas) per clone; name and symbol are kept here for the same reason.
    /// Nothing of ERC20Upgradeable/AccessControlUpgradeable needs an initialiser.
    /// Emits the initial owner, maximum supply, rules and metadata, so that an indexer rebuilds the token from events.
    /// @param owner_ The issuer: {owner}, implicitly DEFAULT_ADMIN_ROLE.
    /// @param name_ ERC-20 name.
    /// @param symbol_ ERC-20 symbol.
    /// @param maxSupply_ The artwork's share count: no mint ever takes the total supply above it (1 .. 2^96 - 1).
    /// @param rules_ Initial compliance rules.
    /// @param metadataURI_ Pointer to the artwork metadata.
    /// @param metadataHash_ Hash of the artwork metadata document.
    /// @param predecessor_ Zero for a new artwork; for a migration (factory's `deploySuccessor`) the retired token
    /// whose register the migrator copies in: the token then starts paused, and until {endMigration} the migrator may
    /// call {migrateHolder} and set freezes — its only powers, bound here and renounced for good at the end.
    function initialize(
        address owner_,
        string memory name_,
        string memory symbol_,
        uint256 maxSupply_,
        Rules calldata rules_,
        string memory metadataURI_,
        bytes32 metadataHash_,
        address predecessor_
    ) external {
        if (_config.initialized) revert ShareAlreadyInitialized();
        if (owner_ == address(0)) revert ShareInvalidWallet(owner_);
        if (maxSupply_ == 0 || maxSupply_ > type(uint96).max) revert ShareInvalidMaxSupply(maxSupply_);
        _config.initialized = true;
        _name = name_;
        _symbol = symbol_;
        _owner = owner_;
        _maxSupply = uint96(maxSupply_);
        emit OwnershipTransferred(address(0), owner_);
        emit MaxSupplySet(maxSupply_);
        _setRules(rules_);
        emit RulesUpdated(rules_);
        _metadataURI = metadataURI_;
        _metadataHash = metadataHash_;
        emit MetadataUpdated(metadataURI_, metadataHash_);
        if (predecessor_ != address(0)) {
            _predecessor = predecessor_;
            _migrating = true;
            _config.paused = true;
            emit Paused(_msgSender());
        }
    }

    // ================================================================ ERC-20 / roles

    /// @notice ERC-20 name.
    function name() public view override returns (string memory) {
        return _name;
    }

    /// @notice ERC-20 symbol.
    function symbol() public view override returns (string memory) {
        return _symbol;
    }

    /// @notice Shares are whole: 0 decimals.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// @notice ERC-20 total supply (always below 2^96).
    function totalSupply() public view override returns (uint256) {
        return _supply;
    }

    /// @notice ERC-20 balance of `account`.
    /// @dev Kept in the wallet's packed slot ({WalletState}) instead of ERC20Upgradeable's `_balances`, which this
    /// contract never writes ({_update} is fully overridden); allowances stay ERC20Upgradeable's.
    function balanceOf(address account) public view override returns (uint256) {
        return _wallets[account].balance;
    }

    /// @notice Local role membership; plus, implicitly: the owner holds DEFAULT_ADMIN_ROLE, the PrimaryOffering holds
    /// MINTER_ROLE, the EnforcementDesk holds ENFORCER, RECOVERY and BURNER, and every desk agent holds PAUSER and
    /// FREEZER. ENFORCER, RECOVERY, BURNER and MINTER are never held locally (see {_grantRole}).
    function hasRole(bytes32 role, address account) public view override returns (bool) {
        if (super.hasRole(role, account)) return true;
        if (role == DEFAULT_ADMIN_ROLE) return account == _owner;
        if (role == MINTER_ROLE) return account == _OFFERING;
        if (role == PAUSER_ROLE || role == FREEZER_ROLE) {
            // The migrator copies a predecessor's freezes while it copies the register (see {migrateHolder}).
            return IEnforcementDesk(_DESK).isAgent(account) || (account == _MIGRATOR && _migrating);
        }
        // Left: ENFORCER, RECOVERY, BURNER (the desk's alone) and DOCUMENT (local only). One comparison keeps the
        // implementation within EIP-170; the desk calls nothing but those three powers (see EnforcementDesk.propose).
        return account == _DESK && role != DOCUMENT_ROLE;
    }

    /// @dev Refuses the roles that move, mint or burn other people's shares: the issuer cannot give them to itself or
    /// anyone (the EnforcementDesk holds ENFORCER, RECOVERY and BURNER, the PrimaryOffering holds MINTER_ROLE).
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        if (role == ENFORCER_ROLE || role == RECOVERY_ROLE || role == BURNER_ROLE || role == MINTER_ROLE) {
            revert ShareRoleNotGrantable(role);
        }
        return super._grantRole(role, account);
    }

    // ================================================================ compliance

    /// @inheritdoc IArtworkShareToken
    function canTransfer(address from, address to, uint256 amount) external view returns (uint8 code) {
        (code,) = _check(from, to, amount, false);
    }

    /// @dev The one compliance function. Returns the reason code and the investor id the receiver's balance is
    /// accounted to (its remembered id when it already holds shares, else its registry id).
    function _check(address from, address to, uint256 value, bool forced)
        internal
        view
        returns (uint8 code, bytes32 toInvestor)
    {
        Config memory c = _config;
        WalletState memory fs;
        bool senderChecks = !forced && from != address(0);
        // A sold token trades no more: the ArtworkSale's redemption burns are its only moves besides recoveries (which
        // skip this check), see {redeem}.
        if (c.sold && !(forced && _isSale(_msgSender()))) return (TRANSFER_TRADING_ENDED, 0);
        // A retired token is paused for good, and not even agents move its shares.
        if (c.retired || (!forced && c.paused)) return (TRANSFER_PAUSED, 0);
        if (senderChecks) {
            fs = _wallets[from];
            if (fs.frozen) return (TRANSFER_SENDER_FROZEN, 0);
        }
        if (to != address(0) && _wallets[to].frozen) return (TRANSFER_RECEIVER_FROZEN, 0);
        if (senderChecks) {
            if (fs.balance < value || fs.balance - value < fs.frozenAmount) {
                return (TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE, 0);
            }
            if (!_senderCheckExempt(to)) {
                code = _checkSender(c, from);
                if (code != TRANSFER_OK) return (code, 0);
            }
        }
        if (to != address(0)) {
            (code, toInvestor) = _checkReceiver(c, from, to, value);
            if (code != TRANSFER_OK) return (code, 0);
        }
        if (senderChecks && fs.lockedUntil > block.timestamp) {
            // balance - value >= frozenAmount was checked above.
            unchecked {
                if (fs.balance - value - fs.frozenAmount < _lockedOf(from, fs.lockedUntil)) {
                    return (TRANSFER_SHARES_LOCKED, 0);
                }
            }
        }
        // Only agents' burns (forced) take shares to the zero address; a checked transfer there always reverts. Said
        // after the sender's own rules, so that {canSend} can ask for those alone.
        if (!forced && to == address(0)) return (TRANSFER_INVALID_RECEIVER, 0);
        return (TRANSFER_OK, toInvestor);
    }

    /// @notice Reason code for `from` sending `amount` shares by the sender's rules alone (pause, freeze, free
    /// balance, the sender's verification and country, lock-up), before any receiver is known: what a seller's ask
    /// needs. 0 = the sender may send; the receiver's rules still apply to the actual transfer.
    function canSend(address from, uint256 amount) external view returns (uint8 code) {
        (code,) = _check(from, address(0), amount, false);
        if (code == TRANSFER_INVALID_RECEIVER) code = TRANSFER_OK;
    }

    /// @dev Sender part of {_check}: an investor who is not verified (unlinked, KYC expired) or whose registered country
    /// the token no longer allows cannot send. Agents' forced transfers, burns and recoveries never come here.
    function _checkSender(Config memory c, address from) private view returns (uint8) {
        (bytes32 regId, uint16 country,, uint64 expiry) = _REGISTRY.identityOf(from);
        if (regId == bytes32(0) || block.timestamp >= expiry) return TRANSFER_SENDER_NOT_VERIFIED;
        if (c.countriesRestricted && (_countryBitmap[country >> 8] >> (country & 0xff)) & 1 == 0) {
            return TRANSFER_SENDER_COUNTRY_NOT_ALLOWED;
        }
        return TRANSFER_OK;
    }

    /// @dev Hook for receivers to which even a sender who is no longer verified may send with its own signature. None
    /// today: a sale's redemption burns through {redeem} (the ArtworkSale decides who may redeem), and agents'
    /// recoveries and forced transfers skip the sender checks already.
    function _senderCheckExempt(address) internal pure returns (bool) {
        return false;
    }

    /// @dev Receiver part of {_check}: verified, country, category, holders, balance per investor.
    function _checkReceiver(Config memory c, address from, address to, uint256 value)
        private
        view
        returns (uint8, bytes32 toInvestor)
    {
        (bytes32 regId, uint16 country, uint8 category, uint64 expiry) = _REGISTRY.identityOf(to);
        if (regId == bytes32(0) || block.timestamp >= expiry) return (TRANSFER_RECEIVER_NOT_VERIFIED, 0);
        if (c.countriesRestricted && (_countryBitmap[country >> 8] >> (country & 0xff)) & 1 == 0) {
            return (TRANSFER_COUNTRY_NOT_ALLOWED, 0);
        }
        if ((uint256(c.eligibleCategories) >> category) & 1 == 0) return (TRANSFER_CATEGORY_NOT_ELIGIBLE, 0);
        toInvestor = _holderInvestor[to];
        if (toInvestor == bytes32(0)) toInvestor = regId;
        if (value == 0) return (TRANSFER_OK, toInvestor);
        bytes32 fromInvestor = from == address(0) ? bytes32(0) : _holderInvestor[from];
        if (fromInvestor == toInvestor) return (TRANSFER_OK, toInvestor);
        uint256 toInvestorBalance = _investorBalance[toInvestor];
        if (toInvestorBalance == 0 && c.maxHolders != 0 && c.holderCount >= c.maxHolders) {
            // A sender investor leaving completely frees its seat.
            if (fromInvestor == bytes32(0) || _investorBalance[fromInvestor] != value) {
                return (TRANSFER_MAX_HOLDERS_REACHED, 0);
            }
        }
        uint256 maxBal = c.maxBalancePerInvestor;
        if (maxBal != 0 && (value > maxBal || toInvestorBalance > maxBal - value)) {
            return (TRANSFER_MAX_BALANCE_EXCEEDED, 0);
        }
        return (TRANSFER_OK, toInvestor);
    }

    /// @dev Single hook for every balance change: compliance, then the ERC-20 balances (kept in the wallets' packed
    /// slots, see {balanceOf}), then per-investor accounting.
    function _update(address from, address to, uint256 value) internal override {
        uint8 mode = _mode;
        bytes32 toInvestor;
        if (mode == _MODE_UNCHECKED) {
            // A recovery on a retired token (a migration's copy only mints into its successor, never retired).
            if (_config.retired) revert ShareRetired(_successor);
            if (to != address(0)) {
                toInvestor = _holderInvestor[to];
                if (toInvestor == bytes32(0)) toInvestor = _REGISTRY.investorOf(to);
            }
        } else {
            uint8 code;
            (code, toInvestor) = _check(from, to, value, mode == _MODE_FORCED);
            if (code != TRANSFER_OK) revert ShareTransferRefused(code);
        }
        (uint256 fromAfter, uint256 toBefore) = _moveBalance(from, to, value);
        if (value == 0) return;

        // A wallet has a remembered investor id exactly while its balance is non-zero. Here `from` held `value` > 0,
        // so its id is non-zero; `toInvestor` is already the id `to` is accounted to (its remembered id when it held
        // shares, else its registry id, see {_check}), non-zero whenever `to` is.
        bytes32 fromInvestor;
        if (from != address(0)) {
            fromInvestor = _holderInvestor[from];
            if (fromAfter == 0) {
                delete _holderInvestor[from];
                _holderWallets.remove(from);
            }
            // A recovery (unchecked) resets the lost wallet itself, see {_recover}.
            if (mode == _MODE_FORCED) _trimRestrictions(from);
        }
        if (to != address(0) && toBefore == 0) {
            _holderInvestor[to] = toInvestor;
            _holderWallets.add(to);
        }
        // Between two wallets accounted to one investor, its balance and the holder count stay the same.
        if (fromInvestor == toInvestor) return;

        bool leaves; // the sending investor's balance drops to zero
        bool joins; // the receiving investor held nothing
        if (from != address(0)) {
            uint256 remaining = _investorBalance[fromInvestor] - value;
            _investorBalance[fromInvestor] = remaining;
            leaves = remaining == 0;
        }
        if (to != address(0)) {
            uint256 held = _investorBalance[toInvestor];
            joins = held == 0;
            _investorBalance[toInvestor] = held + value;
        }
        // The holder count changes only when one investor leaves without another joining, or the reverse. A leaving
        // investor held `value` > 0, so it was counted; the count is bounded by the number of distinct investors
        // (far below 2^32).
        if (leaves != joins) {
            unchecked {
                if (leaves) --_config.holderCount;
                else ++_config.holderCount;
            }
        }
    }

    /// @dev The ERC-20 part of {_update}: balances in the wallets' packed slots, total supply, Transfer event.
    /// Returns the sender's balance after and the receiver's balance before (0 for the zero address).
    function _moveBalance(address from, address to, uint256 value)
        private
        returns (uint256 fromAfter, uint256 toBefore)
    {
        if (from == address(0)) {
            uint256 supply = _supply + value;
            // {_mintLocked} refuses this first; kept here so that no balance can ever exceed uint96.
            if (supply > type(uint96).max) revert ShareSupplyOverflow(supply);
            _supply = supply;
        } else {
            WalletState storage f = _wallets[from];
            uint256 fromBalance = f.balance;
            if (fromBalance < value) revert ERC20InsufficientBalance(from, fromBalance, value);
            // value ≤ fromBalance < 2^96.
            unchecked {
                fromAfter = fromBalance - value;
            }
            f.balance = uint96(fromAfter);
        }
        if (to == address(0)) {
            // value ≤ the sender's balance ≤ total supply.
            unchecked {
                _supply -= value;
            }
        } else {
            // Every balance is part of the total supply, which stays below 2^96 (checked on mint), so neither the
            // cast nor the sum can overflow.
            WalletState storage t = _wallets[to];
            toBefore = t.balance;
            unchecked {
                t.balance = uint96(toBefore + value);
            }
        }
        emit Transfer(from, to, value);
    }

    /// @dev After a forced transfer or burn, keep locked + frozen ≤ balance: consume locked shares first (the lots
    /// released soonest first, so what stays keeps the longest lock; {LockConsumed} per lot), then frozen.
    function _trimRestrictions(address wallet) private {
        WalletState storage s = _wallets[wallet];
        uint256 balance = s.balance;
        uint256 frozenAmount = s.frozenAmount;
        uint256 locked = _lockedOf(wallet, s.lockedUntil);
        uint256 restricted = frozenAmount + locked;
        if (restricted <= balance) return;
        uint256 excess = restricted - balance;
        uint256 fromLocked = excess < locked ? excess : locked;
        if (fromLocked != 0) _consumeLots(wallet, s, fromLocked);
        // fromLocked ≤ locked and ≤ excess by construction; the remaining excess ≤ frozenAmount since
        // frozenAmount + locked - balance = excess and balance ≥ 0.
        unchecked {
            excess -= fromLocked;
            if (excess != 0) s.frozenAmount = uint96(frozenAmount - excess);
        }
        if (excess != 0) emit SharesUnfrozen(wallet, excess, _msgSender());
    }

    /// @dev Takes `amount` (≤ the running locked total) out of `wallet`'s running lots, soonest release first.
    function _consumeLots(address wallet, WalletState storage s, uint256 amount) private {
        (Lot[MAX_LOCK_LOTS] memory m, Lot[MAX_LOCK_LOTS] memory taken) =
            ILockLots(_MIGRATOR).consumeLots(_lots[wallet], amount, block.timestamp);
        for (uint256 i; i < MAX_LOCK_LOTS && taken[i].amount != 0; ++i) {
            emit LockConsumed(wallet, taken[i].amount, taken[i].releaseAt, _msgSender());
        }
        _storeLots(wallet, s, m);
    }

    // ================================================================ agent actions

    /// @notice Pauses all transfers and mints (not forced transfers or burns). PAUSER_ROLE.
    function pause() external onlyRole(PAUSER_ROLE) {
        if (_config.paused) revert SharePausedState(true);
        _config.paused = true;
        emit Paused(_msgSender());
    }

    /// @notice Unpauses. PAUSER_ROLE.
    function unpause() external onlyRole(PAUSER_ROLE) {
        if (!_config.paused) revert SharePausedState(false);
        // A retired token stays refused by {_check} whatever its pause flag says.
        if (_migrating) revert ShareMigrating(_predecessor);
        _config.paused = false;
        emit Unpaused(_msgSender());
    }

    /// @notice Freezes or unfreezes a whole wallet (sending and receiving). FREEZER_ROLE.
    function setWalletFrozen(address wallet, bool frozen) external onlyRole(FREEZER_ROLE) {
        _setWalletFrozen(wallet, frozen);
    }

    /// @notice Batch form of {setWalletFrozen}. FREEZER_ROLE.
    function batchSetWalletFrozen(address[] calldata wallets, bool[] calldata frozen) external onlyRole(FREEZER_ROLE) {
        if (wallets.length != frozen.length) revert ShareArrayLengthMismatch();
        for (uint256 i; i < wallets.length; ++i) {
            _setWalletFrozen(wallets[i], frozen[i]);
        }
    }

    /// @notice Freezes `amount` more shares of `wallet` (frozen total ≤ balance). FREEZER_ROLE.
    function freezePartialShares(address wallet, uint256 amount) external onlyRole(FREEZER_ROLE) {
        _freezePartial(wallet, amount);
    }

    /// @notice Batch form of {freezePartialShares}. FREEZER_ROLE.
    function batchFreezePartialShares(address[] calldata wallets, uint256[] calldata amounts)
        external
        onlyRole(FREEZER_ROLE)
    {
        if (wallets.length != amounts.length) revert ShareArrayLengthMismatch();
        for (uint256 i; i < wallets.length; ++i) {
            _freezePartial(wallets[i], amounts[i]);
        }
    }

    /// @notice Releases `amount` frozen shares of `wallet`. FREEZER_ROLE.
    function unfreezePartialShares(address wallet, uint256 amount) external onlyRole(FREEZER_ROLE) {
        _unfreezePartial(wallet, amount);
    }

    /// @notice Batch form of {unfreezePartialShares}. FREEZER_ROLE.
    function batchUnfreezePartialShares(address[] calldata wallets, uint256[] calldata amounts)
        external
        onlyRole(FREEZER_ROLE)
    {
        if (wallets.length != amounts.length) revert ShareArrayLengthMismatch();
        for (uint256 i; i < wallets.length; ++i) {
            _unfreezePartial(wallets[i], amounts[i]);
        }
    }

    /// @notice Moves shares without the sender's consent, ignoring pause, sender freeze and lock-up; every receiver
    /// rule still applies. Consumes locked, then frozen shares when needed. ENFORCER_ROLE.
    function forcedTransfer(address from, address to, uint256 amount) external onlyRole(ENFORCER_ROLE) {
        _forcedTransfer(from, to, amount);
    }

    /// @notice Batch form of {forcedTransfer}. ENFORCER_ROLE.
    function batchForcedTransfer(address[] calldata from, address[] calldata to, uint256[] calldata amounts)
        external
        onlyRole(ENFORCER_ROLE)
    {
        if (from.length != to.length || from.length != amounts.length) revert ShareArrayLengthMismatch();
        for (uint256 i; i < from.length; ++i) {
            _forcedTransfer(from[i], to[i], amounts[i]);
        }
    }

    /// @notice Moves the whole balance, freeze flag, frozen amount and lock-up of `lostWallet` to `newWallet`, which
    /// must be verified and linked in the registry to the same investor. RECOVERY_ROLE.
    function recoverWallet(address lostWallet, address newWallet) external onlyRole(RECOVERY_ROLE) {
        _recover(lostWallet, newWallet);
    }

    /// @notice Batch form of {recoverWallet}: recovers `lostWallets[i]` to `newWallets[i]`. RECOVERY_ROLE.
    function batchRecoverWallet(address[] calldata lostWallets, address[] calldata newWallets)
        external
        onlyRole(RECOVERY_ROLE)
    {
        if (lostWallets.length != newWallets.length) revert ShareArrayLengthMismatch();
        for (uint256 i; i < lostWallets.length; ++i) {
            _recover(lostWallets[i], newWallets[i]);
        }
    }

    /// @inheritdoc IArtworkShareToken
    /// @dev Receiver rules apply (pause, receiver frozen, verified, country, category, holders, balance). The minted
    /// shares are locked: the wallet's locked amount grows by `amount` and its release time moves to now + lockup,
    /// so a later purchase never releases an earlier one early.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mintLocked(to, amount);
    }

    /// @notice Burns shares of `from`, ignoring pause, freeze and lock-up (consumes locked, then frozen). BURNER_ROLE.
    function burn(address from, uint256 amount) external onlyRole(BURNER_ROLE) {
        _burnForced(from, amount);
    }

    /// @notice Batch form of {burn}: burns `amounts[i]` shares of `from[i]`. BURNER_ROLE.
    function batchBurn(address[] calldata from, uint256[] calldata amounts) external onlyRole(BURNER_ROLE) {
        if (from.length != amounts.length) revert ShareArrayLengthMismatch();
        for (uint256 i; i < from.length; ++i) {
            _burnForced(from[i], amounts[i]);
        }
    }

    // ================================================================ issuer actions

    /// @notice Replaces the compliance rules. DEFAULT_ADMIN_ROLE.
    function setRules(Rules calldata rules_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setRules(rules_);
        emit RulesUpdated(rules_);
    }

    /// @notice Sets the artwork metadata pointer. DEFAULT_ADMIN_ROLE.
    function setMetadata(string calldata uri, bytes32 metadataHash_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _metadataURI = uri;
        _metadataHash = metadataHash_;
        emit MetadataUpdated(uri, metadataHash_);
    }

    /// @notice ERC-1643: adds or replaces a document. DEFAULT_ADMIN_ROLE or DOCUMENT_ROLE.
    function setDocument(bytes32 docName, string calldata uri, bytes32 documentHash) external {
        _checkDocumentManager();
        if (docName == bytes32(0) || bytes(uri).length == 0) revert ShareInvalidDocument(docName);
        if (_documentIndex[docName] == 0) {
            _documentNames.push(docName);
            _documentIndex[docName] = _documentNames.length;
        }
        _documents[docName] = Document({uri: uri, documentHash: documentHash, timestamp: uint64(block.timestamp)});
        emit DocumentUpdated(docName, uri, documentHash);
    }

    /// @notice ERC-1643: removes a document. DEFAULT_ADMIN_ROLE or DOCUMENT_ROLE.
    function removeDocument(bytes32 docName) external {
        _checkDocumentManager();
        uint256 indexPlusOne = _documentIndex[docName];
        if (indexPlusOne == 0) revert ShareDocumentNotFound(docName);
        Document memory doc = _documents[docName];
        uint256 last = _documentNames.length - 1;
        // indexPlusOne ≥ 1 because the document exists.
        unchecked {
            if (indexPlusOne - 1 != last) {
                bytes32 moved = _documentNames[last];
                _documentNames[indexPlusOne - 1] = moved;
                _documentIndex[moved] = indexPlusOne;
            }
        }
        _documentNames.pop();
        delete _documentIndex[docName];
        delete _documents[docName];
        emit DocumentRemoved(docName, doc.uri, doc.documentHash);
    }

    // ================================================================ sale (ArtworkSale only)

    /// @notice A sale of the artwork its holders approved: the first call ends trading for good — from then on no
    /// transfer, mint, forced transfer or agent's burn succeeds (reason {TRANSFER_TRADING_ENDED}); a recovery still
    /// moves a lost wallet's shares to its investor's new wallet, which redeems them. Each call then burns the whole
    /// balance of `holder` (none for the zero address, the call that ends trading), consuming its lock-up lots, and
    /// returns it: the sale pays the holder. ArtworkSale only, which calls it when it finalises an approved sale and
    /// for each redemption.
    function redeem(address holder) external returns (uint256 amount) {
        if (!_isSale(msg.sender)) revert ShareNotSale(msg.sender);
        _config.sold = true;
        if (holder != address(0)) {
            amount = _wallets[holder].balance;
            _burnForced(holder, amount);
        }
    }

    function _isSale(address account) private view returns (bool) {
        return account == _SALE;
    }

    // ================================================================ migration (TokenMigrator only)

    /// @notice Retires this paused token for good in favour of `successor_`: no transfer, mint, forced transfer, burn or
    /// recovery ever succeeds on it again (whatever its pause flag), and {migration} names the successor. Freeze flags
    /// may still be set but move nothing. TokenMigrator only (which retires a paused token of the factory, in favour of
    /// the successor the factory just cloned for it).
    function retire(address successor_) external {
        _onlyMigrator(false); // which retires only a paused token
        _config.retired = true;
        _successor = successor_;
        emit Retired(successor_);
    }

    /// @notice Copies one lock-up lot (or the unlocked part, `releaseAt` 0) of a holder of the retired predecessor:
    /// mints `amount` to `to`, accounted to `investorId` (the predecessor's), locked until the lot's unchanged
    /// release, whatever the rules, pause or freezes say (a copy, not a transfer). The holder's wallet freeze and
    /// partly frozen shares follow through {setWalletFrozen} and {freezePartialShares}, which the migrator may call
    /// while copying. TokenMigrator only, and only between initialisation as a successor and {endMigration}; the
    /// maximum supply still holds. Emits Transfer and SharesMinted, as a purchase does.
    function migrateHolder(address to, bytes32 investorId, uint256 amount, uint40 releaseAt) external {
        _onlyMigrator(true);
        _holderInvestor[to] = investorId;
        _mode = _MODE_UNCHECKED;
        _mintUntil(to, amount, releaseAt);
        _mode = _MODE_CHECKED;
    }

    /// @notice Ends the copy for good: the migrator holds no power on this token any more (the TokenMigrator emits
    /// MigrationFinished). TokenMigrator only, once the copied supply equals the predecessor's.
    function endMigration() external {
        _onlyMigrator(true);
        _migrating = false;
    }

    /// @notice The token this one succeeds (zero if none), its successor once retired (zero while live), and whether
    /// the migrator is still copying the predecessor's register into it.
    function migration() external view returns (address predecessor, address successor, bool migrating) {
        return (_predecessor, _successor, _migrating);
    }

    function _onlyMigrator(bool copying) private view {
        if (_msgSender() != _MIGRATOR || (copying && !_migrating)) revert ShareNotMigrator(_msgSender());
    }


    // ================================================================ views

    /// @notice ERC-1643: a document's uri, content hash and last-modified time.
    function getDocument(bytes32 docName) external view returns (string memory uri, bytes32 documentHash, uint256 timestamp) {
        Document storage doc = _documents[docName];
        return (doc.uri, doc.documentHash, doc.timestamp);
    }

    /// @notice ERC-1643: every document name.
    function getAllDocuments() external view returns (bytes32[] memory) {
        return _documentNames;
    }

    /// @notice The issuer. Always holds DEFAULT_ADMIN_ROLE (implicitly, cannot be revoked; transfer instead).
    function owner() external view returns (address) {
        return _owner;
    }

    /// @notice Offers the token to a new issuer, who takes it over with {acceptOwnership}; until then the current owner
    /// stays in charge and may offer it to someone else instead. Owner only.
    function transferOwnership(address newOwner) external {
        address previous = _owner;
        if (_msgSender() != previous) revert AccessControlUnauthorizedAccount(_msgSender(), DEFAULT_ADMIN_ROLE);
        if (newOwner == address(0)) revert ShareInvalidWallet(newOwner);
        _pendingOwner = newOwner;
        emit OwnershipTransferStarted(previous, newOwner);
    }

    /// @notice Takes over the token offered by {transferOwnership}. Pending owner only.
    function acceptOwnership() external {
        address sender = _msgSender();
        if (sender != _pendingOwner) revert ShareNotPendingOwner(sender);
        address previous = _owner;
        _owner = sender;
        delete _pendingOwner;
        emit OwnershipTransferred(previous, sender);
    }

    /// @notice The address offered the token by {transferOwnership} and not yet accepted (zero when none).
    function pendingOwner() external view returns (address) {
        return _pendingOwner;
    }

    /// @notice The immutable maximum supply (the artwork's share count) that minting never exceeds.
    function maxSupply() external view returns (uint256) {
        return _maxSupply;
    }

    /// @notice The PrimaryOffering singleton (implicit MINTER_ROLE).
    function primaryOffering() external view returns (address) {
        return _OFFERING;
    }

    /// @notice The TokenMigrator (retires this token for a successor; copies a predecessor's register in).
    function migrator() external view returns (address) {
        return _MIGRATOR;
    }

    /// @notice The platform identity registry.
    function identityRegistry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @notice The current compliance rules (allowed countries in ascending order).
    function rules() external view returns (Rules memory r) {
        Config memory c = _config;
        if (c.countriesRestricted) r.allowedCountries = ILockLots(_MIGRATOR).countries(_countryBitmap);
        r.eligibleCategories = c.eligibleCategories;
        r.maxHolders = c.maxHolders;
        r.maxBalancePerInvestor = c.maxBalancePerInvestor;
        r.lockupSeconds = c.lockupSeconds;
    }

    /// @notice Pointer to the artwork metadata.
    function metadataURI() external view returns (string memory) {
        return _metadataURI;
    }

    /// @notice Hash of the artwork metadata document.
    function metadataHash() external view returns (bytes32) {
        return _metadataHash;
    }

    /// @notice True when paused.
    function paused() external view returns (bool) {
        return _config.paused;
    }

    /// @notice Number of INVESTORS with a non-zero balance (several wallets of one investor count once). This is
    /// the figure the `maxHolders` rule caps. It is NOT the length of {holders}, which lists wallets: page {holders}
    /// with {holderWalletCount}.
    function holderCount() external view returns (uint256) {
        return _config.holderCount;
    }

    /// @notice Number of WALLETS with a non-zero balance: the length of the list that {holders} pages. At least
    /// {holderCount} (an investor may hold through several wallets).
    function holderWalletCount() external view returns (uint256) {
        return _holderWallets.length();
    }

    /// @notice Page of WALLETS (not investors) with a non-zero balance: entries `[offset, offset + limit)` of a list
    /// of {holderWalletCount} wallets; map a wallet to its investor with {holderInvestorOf}. The order changes when
    /// a wallet's balance drops to zero (the last entry moves into its place), so read a consistent register at one
    /// block.
    function holders(uint256 offset, uint256 limit) external view returns (address[] memory) {
        uint256 len = _holderWallets.length();
        if (offset >= len) return new address[](0);
        uint256 end = len - offset > limit ? offset + limit : len;
        return _holderWallets.values(offset, end);
    }

    /// @notice Shares held by an investor across all wallets accounted to it.
    function investorBalanceOf(bytes32 investorId) external view returns (uint256) {
        return _investorBalance[investorId];
    }

    /// @notice Investor id a holding wallet's balance is accounted to (zero when the wallet holds nothing).
    function holderInvestorOf(address wallet) external view returns (bytes32) {
        return _holderInvestor[wallet];
    }

    /// @notice The wallet a recovery moved `lostWallet` to on this token (zero when it was never recovered).
    function recoveredTo(address lostWallet) external view returns (address) {
        return _recoveredTo[lostWallet];
    }

    /// @notice Freeze flag, frozen amount and lock-up of a wallet (lockedAmount is 0 once the lock-up ended).
    function walletState(address wallet)
        external
        view
        returns (bool frozen, uint256 frozenAmount, uint256 lockedAmount, uint64 lockedUntil)
    {
        WalletState memory s = _wallets[wallet];
        bool active = s.lockedUntil > block.timestamp;
        return (s.frozen, s.frozenAmount, _lockedOf(wallet, s.lockedUntil), active ? s.lockedUntil : 0);
    }

    /// @notice The wallet's running lock-up lots, soonest release first: `amounts[i]` shares are locked until
    /// `releases[i]`. At most {MAX_LOCK_LOTS}.
    /// @dev The migrator's answer is returned as it is (no decoding and re-encoding of the two arrays here: it keeps
    /// this contract within EIP-170).
    function lockLots(address wallet) external view returns (uint256[] memory, uint64[] memory) {
        (bool ok, bytes memory ret) =
            _MIGRATOR.staticcall(abi.encodeCall(ILockLots.runningLots, (_lots[wallet], block.timestamp)));
        assembly ("memory-safe") {
            switch ok
            case 0 { revert(add(ret, 32), mload(ret)) }
            default { return(add(ret, 32), mload(ret)) }
        }
    }

    /// @notice What a purchase minted to `to` now would do to its lock-ups, to be shown before signing. With fewer
    /// than {MAX_LOCK_LOTS} running lots (or no lock-up) nothing merges: `merges` is false and the purchase gets its
    /// own release at now + `lockupSeconds`. Otherwise two lots merge into the later release: when
    /// `purchaseMoves` the shares being bought are locked until `toRelease` instead of `fromRelease`; else
    /// `movedAmount` shares already held move from `fromRelease` to `toRelease` (always later).
    /// @dev Evaluated at the current block's time; a purchase mined later can only find fewer lots running.
    function lockMergePreview(address to)
        external
        view
        returns (bool merges, bool purchaseMoves, uint256 movedAmount, uint64 fromRelease, uint64 toRelease)
    {
        return ILockLots(_MIGRATOR).mergePreview(_lots[to], _config.lockupSeconds, block.timestamp);
    }

    /// @notice True when the wallet is frozen.
    function isFrozen(address wallet) external view returns (bool) {
        return _wallets[wallet].frozen;
    }

    /// @notice Partially frozen shares of a wallet.
    function frozenShares(address wallet) external view returns (uint256) {
        return _wallets[wallet].frozenAmount;
    }

    /// @notice Shares a wallet can transfer now (0 when the wallet is frozen).
    function freeBalanceOf(address wallet) external view returns (uint256) {
        WalletState memory s = _wallets[wallet];
        if (s.frozen) return 0;
        uint256 restricted = uint256(s.frozenAmount) + _lockedOf(wallet, s.lockedUntil);
        return s.balance > restricted ? s.balance - restricted : 0;
    }

    // ================================================================ internals

    function _checkDocumentManager() private view {
        address sender = _msgSender();
        if (!hasRole(DOCUMENT_ROLE, sender) && !hasRole(DEFAULT_ADMIN_ROLE, sender)) {
            revert AccessControlUnauthorizedAccount(sender, DOCUMENT_ROLE);
        }
    }

    function _setRules(Rules calldata r) private {
        uint8 cats = r.eligibleCategories;
        if (cats == 0 || cats & ~uint8(0x0E) != 0) revert ShareInvalidRules();
        if (r.maxBalancePerInvestor > type(uint96).max || r.lockupSeconds > MAX_LOCKUP_SECONDS) {
            revert ShareInvalidRules();
        }
        uint256 n = r.allowedCountries.length;
        uint256[4] memory bitmap;
        for (uint256 i; i < n; ++i) {
            uint16 country = r.allowedCountries[i];
            if (country == 0 || country > 999) revert ShareInvalidRules();
            bitmap[country >> 8] |= uint256(1) << (country & 0xff);
        }
        // While unrestricted the bitmap is all zero, so only non-zero words need writing (a fresh clone writes just
        // the words it uses); otherwise rewrite every word that changes.
        bool wasRestricted = _config.countriesRestricted;
        for (uint256 w; w < 4; ++w) {
            if (wasRestricted ? _countryBitmap[w] != bitmap[w] : bitmap[w] != 0) _countryBitmap[w] = bitmap[w];
        }
        Config storage c = _config;
        c.eligibleCategories = cats;
        c.countriesRestricted = n != 0;
        c.maxHolders = r.maxHolders;
        c.maxBalancePerInvestor = uint96(r.maxBalancePerInvestor);
        c.lockupSeconds = uint32(r.lockupSeconds);
    }

    function _setWalletFrozen(address wallet, bool frozen) private {
        _wallets[wallet].frozen = frozen;
        emit WalletFrozenSet(wallet, frozen, _msgSender());
    }

    function _freezePartial(address wallet, uint256 amount) private {
        WalletState storage s = _wallets[wallet];
        uint256 balance = s.balance;
        uint256 frozenAfter = uint256(s.frozenAmount) + amount;
        if (amount > balance || frozenAfter > balance) revert ShareFreezeExceedsBalance(wallet, balance, frozenAfter);
        // frozenAfter ≤ balance ≤ total supply < 2^96.
        s.frozenAmount = uint96(frozenAfter);
        emit SharesFrozen(wallet, amount, _msgSender());
    }

    function _unfreezePartial(address wallet, uint256 amount) private {
        WalletState storage s = _wallets[wallet];
        uint256 frozen = s.frozenAmount;
        if (amount > frozen) revert ShareUnfreezeExceedsFrozen(wallet, frozen, amount);
        // amount ≤ frozen < 2^96.
        unchecked {
            s.frozenAmount = uint96(frozen - amount);
        }
        emit SharesUnfrozen(wallet, amount, _msgSender());
    }

    function _forcedTransfer(address from, address to, uint256 amount) private {
        _mode = _MODE_FORCED;
        _transfer(from, to, amount);
        _mode = _MODE_CHECKED;
        emit ForcedTransferred(from, to, amount, _msgSender());
    }

    function _burnForced(address from, uint256 amount) private {
        _mode = _MODE_FORCED;
        _burn(from, amount);
        _mode = _MODE_CHECKED;
        emit SharesBurned(from, amount, _msgSender());
    }

    function _recover(address lostWallet, address newWallet) private {
        if (newWallet == address(0) || newWallet == lostWallet) revert ShareInvalidWallet(newWallet);
        WalletState memory lost = _wallets[lostWallet];
        uint256 amount = lost.balance;
        bytes32 expected = amount != 0 ? _holderInvestor[lostWallet] : _REGISTRY.investorOf(lostWallet);
        (bytes32 actual,,, uint64 expiry) = _REGISTRY.identityOf(newWallet);
        if (expected == bytes32(0) || actual != expected) {
            revert ShareRecoveryInvestorMismatch(lostWallet, newWallet, expected, actual);
        }
        if (block.timestamp >= expiry) revert ShareRecoveryWalletNotVerified(newWallet);

        Lot[MAX_LOCK_LOTS] memory lostLots = _lots[lostWallet];
        _mode = _MODE_UNCHECKED;
        _transfer(lostWallet, newWallet, amount);
        _mode = _MODE_CHECKED;

        address agent = _msgSender();
        // Freeze state moves with the shares.
        WalletState storage next = _wallets[newWallet]; // balance already includes the recovered shares
        if (lost.frozen || lost.frozenAmount != 0) {
            if (lost.frozen && !next.frozen) {
                next.frozen = true;
                emit WalletFrozenSet(newWallet, true, agent);
            }
            next.frozenAmount += lost.frozenAmount;
            emit FreezeMoved(lostWallet, newWallet, lost.frozen, lost.frozenAmount);
        }
        // Every running lot keeps its release (merging, if needed, only into later releases).
        if (lost.lockedUntil > block.timestamp) {
            Lot[MAX_LOCK_LOTS] memory from_ = lostLots;
            Lot[MAX_LOCK_LOTS] memory into = _lots[newWallet];
            for (uint256 i; i < MAX_LOCK_LOTS; ++i) {
                if (from_[i].releaseAt > block.timestamp) {
                    // Moved first, then (if needed) merged on the new wallet: events replay in this order.
                    emit LockMoved(lostWallet, newWallet, from_[i].amount, from_[i].releaseAt);
                    _placeLotEmitting(newWallet, into, from_[i].amount, from_[i].releaseAt);
                }
            }
            _storeLots(newWallet, next, into);
        }
        delete _lots[lostWallet];
        // The lost wallet ends empty and frozen: it can neither send nor receive (the registry unlinks it).
        _wallets[lostWallet] = WalletState({balance: 0, frozen: true, lockedUntil: 0, frozenAmount: 0});
        _recoveredTo[lostWallet] = newWallet;
        if (!lost.frozen) emit WalletFrozenSet(lostWallet, true, agent);
        emit WalletRecovered(lostWallet, newWallet, expected, amount, agent);
    }

    /// @dev A purchase: locked until now + `lockupSeconds` (not at all without a lock-up).
    function _mintLocked(address to, uint256 amount) private {
        uint64 lockup = _config.lockupSeconds;
        // lockup ≤ MAX_LOCKUP_SECONDS, so now + lockup fits uint40 for millennia.
        _mintUntil(to, amount, lockup == 0 ? 0 : uint40(block.timestamp + lockup));
    }

    /// @dev Mints `amount` locked until `until` (0: unlocked) in a lot of its own (see {_placeLot}), within the
    /// maximum supply.
    function _mintUntil(address to, uint256 amount, uint40 until) private {
        uint256 supply = _supply;
        uint256 maxSupply_ = _maxSupply;
        // supply ≤ maxSupply always (≤ 2^96 - 1), so neither side overflows.
        if (amount > maxSupply_ - supply) revert ShareMaxSupplyExceeded(maxSupply_, supply + amount);
        _mint(to, amount);
        uint40 release;
        if (until != 0 && amount != 0) {
            Lot[MAX_LOCK_LOTS] memory m = _lots[to];
            release = _placeLotEmitting(to, m, amount, until);
            _storeLots(to, _wallets[to], m);
        }
        emit SharesMinted(to, amount, release, _msgSender());
    }

    // ================================================================ lock-up lots

    /// @dev Shares of `wallet` still locked: the sum of its running lots (0 without reading them when the latest
    /// release `lockedUntil` has passed).
    function _lockedOf(address wallet, uint40 lockedUntil) private view returns (uint256 locked) {
        if (lockedUntil <= block.timestamp) return 0;
        Lot[MAX_LOCK_LOTS] storage lots = _lots[wallet];
        for (uint256 i; i < MAX_LOCK_LOTS; ++i) {
            Lot memory l = lots[i];
            if (l.releaseAt > block.timestamp) locked += l.amount;
        }
    }

    /// @dev Places `amount` shares released at `until` into the lots `m` (in memory), by the arithmetic that lives in the
    /// TokenMigrator to keep this contract within EIP-170 (see {ILockLots-placeLot}).
    function _placeLot(Lot[MAX_LOCK_LOTS] memory m, uint256 amount, uint40 until)
        private
        view
        returns (uint40 release, uint256 moved, uint40 from_, uint40 to_)
    {
        Lot[MAX_LOCK_LOTS] memory placed;
        (placed, release, moved, from_, to_) = ILockLots(_MIGRATOR).placeLot(m, amount, until, block.timestamp);
        for (uint256 i; i < MAX_LOCK_LOTS; ++i) {
            m[i] = placed[i];
        }
    }

    /// @dev {_placeLot}, emitting {LockMerged} when shares moved to a later release.
    function _placeLotEmitting(address wallet, Lot[MAX_LOCK_LOTS] memory m, uint256 amount, uint40 until)
        private
        returns (uint40 release)
    {
        uint256 moved;
        uint40 from_;
        uint40 to_;
        (release, moved, from_, to_) = _placeLot(m, amount, until);
        if (from_ != 0) emit LockMerged(wallet, moved, from_, to_);
    }

    /// @dev Writes the lots back (unchanged slots cost a warm no-op write) and the wallet's latest release.
    function _storeLots(address wallet, WalletState storage s, Lot[MAX_LOCK_LOTS] memory m) private {
        Lot[MAX_LOCK_LOTS] storage lots = _lots[wallet];
        uint40 latest;
        for (uint256 i; i < MAX_LOCK_LOTS; ++i) {
            lots[i] = m[i];
            if (m[i].releaseAt > latest) latest = m[i].releaseAt;
        }
        s.lockedUntil = latest;
    }


}
