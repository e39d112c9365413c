// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

// Reason codes returned by {IArtworkShareToken-canTransfer} and carried by {IArtworkShareToken-ShareTransferRefused}.
uint8 constant TRANSFER_OK = 0;
uint8 constant TRANSFER_PAUSED = 1;
uint8 constant TRANSFER_SENDER_FROZEN = 2;
uint8 constant TRANSFER_RECEIVER_FROZEN = 3;
uint8 constant TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE = 4;
uint8 constant TRANSFER_RECEIVER_NOT_VERIFIED = 5;
uint8 constant TRANSFER_COUNTRY_NOT_ALLOWED = 6;
uint8 constant TRANSFER_CATEGORY_NOT_ELIGIBLE = 7;
uint8 constant TRANSFER_MAX_HOLDERS_REACHED = 8;
uint8 constant TRANSFER_MAX_BALANCE_EXCEEDED = 9;
uint8 constant TRANSFER_SHARES_LOCKED = 10;
uint8 constant TRANSFER_SENDER_NOT_VERIFIED = 11;
uint8 constant TRANSFER_SENDER_COUNTRY_NOT_ALLOWED = 12;
uint8 constant TRANSFER_INVALID_RECEIVER = 13;
uint8 constant TRANSFER_MAX_SUPPLY_EXCEEDED = 14;
uint8 constant TRANSFER_TRADING_ENDED = 15;

/// @title IArtworkShareToken
/// @notice Permissioned share token of one artwork (0 decimals). Every balance change passes one compliance hook.
interface IArtworkShareToken {
    /// @notice Compliance rules of one token.
    /// @param allowedCountries ISO 3166 numeric codes (1..999) allowed to receive shares; empty = any country.
    /// @param eligibleCategories Bitmask of eligible investor categories: bit `1 << category` (retail 1 → 0x02,
    ///        professional 2 → 0x04, institutional 3 → 0x08). Must be a non-empty subset of 0x0E.
    /// @param maxHolders Maximum number of INVESTORS with a non-zero balance; 0 = unlimited.
    /// @param maxBalancePerInvestor Maximum shares held by one investor across all their wallets; 0 = unlimited.
    /// @param lockupSeconds Lock-up applied to shares minted in a primary purchase.
    struct Rules {
        uint16[] allowedCountries;
        uint8 eligibleCategories;
        uint32 maxHolders;
        uint256 maxBalancePerInvestor;
        uint64 lockupSeconds;
    }

    /// @notice One purchase lot under lock-up: `amount` shares released at `releaseAt`. A lot whose release has passed
    /// is empty, whatever its amount says.
    struct Lot {
        uint96 amount;
        uint40 releaseAt;
    }

    /// @notice A transfer, mint or forced transfer was refused; `code` is one of the TRANSFER_* reason codes.
    error ShareTransferRefused(uint8 code);
    /// @notice The clone was already initialised (or this is the implementation).
    error ShareAlreadyInitialized();
    /// @notice Rules are invalid (category mask, country code or max balance out of range).
    error ShareInvalidRules();
    /// @notice Minting would push the total supply above 2^96 - 1.
    error ShareSupplyOverflow(uint256 newSupply);
    /// @notice Minting would push the total supply above the token's immutable maximum supply.
    error ShareMaxSupplyExceeded(uint256 maxSupply, uint256 newSupply);
    /// @notice The maximum supply given at initialisation is zero or above 2^96 - 1.
    error ShareInvalidMaxSupply(uint256 maxSupply);
    /// @notice This role moves, mints or burns other people's shares and cannot be granted on the token: agents hold
    /// it through the identity registry, the PrimaryOffering holds MINTER_ROLE.
    error ShareRoleNotGrantable(bytes32 role);
    /// @notice Only the pending owner can accept ownership.
    error ShareNotPendingOwner(address account);
    /// @notice Partial freeze would exceed the wallet's balance.
    error ShareFreezeExceedsBalance(address wallet, uint256 balance, uint256 frozenAfter);
    /// @notice Partial unfreeze exceeds the wallet's frozen amount.
    error ShareUnfreezeExceedsFrozen(address wallet, uint256 frozen, uint256 amount);
    /// @notice Recovery target is not linked to the same investor as the lost wallet.
    error ShareRecoveryInvestorMismatch(address lostWallet, address newWallet, bytes32 expected, bytes32 actual);
    /// @notice Recovery target is not verified (KYC expired).
    error ShareRecoveryWalletNotVerified(address newWallet);
    /// @notice A wallet argument is the zero address or lost == new.
    error ShareInvalidWallet(address wallet);
    /// @notice Batch arrays differ in length.
    error ShareArrayLengthMismatch();
    /// @notice The document does not exist.
    error ShareDocumentNotFound(bytes32 name);
    /// @notice The document name is zero or its uri empty.
    error ShareInvalidDocument(bytes32 name);
    /// @notice The token is already paused / not paused.
    error SharePausedState(bool paused);
    /// @notice The token was retired for good in favour of `successor` (see `retire`).
    error ShareRetired(address successor);
    /// @notice The migrator is still copying `predecessor`'s register into this token: it stays paused until then.
    error ShareMigrating(address predecessor);
    /// @notice Only the TokenMigrator, and only within a migration, may call this.
    error ShareNotMigrator(address account);
    /// @notice Only the ArtworkSale may call this.
    error ShareNotSale(address account);

