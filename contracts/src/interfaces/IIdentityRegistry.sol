// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IIdentityRegistry
/// @notice Wallet → investor registry of the Atelier platform. Several wallets may link to one investor.
interface IIdentityRegistry {
    /// @notice The investor id is zero.
    error IdentityRegistryZeroInvestorId();
    /// @notice The wallet is the zero address.
    error IdentityRegistryZeroAddress();
    /// @notice The category is not 1 (retail), 2 (professional) or 3 (institutional).
    error IdentityRegistryInvalidCategory(uint8 category);
    /// @notice The country is not an ISO 3166 numeric code (1..999).
    error IdentityRegistryInvalidCountry(uint16 country);
    /// @notice An investor with this id already exists.
    error IdentityRegistryInvestorExists(bytes32 investorId);
    /// @notice No investor with this id exists.
    error IdentityRegistryUnknownInvestor(bytes32 investorId);
    /// @notice The wallet is already linked to an investor.
    error IdentityRegistryWalletAlreadyLinked(address wallet, bytes32 investorId);
    /// @notice The wallet is not linked to any investor.
    error IdentityRegistryWalletNotLinked(address wallet);
    /// @notice The investor still has linked wallets and cannot be removed.
    error IdentityRegistryInvestorHasWallets(bytes32 investorId, uint32 walletCount);
    /// @notice Batch arrays differ in length.
    error IdentityRegistryArrayLengthMismatch();
    /// @notice The platform admin stopped the platform: registry writes are refused until it resumes.
    error IdentityRegistryPlatformStopped();
    /// @notice The platform is already in the requested state (`stopped`).
    error IdentityRegistryPlatformState(bool stopped);

    /// @notice An investor record was created and its first wallet linked.
    event InvestorRegistered(
        bytes32 indexed investorId, address indexed wallet, uint16 country, uint8 category, uint64 kycExpiry
    );
    /// @notice An investor record was updated.
    event InvestorUpdated(bytes32 indexed investorId, uint16 country, uint8 category, uint64 kycExpiry);
    /// @notice An investor record was removed.
    event InvestorRemoved(bytes32 indexed investorId);
    /// @notice A wallet was linked to an investor.
    event WalletLinked(address indexed wallet, bytes32 indexed investorId);
    /// @notice A wallet was unlinked from an investor.
    event WalletUnlinked(address indexed wallet, bytes32 indexed investorId);
    /// @notice The platform admin stopped the platform (registry writes, offerings and the market refuse).
    event PlatformStopped(address indexed by);
    /// @notice The platform admin resumed the platform.
    event PlatformResumed(address indexed by);

    /// @notice Creates an investor record and links its first wallet.
    function registerInvestor(address wallet, bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        external;
    /// @notice Updates an investor's country, category and KYC expiry.
    function updateInvestor(bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry) external;
    /// @notice Links an additional wallet to an existing investor.
    function linkWallet(address wallet, bytes32 investorId) external;
    /// @notice Unlinks a wallet from its investor.
    function unlinkWallet(address wallet) external;
    /// @notice Removes an investor that has no linked wallet left.
    function removeInvestor(bytes32 investorId) external;
    /// @notice Batch form of {registerInvestor}.
    function batchRegisterInvestor(
        address[] calldata wallets,
        bytes32[] calldata investorIds,
        uint16[] calldata countries,
        uint8[] calldata categories,
        uint64[] calldata kycExpiries
    ) external;
    /// @notice Batch form of {updateInvestor}.
    function batchUpdateInvestor(
        bytes32[] calldata investorIds,
        uint16[] calldata countries,
        uint8[] calldata categories,
        uint64[] calldata kycExpiries
    ) external;
    /// @notice Batch form of {linkWallet}.
    function batchLinkWallet(address[] calldata wallets, bytes32[] calldata investorIds) external;
    /// @notice Batch form of {unlinkWallet}.
    function batchUnlinkWallet(address[] calldata wallets) external;
    /// @notice Batch form of {removeInvestor}.
    function batchRemoveInvestor(bytes32[] calldata investorIds) external;

    /// @notice True when the wallet is linked and the investor's KYC has not expired.
    function isVerified(address wallet) external view returns (bool);
    /// @notice Investor id linked to the wallet, zero when none.
    function investorOf(address wallet) external view returns (bytes32);
    /// @notice Full identity of a wallet (all zero when unlinked).
    function identityOf(address wallet)
        external
        view
        returns (bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry);
    /// @notice Investor record (all zero when unknown).
    function investor(bytes32 investorId)
        external
        view
        returns (uint16 country, uint8 category, uint64 kycExpiry, uint32 walletCount);
    /// @notice True while the platform admin has stopped the platform: registry writes, purchases, new offerings and
    /// order placement and filling are refused; cancelling one's own order and withdrawing stay possible.
    function platformStopped() external view returns (bool);
    /// @notice True when the account is a registry agent (an identity writer; no power on share tokens).
    function isAgent(address account) external view returns (bool);
}
