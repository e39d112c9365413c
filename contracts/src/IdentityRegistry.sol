// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IIdentityRegistry} from "./interfaces/IIdentityRegistry.sol";

/// @title IdentityRegistry
/// @notice Platform-wide registry: wallet → investor id → {country, category, KYC expiry}.
/// Compliance agents (AGENT_ROLE) maintain it; the platform admin (DEFAULT_ADMIN_ROLE) manages agents.
/// Registry agents write identities only: they hold no power on share tokens (enforcement agents are the
/// EnforcementDesk's, and moving or burning shares there takes two of them).
/// An investor can only be removed once all its wallets are unlinked.
contract IdentityRegistry is AccessControl, IIdentityRegistry {
    /// @notice Role of the platform's compliance agents.
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");

    struct InvestorRecord {
        uint16 country;
        uint8 category; // 0 = record does not exist
        uint64 kycExpiry;
        uint32 walletCount;
    }

    mapping(bytes32 investorId => InvestorRecord) private _investors;
    mapping(address wallet => bytes32 investorId) private _walletInvestor;

    /// @param admin Platform admin (DEFAULT_ADMIN_ROLE).
    constructor(address admin) {
        if (admin == address(0)) revert IdentityRegistryZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ---------------------------------------------------------------- agent actions

    /// @inheritdoc IIdentityRegistry
    function registerInvestor(address wallet, bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        external
        onlyRole(AGENT_ROLE)
    {
        _register(wallet, investorId, country, category, kycExpiry);
    }

    /// @inheritdoc IIdentityRegistry
    function updateInvestor(bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        external
        onlyRole(AGENT_ROLE)
    {
        _updateInvestor(investorId, country, category, kycExpiry);
    }

    /// @inheritdoc IIdentityRegistry
    function linkWallet(address wallet, bytes32 investorId) external onlyRole(AGENT_ROLE) {
        _link(wallet, investorId);
    }

    /// @inheritdoc IIdentityRegistry
    function unlinkWallet(address wallet) external onlyRole(AGENT_ROLE) {
        _unlink(wallet);
    }

    /// @inheritdoc IIdentityRegistry
    function removeInvestor(bytes32 investorId) external onlyRole(AGENT_ROLE) {
        _remove(investorId);
    }

    /// @inheritdoc IIdentityRegistry
    function batchRegisterInvestor(
        address[] calldata wallets,
        bytes32[] calldata investorIds,
        uint16[] calldata countries,
        uint8[] calldata categories,
        uint64[] calldata kycExpiries
    ) external onlyRole(AGENT_ROLE) {
        uint256 n = wallets.length;
        if (
            investorIds.length != n || countries.length != n || categories.length != n || kycExpiries.length != n
        ) revert IdentityRegistryArrayLengthMismatch();
        for (uint256 i; i < n; ++i) {
            _register(wallets[i], investorIds[i], countries[i], categories[i], kycExpiries[i]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchUpdateInvestor(
        bytes32[] calldata investorIds,
        uint16[] calldata countries,
        uint8[] calldata categories,
        uint64[] calldata kycExpiries
    ) external onlyRole(AGENT_ROLE) {
        uint256 n = investorIds.length;
        if (countries.length != n || categories.length != n || kycExpiries.length != n) {
            revert IdentityRegistryArrayLengthMismatch();
        }
        for (uint256 i; i < n; ++i) {
            _updateInvestor(investorIds[i], countries[i], categories[i], kycExpiries[i]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchLinkWallet(address[] calldata wallets, bytes32[] calldata investorIds)
        external
        onlyRole(AGENT_ROLE)
    {
        uint256 n = wallets.length;
        if (investorIds.length != n) revert IdentityRegistryArrayLengthMismatch();
        for (uint256 i; i < n; ++i) {
            _link(wallets[i], investorIds[i]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchUnlinkWallet(address[] calldata wallets) external onlyRole(AGENT_ROLE) {
        for (uint256 i; i < wallets.length; ++i) {
            _unlink(wallets[i]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchRemoveInvestor(bytes32[] calldata investorIds) external onlyRole(AGENT_ROLE) {
        for (uint256 i; i < investorIds.length; ++i) {
            _remove(investorIds[i]);
        }
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IIdentityRegistry
    function isVerified(address wallet) external view returns (bool) {
        bytes32 id = _walletInvestor[wallet];
        return id != bytes32(0) && block.timestamp < _investors[id].kycExpiry;
    }

    /// @inheritdoc IIdentityRegistry
    function investorOf(address wallet) external view returns (bytes32) {
        return _walletInvestor[wallet];
    }

    /// @inheritdoc IIdentityRegistry
    function identityOf(address wallet)
        external
        view
        returns (bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
    {
        investorId = _walletInvestor[wallet];
        if (investorId != bytes32(0)) {
            InvestorRecord storage rec = _investors[investorId];
            (country, category, kycExpiry) = (rec.country, rec.category, rec.kycExpiry);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function investor(bytes32 investorId)
        external
        view
        returns (uint16 country, uint8 category, uint64 kycExpiry, uint32 walletCount)
    {
        InvestorRecord storage rec = _investors[investorId];
        return (rec.country, rec.category, rec.kycExpiry, rec.walletCount);
    }

    /// @inheritdoc IIdentityRegistry
    function isAgent(address account) external view returns (bool) {
        return hasRole(AGENT_ROLE, account);
    }

    // ---------------------------------------------------------------- internals

    function _validate(uint16 country, uint8 category) private pure {
        if (country == 0 || country > 999) revert IdentityRegistryInvalidCountry(country);
        if (category == 0 || category > 3) revert IdentityRegistryInvalidCategory(category);
    }

    function _register(address wallet, bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        private
    {
        if (wallet == address(0)) revert IdentityRegistryZeroAddress();
        if (investorId == bytes32(0)) revert IdentityRegistryZeroInvestorId();
        _validate(country, category);
        if (_investors[investorId].category != 0) revert IdentityRegistryInvestorExists(investorId);
        bytes32 current = _walletInvestor[wallet];
        if (current != bytes32(0)) revert IdentityRegistryWalletAlreadyLinked(wallet, current);
        _investors[investorId] =
            InvestorRecord({country: country, category: category, kycExpiry: kycExpiry, walletCount: 1});
        _walletInvestor[wallet] = investorId;
        emit InvestorRegistered(investorId, wallet, country, category, kycExpiry);
        emit WalletLinked(wallet, investorId);
    }

    function _updateInvestor(bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry) private {
        _validate(country, category);
        InvestorRecord storage rec = _investors[investorId];
        if (rec.category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        (rec.country, rec.category, rec.kycExpiry) = (country, category, kycExpiry);
        emit InvestorUpdated(investorId, country, category, kycExpiry);
    }

    function _link(address wallet, bytes32 investorId) private {
        if (wallet == address(0)) revert IdentityRegistryZeroAddress();
        InvestorRecord storage rec = _investors[investorId];
        if (rec.category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        bytes32 current = _walletInvestor[wallet];
        if (current != bytes32(0)) revert IdentityRegistryWalletAlreadyLinked(wallet, current);
        _walletInvestor[wallet] = investorId;
        // A wallet count cannot reach 2^32: each increment needs a distinct wallet and a transaction.
        unchecked {
            ++rec.walletCount;
        }
        emit WalletLinked(wallet, investorId);
    }

    function _remove(bytes32 investorId) private {
        InvestorRecord storage rec = _investors[investorId];
        if (rec.category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        if (rec.walletCount != 0) revert IdentityRegistryInvestorHasWallets(investorId, rec.walletCount);
        delete _investors[investorId];
        emit InvestorRemoved(investorId);
    }

    function _unlink(address wallet) private {
        bytes32 investorId = _walletInvestor[wallet];
        if (investorId == bytes32(0)) revert IdentityRegistryWalletNotLinked(wallet);
        delete _walletInvestor[wallet];
        // The wallet was linked, so the investor's count is at least 1.
        unchecked {
            --_investors[investorId].walletCount;
        }
        emit WalletUnlinked(wallet, investorId);
    }
}