    /// @notice The issuer (owner) changed.
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    /// @notice The owner offered the token to `newOwner`, who must call {acceptOwnership}.
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    /// @notice The immutable maximum supply, set once at initialisation.
    event MaxSupplySet(uint256 maxSupply);
    /// @notice `amount` locked shares of `wallet` had their release moved from `fromRelease` to the later
    /// `toRelease`, because the wallet already had {MAX_LOCK_LOTS} running lock-up lots.
    event LockMerged(address indexed wallet, uint256 amount, uint64 fromRelease, uint64 toRelease);
    /// @notice A forced transfer or burn took `amount` shares of `wallet` that were locked until `releaseAt`.
    event LockConsumed(address indexed wallet, uint256 amount, uint64 releaseAt, address indexed agent);
    /// @notice A recovery moved `amount` shares locked until `releaseAt` from `lostWallet` to `newWallet`.
    event LockMoved(address indexed lostWallet, address indexed newWallet, uint256 amount, uint64 releaseAt);
    /// @notice A recovery moved the lost wallet's freeze state (flag and partly frozen shares) to the new wallet.
    event FreezeMoved(address indexed lostWallet, address indexed newWallet, bool frozen, uint256 frozenAmount);
    /// @notice The token was paused by `agent`.
    event Paused(address indexed agent);
    /// @notice The token was unpaused by `agent`.
    event Unpaused(address indexed agent);
    /// @notice A wallet was frozen or unfrozen.
    event WalletFrozenSet(address indexed wallet, bool frozen, address indexed agent);
    /// @notice Part of a wallet's balance was frozen.
    event SharesFrozen(address indexed wallet, uint256 amount, address indexed agent);
    /// @notice Part of a wallet's frozen balance was released (also emitted when a forced transfer or burn consumes frozen shares).
    event SharesUnfrozen(address indexed wallet, uint256 amount, address indexed agent);
    /// @notice An agent moved shares without the sender's consent.
    event ForcedTransferred(address indexed from, address indexed to, uint256 amount, address indexed agent);
    /// @notice Balance, freeze and lock-up of a lost wallet moved to a new wallet of the same investor.
    event WalletRecovered(
        address indexed lostWallet, address indexed newWallet, bytes32 indexed investorId, uint256 amount, address agent
    );
    /// @notice Shares were minted (primary issuance) and locked until `lockedUntil`.
    event SharesMinted(address indexed to, uint256 amount, uint64 lockedUntil, address indexed minter);
    /// @notice Shares were burned by an agent.
    event SharesBurned(address indexed from, uint256 amount, address indexed agent);
    /// @notice The compliance rules were replaced.
    event RulesUpdated(Rules rules);
    /// @notice The artwork metadata pointer was set.
    event MetadataUpdated(string uri, bytes32 metadataHash);
    /// @notice The token was retired for good: its register lives on in `successor`.
    event Retired(address indexed successor);
    /// @notice ERC-1643: a document was added or updated.
    event DocumentUpdated(bytes32 indexed name, string uri, bytes32 documentHash);
    /// @notice ERC-1643: a document was removed.
    event DocumentRemoved(bytes32 indexed name, string uri, bytes32 documentHash);

    /// @notice Reason code for a transfer of `amount` from `from` to `to` (0 = allowed). `from == 0` asks for the
    /// receiver's rules alone (pause, freeze, verification, country, category, holder and balance limits): what a
    /// buyer needs from any seller or from a mint. The maximum supply is enforced by minting itself
    /// (`ShareMaxSupplyExceeded`); the offering explains it with code 14 before a purchase.
    function canTransfer(address from, address to, uint256 amount) external view returns (uint8 code);

    /// @notice The immutable maximum supply (the artwork's share count) that minting never exceeds.
    function maxSupply() external view returns (uint256);
    /// @notice Mints locked shares (primary purchase). MINTER_ROLE.
    function mint(address to, uint256 amount) external;
}
