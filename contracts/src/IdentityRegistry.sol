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
/// Four eyes: registering a professional or institutional investor, and any category change to or from professional
/// or institutional, needs two different agents — one proposes the exact record, another confirms it. Retail
/// registration and changes that keep the category (renewing the expiry, moving country) stay single-agent. Linking
/// a further wallet to a professional or institutional investor gives that wallet the investor's status, so it takes
/// two agents too ({proposeLink}, {confirmLink}); linking to a retail investor stays single-agent.
/// Emergency stop: the platform admin can stop the whole platform ({stopPlatform}): every registry write is refused
/// (withdrawing a pending proposal stays possible), and the market and the offering read {platformStopped} to refuse
/// placing, filling, buying and new offerings. It is separate from any token's own pause.
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

    /// @notice A registration or update waiting for a second agent. `wallet` is zero for an update.
    struct Proposal {
        address proposer;
        uint16 country;
        uint8 category;
        uint64 kycExpiry;
        address wallet;
    }

    mapping(bytes32 investorId => Proposal) private _proposals;

    /// @notice A further wallet proposed for an existing investor, waiting for a second agent.
    struct LinkProposal {
        address proposer;
        address wallet;
    }

    mapping(bytes32 investorId => LinkProposal) private _linkProposals;

    bool private _stopped;

    /// @notice This change involves a professional or institutional category: propose it, another agent confirms.
    error IdentityRegistryNeedsSecondAgent(bytes32 investorId, uint8 fromCategory, uint8 toCategory);
    /// @notice A proposal is already pending for this investor (cancel it first).
    error IdentityRegistryProposalPending(bytes32 investorId);
    /// @notice No proposal is pending for this investor.
    error IdentityRegistryNoProposal(bytes32 investorId);
    /// @notice The record to confirm differs from the one proposed.
    error IdentityRegistryProposalMismatch(bytes32 investorId);
    /// @notice The proposer cannot confirm their own proposal.
    error IdentityRegistrySameAgent(address agent);
    /// @notice The proposer is no longer an agent: the proposal cannot be confirmed.
    error IdentityRegistryProposerNotAgent(address proposer);
    /// @notice The last agent cannot be revoked or renounce: investors could no longer be registered, updated or linked.
    error IdentityRegistryLastAgent(address agent);

    /// @notice An agent proposed a registration (`wallet` set) or an update (`wallet` zero) of an investor.
    event InvestorChangeProposed(
        bytes32 indexed investorId,
        address indexed proposer,
        address wallet,
        uint16 country,
        uint8 category,
        uint64 kycExpiry
    );
    /// @notice A second agent confirmed the pending proposal; the change is applied in the same transaction.
    event InvestorChangeConfirmed(bytes32 indexed investorId, address indexed proposer, address indexed confirmer);
    /// @notice A pending proposal was withdrawn.
    event InvestorChangeCancelled(bytes32 indexed investorId, address indexed by);
    /// @notice An agent proposed linking `wallet` to an existing investor.
    event WalletLinkProposed(bytes32 indexed investorId, address indexed proposer, address indexed wallet);
    /// @notice A second agent confirmed the pending link; the wallet is linked in the same transaction.
    event WalletLinkConfirmed(bytes32 indexed investorId, address indexed proposer, address indexed confirmer);
    /// @notice A pending link proposal was withdrawn.
    event WalletLinkCancelled(bytes32 indexed investorId, address indexed by);

    /// @dev Registry writes only while the platform runs.
    modifier whenRunning() {
        if (_stopped) revert IdentityRegistryPlatformStopped();
        _;
    }

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
        whenRunning
    {
        _register(wallet, investorId, country, category, kycExpiry, false);
    }

    /// @inheritdoc IIdentityRegistry
    function updateInvestor(bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        external
        onlyRole(AGENT_ROLE)
        whenRunning
    {
        _updateInvestor(investorId, country, category, kycExpiry, false);
    }

    // ---------------------------------------------------------------- four eyes

    /// @notice Proposes registering `wallet` as the first wallet of a new investor with this exact record.
    function proposeRegistration(address wallet, bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        external
        onlyRole(AGENT_ROLE)
        whenRunning
    {
        if (wallet == address(0)) revert IdentityRegistryZeroAddress();
        if (investorId == bytes32(0)) revert IdentityRegistryZeroInvestorId();
        _validate(country, category);
        if (_investors[investorId].category != 0) revert IdentityRegistryInvestorExists(investorId);
        bytes32 current = _walletInvestor[wallet];
        if (current != bytes32(0)) revert IdentityRegistryWalletAlreadyLinked(wallet, current);
        _propose(investorId, wallet, country, category, kycExpiry);
    }

    /// @notice Proposes updating an existing investor to this exact record.
    function proposeUpdate(bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry)
        external
        onlyRole(AGENT_ROLE)
        whenRunning
    {
        _validate(country, category);
        if (_investors[investorId].category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        _propose(investorId, address(0), country, category, kycExpiry);
    }

    /// @notice Confirms the pending proposal of another agent. The caller names the record it confirms; it must be
    /// exactly the proposed one, so a proposal replaced in between is never confirmed by mistake.
    function confirmProposal(bytes32 investorId, address wallet, uint16 country, uint8 category, uint64 kycExpiry)
        external
        onlyRole(AGENT_ROLE)
        whenRunning
    {
        Proposal memory p = _proposals[investorId];
        if (p.proposer == address(0)) revert IdentityRegistryNoProposal(investorId);
        if (p.proposer == msg.sender) revert IdentityRegistrySameAgent(msg.sender);
        if (!hasRole(AGENT_ROLE, p.proposer)) revert IdentityRegistryProposerNotAgent(p.proposer);
        if (p.wallet != wallet || p.country != country || p.category != category || p.kycExpiry != kycExpiry) {
            revert IdentityRegistryProposalMismatch(investorId);
        }
        delete _proposals[investorId];
        emit InvestorChangeConfirmed(investorId, p.proposer, msg.sender);
        if (wallet != address(0)) _register(wallet, investorId, country, category, kycExpiry, true);
        else _updateInvestor(investorId, country, category, kycExpiry, true);
    }

    /// @notice Withdraws the pending proposal (any agent: the second agent may refuse it this way).
    function cancelProposal(bytes32 investorId) external onlyRole(AGENT_ROLE) {
        if (_proposals[investorId].proposer == address(0)) revert IdentityRegistryNoProposal(investorId);
        delete _proposals[investorId];
        emit InvestorChangeCancelled(investorId, msg.sender);
    }

    /// @notice The pending proposal for an investor (proposer zero when none; wallet zero for an update).
    function proposalOf(bytes32 investorId)
        external
        view
        returns (address proposer, address wallet, uint16 country, uint8 category, uint64 kycExpiry)
    {
        Proposal storage p = _proposals[investorId];
        return (p.proposer, p.wallet, p.country, p.category, p.kycExpiry);
    }

    /// @notice Whether changing an investor's category from `fromCategory` (0: no record) to `toCategory` needs two
    /// agents: any change to or from professional (2) or institutional (3).
    function needsTwoAgents(uint8 fromCategory, uint8 toCategory) public pure returns (bool) {
        return fromCategory != toCategory && (fromCategory > 1 || toCategory > 1);
    }

    /// @inheritdoc IIdentityRegistry
    /// @dev Refused with {IdentityRegistryNeedsSecondAgent} for a professional or institutional investor: use
    /// {proposeLink} and {confirmLink}.
    function linkWallet(address wallet, bytes32 investorId) external onlyRole(AGENT_ROLE) whenRunning {
        _link(wallet, investorId, false);
    }

    /// @notice Proposes linking `wallet` to the existing investor `investorId`; another agent confirms it
    /// ({confirmLink}). Needed when the investor is professional or institutional, allowed for any investor.
    function proposeLink(address wallet, bytes32 investorId) external onlyRole(AGENT_ROLE) whenRunning {
        if (wallet == address(0)) revert IdentityRegistryZeroAddress();
        if (_investors[investorId].category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        bytes32 current = _walletInvestor[wallet];
        if (current != bytes32(0)) revert IdentityRegistryWalletAlreadyLinked(wallet, current);
        if (_linkProposals[investorId].proposer != address(0)) revert IdentityRegistryProposalPending(investorId);
        _linkProposals[investorId] = LinkProposal({proposer: msg.sender, wallet: wallet});
        emit WalletLinkProposed(investorId, msg.sender, wallet);
    }

    /// @notice Confirms another agent's pending link of exactly `wallet` to `investorId` and links it.
    function confirmLink(address wallet, bytes32 investorId) external onlyRole(AGENT_ROLE) whenRunning {
        LinkProposal memory p = _linkProposals[investorId];
        if (p.proposer == address(0)) revert IdentityRegistryNoProposal(investorId);
        if (p.proposer == msg.sender) revert IdentityRegistrySameAgent(msg.sender);
        if (!hasRole(AGENT_ROLE, p.proposer)) revert IdentityRegistryProposerNotAgent(p.proposer);
        if (p.wallet != wallet) revert IdentityRegistryProposalMismatch(investorId);
        delete _linkProposals[investorId];
        emit WalletLinkConfirmed(investorId, p.proposer, msg.sender);
        _link(wallet, investorId, true);
    }

    /// @notice Withdraws the pending link proposal of an investor (any agent; also while the platform is stopped).
    function cancelLinkProposal(bytes32 investorId) external onlyRole(AGENT_ROLE) {
        if (_linkProposals[investorId].proposer == address(0)) revert IdentityRegistryNoProposal(investorId);
        delete _linkProposals[investorId];
        emit WalletLinkCancelled(investorId, msg.sender);
    }

    /// @notice The pending link proposal of an investor (proposer zero when none).
    function linkProposalOf(bytes32 investorId) external view returns (address proposer, address wallet) {
        LinkProposal storage p = _linkProposals[investorId];
        return (p.proposer, p.wallet);
    }

    // ---------------------------------------------------------------- emergency stop

    /// @notice Stops the platform: registry writes, purchases, new offerings and order placing and filling are refused
    /// until {resumePlatform}. Cancelling one's own order and withdrawing stay possible. DEFAULT_ADMIN_ROLE.
    function stopPlatform() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (_stopped) revert IdentityRegistryPlatformState(true);
        _stopped = true;
        emit PlatformStopped(msg.sender);
    }

    /// @notice Resumes the platform after {stopPlatform}. DEFAULT_ADMIN_ROLE.
    function resumePlatform() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (!_stopped) revert IdentityRegistryPlatformState(false);
        _stopped = false;
        emit PlatformResumed(msg.sender);
    }

    /// @inheritdoc IIdentityRegistry
    function platformStopped() external view returns (bool) {
        return _stopped;
    }

    /// @inheritdoc IIdentityRegistry
    function unlinkWallet(address wallet) external onlyRole(AGENT_ROLE) whenRunning {
        _unlink(wallet);
    }

    /// @inheritdoc IIdentityRegistry
    function removeInvestor(bytes32 investorId) external onlyRole(AGENT_ROLE) whenRunning {
        _remove(investorId);
    }

    /// @inheritdoc IIdentityRegistry
    function batchRegisterInvestor(
        address[] calldata wallets,
        bytes32[] calldata investorIds,
        uint16[] calldata countries,
        uint8[] calldata categories,
        uint64[] calldata kycExpiries
    ) external onlyRole(AGENT_ROLE) whenRunning {
        uint256 n = wallets.length;
        if (
            investorIds.length != n || countries.length != n || categories.length != n || kycExpiries.length != n
        ) revert IdentityRegistryArrayLengthMismatch();
        for (uint256 i; i < n; ++i) {
            _register(wallets[i], investorIds[i], countries[i], categories[i], kycExpiries[i], false);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchUpdateInvestor(
        bytes32[] calldata investorIds,
        uint16[] calldata countries,
        uint8[] calldata categories,
        uint64[] calldata kycExpiries
    ) external onlyRole(AGENT_ROLE) whenRunning {
        uint256 n = investorIds.length;
        if (countries.length != n || categories.length != n || kycExpiries.length != n) {
            revert IdentityRegistryArrayLengthMismatch();
        }
        for (uint256 i; i < n; ++i) {
            _updateInvestor(investorIds[i], countries[i], categories[i], kycExpiries[i], false);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchLinkWallet(address[] calldata wallets, bytes32[] calldata investorIds)
        external
        onlyRole(AGENT_ROLE)
        whenRunning
    {
        uint256 n = wallets.length;
        if (investorIds.length != n) revert IdentityRegistryArrayLengthMismatch();
        for (uint256 i; i < n; ++i) {
            _link(wallets[i], investorIds[i], false);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchUnlinkWallet(address[] calldata wallets) external onlyRole(AGENT_ROLE) whenRunning {
        for (uint256 i; i < wallets.length; ++i) {
            _unlink(wallets[i]);
        }
    }

    /// @inheritdoc IIdentityRegistry
    function batchRemoveInvestor(bytes32[] calldata investorIds) external onlyRole(AGENT_ROLE) whenRunning {
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

    function _propose(bytes32 investorId, address wallet, uint16 country, uint8 category, uint64 kycExpiry) private {
        if (_proposals[investorId].proposer != address(0)) revert IdentityRegistryProposalPending(investorId);
        _proposals[investorId] = Proposal({
            proposer: msg.sender, country: country, category: category, kycExpiry: kycExpiry, wallet: wallet
        });
        emit InvestorChangeProposed(investorId, msg.sender, wallet, country, category, kycExpiry);
    }

    /// `confirmed`: a second agent confirmed this exact record (see {confirmProposal}).
    function _register(
        address wallet,
        bytes32 investorId,
        uint16 country,
        uint8 category,
        uint64 kycExpiry,
        bool confirmed
    ) private {
        if (wallet == address(0)) revert IdentityRegistryZeroAddress();
        if (investorId == bytes32(0)) revert IdentityRegistryZeroInvestorId();
        _validate(country, category);
        if (!confirmed && needsTwoAgents(0, category)) {
            revert IdentityRegistryNeedsSecondAgent(investorId, 0, category);
        }
        if (_investors[investorId].category != 0) revert IdentityRegistryInvestorExists(investorId);
        bytes32 current = _walletInvestor[wallet];
        if (current != bytes32(0)) revert IdentityRegistryWalletAlreadyLinked(wallet, current);
        _investors[investorId] =
            InvestorRecord({country: country, category: category, kycExpiry: kycExpiry, walletCount: 1});
        _walletInvestor[wallet] = investorId;
        emit InvestorRegistered(investorId, wallet, country, category, kycExpiry);
        emit WalletLinked(wallet, investorId);
    }

    function _updateInvestor(bytes32 investorId, uint16 country, uint8 category, uint64 kycExpiry, bool confirmed)
        private
    {
        _validate(country, category);
        InvestorRecord storage rec = _investors[investorId];
        if (rec.category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        if (!confirmed && needsTwoAgents(rec.category, category)) {
            revert IdentityRegistryNeedsSecondAgent(investorId, rec.category, category);
        }
        (rec.country, rec.category, rec.kycExpiry) = (country, category, kycExpiry);
        emit InvestorUpdated(investorId, country, category, kycExpiry);
    }

    /// `confirmed`: a second agent confirmed this link (see {confirmLink}).
    function _link(address wallet, bytes32 investorId, bool confirmed) private {
        if (wallet == address(0)) revert IdentityRegistryZeroAddress();
        InvestorRecord storage rec = _investors[investorId];
        uint8 category = rec.category;
        if (category == 0) revert IdentityRegistryUnknownInvestor(investorId);
        // A new wallet of a professional or institutional investor gets that status: two agents, like registering.
        if (!confirmed && category > 1) revert IdentityRegistryNeedsSecondAgent(investorId, category, category);
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

    // ---------------------------------------------------------------- agents

    /// @dev How many wallets hold AGENT_ROLE, so the last one cannot be removed. No getter: one more external function
    /// would reorder the dispatcher and cost every fill's `isVerified` reads gas (MarketGasTest); the indexer's
    /// RoleGranted/RoleRevoked record gives the members.
    uint256 private _agentCount;

    function _grantRole(bytes32 role, address account) internal override returns (bool granted) {
        granted = super._grantRole(role, account);
        if (granted && role == AGENT_ROLE) ++_agentCount;
    }

    /// @dev Refuses to revoke (or let renounce) the last agent; otherwise AccessControl's rule (the admin revokes).
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        if (role == AGENT_ROLE && _agentCount == 1 && hasRole(AGENT_ROLE, account)) {
            revert IdentityRegistryLastAgent(account);
        }
        revoked = super._revokeRole(role, account);
        if (revoked && role == AGENT_ROLE) --_agentCount;
    }
}
