// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControlEnumerable} from "@openzeppelin/contracts/access/extensions/AccessControlEnumerable.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {IEnforcementDesk} from "./interfaces/IEnforcementDesk.sol";

/// Selectors of the share token's powers that move or burn other people's shares.
interface IShareTokenEnforcement {
    function forcedTransfer(address from, address to, uint256 amount) external;
    function batchForcedTransfer(address[] calldata from, address[] calldata to, uint256[] calldata amounts) external;
    function recoverWallet(address lostWallet, address newWallet) external;
    function batchRecoverWallet(address[] calldata lostWallets, address[] calldata newWallets) external;
    function burn(address from, uint256 amount) external;
    function batchBurn(address[] calldata from, uint256[] calldata amounts) external;
}

/// @title EnforcementDesk
/// @notice The one holder of every share token's ENFORCER, RECOVERY and BURNER powers (an immutable of the token
/// implementation). Moving or burning someone's shares takes two different enforcement agents: one proposes the exact
/// call (token + calldata), another executes it — the proposer never can — before it expires ({PROPOSAL_LIFETIME}).
/// Any agent can cancel a pending proposal. The desk's agents (AGENT_ROLE, managed by the platform admin) are also the
/// pausers and freezers of every token, acting alone and at once (those powers protect holders).
/// Identity writers (the IdentityRegistry's AGENT_ROLE) hold no power on tokens: a registry agent alone can link a
/// wallet to an investor but cannot move anyone's shares there.
contract EnforcementDesk is AccessControlEnumerable, IEnforcementDesk {
    using EnumerableSet for EnumerableSet.UintSet;

    /// @notice Role of the enforcement agents.
    bytes32 public constant AGENT_ROLE = keccak256("AGENT_ROLE");
    /// @notice A proposal can be executed for this long after it was made.
    uint64 public constant PROPOSAL_LIFETIME = 3 days;

    struct Proposal {
        address token;
        uint64 expiresAt;
        Status status;
        address proposer;
        bytes data;
    }

    uint256 private _count;
    mapping(uint256 id => Proposal) private _proposals;
    EnumerableSet.UintSet private _pending;

    /// @param admin Platform admin (DEFAULT_ADMIN_ROLE): grants and revokes AGENT_ROLE.
    constructor(address admin) {
        if (admin == address(0)) revert DeskZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    modifier onlyAgent() {
        if (!hasRole(AGENT_ROLE, msg.sender)) revert DeskNotAgent(msg.sender);
        _;
    }

    /// @notice Proposes calling `token` with `data`: one of forcedTransfer, recoverWallet, burn or their batch forms.
    /// The arguments are bound: only this exact call can be executed, by another agent, before it expires.
    function propose(address token, bytes calldata data) external onlyAgent returns (uint256 id) {
        if (token == address(0)) revert DeskZeroAddress();
        bytes4 action = data.length >= 4 ? bytes4(data[:4]) : bytes4(0);
        if (
            action != IShareTokenEnforcement.forcedTransfer.selector
                && action != IShareTokenEnforcement.batchForcedTransfer.selector
                && action != IShareTokenEnforcement.recoverWallet.selector
                && action != IShareTokenEnforcement.batchRecoverWallet.selector
                && action != IShareTokenEnforcement.burn.selector && action != IShareTokenEnforcement.batchBurn.selector
        ) revert DeskActionNotAllowed(action);
        id = ++_count;
        uint64 expiresAt = uint64(block.timestamp) + PROPOSAL_LIFETIME;
        _proposals[id] =
            Proposal({token: token, expiresAt: expiresAt, status: Status.Pending, proposer: msg.sender, data: data});
        _pending.add(id);
        emit EnforcementProposed(id, token, action, msg.sender, expiresAt, data);
    }

    /// @notice Executes proposal `id`. The caller repeats the token and calldata it reviewed; they must equal the
    /// proposal's. Reverts with the token's own error when the token refuses (the proposal then stays pending).
    function execute(uint256 id, address token, bytes calldata data) external onlyAgent {
        Proposal storage p = _proposals[id];
        if (p.status != Status.Pending) revert DeskProposalNotPending(id, p.status);
        if (block.timestamp >= p.expiresAt) revert DeskProposalExpired(id, p.expiresAt);
        address proposer = p.proposer;
        if (msg.sender == proposer) revert DeskSecondAgentRequired(id, proposer);
        if (token != p.token || keccak256(data) != keccak256(p.data)) revert DeskArgumentsMismatch(id);
        p.status = Status.Executed;
        _pending.remove(id);
        (bool ok, bytes memory ret) = token.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        emit EnforcementExecuted(id, token, msg.sender, proposer);
    }

    /// @notice Cancels a pending (or expired) proposal. Any agent.
    function cancel(uint256 id) external onlyAgent {
        Proposal storage p = _proposals[id];
        if (p.status != Status.Pending) revert DeskProposalNotPending(id, p.status);
        p.status = Status.Cancelled;
        _pending.remove(id);
        emit EnforcementCancelled(id, p.token, msg.sender);
    }

    /// @notice Proposal `id`.
    function proposal(uint256 id)
        external
        view
        returns (address token, address proposer, uint64 expiresAt, Status status, bytes memory data)
    {
        Proposal storage p = _proposals[id];
        return (p.token, p.proposer, p.expiresAt, p.status, p.data);
    }

    /// @notice Ids of the proposals neither executed nor cancelled (expired ones included until cancelled).
    function pendingProposals() external view returns (uint256[] memory) {
        return _pending.values();
    }

    /// @notice Number of proposals ever made (ids run 1 .. count).
    function proposalCount() external view returns (uint256) {
        return _count;
    }

    /// @inheritdoc IEnforcementDesk
    function isAgent(address account) external view returns (bool) {
        return hasRole(AGENT_ROLE, account);
    }

    /// @notice Every enforcement agent.
    function agents() external view returns (address[] memory) {
        return getRoleMembers(AGENT_ROLE);
    }

    /// @dev Refuses to revoke (or let renounce) the last agent: a token under the desk would be left with no one to
    /// freeze, pause or move shares by order. Granting and revoking agents is otherwise the admin's (AccessControl).
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        if (role == AGENT_ROLE && getRoleMemberCount(AGENT_ROLE) == 1 && hasRole(AGENT_ROLE, account)) {
            revert DeskLastAgent(account);
        }
        return super._revokeRole(role, account);
    }
}
