// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IEnforcementDesk
/// @notice Two-agent rule for the share token powers that move or burn other people's shares.
interface IEnforcementDesk {
    /// @notice Lifecycle of a proposal.
    enum Status {
        None,
        Pending,
        Executed,
        Cancelled
    }

    /// @notice The account is not an enforcement agent of the desk.
    error DeskNotAgent(address account);
    /// @notice Only forced transfers, recoveries and burns (and their batch forms) go through the desk.
    error DeskActionNotAllowed(bytes4 selector);
    /// @notice No such proposal, or it was already executed or cancelled.
    error DeskProposalNotPending(uint256 id, Status status);
    /// @notice The proposal expired at `expiresAt` without being executed.
    error DeskProposalExpired(uint256 id, uint64 expiresAt);
    /// @notice The proposer cannot execute its own proposal: a second agent must.
    error DeskSecondAgentRequired(uint256 id, address proposer);
    /// @notice The executor's token or arguments differ from what was proposed.
    error DeskArgumentsMismatch(uint256 id);
    /// @notice A zero address where an address is required.
    error DeskZeroAddress();
    /// @notice The desk's last agent cannot be revoked or renounce: freezes, pauses and forced transfers would have no one.
    error DeskLastAgent(address agent);

    /// @notice Agent `proposer` proposed calling `token` with `data` (selector `action`); executable by another agent
    /// until `expiresAt`.
    event EnforcementProposed(
        uint256 indexed id, address indexed token, bytes4 indexed action, address proposer, uint64 expiresAt, bytes data
    );
    /// @notice A second agent `executor` executed proposal `id` of `proposer`.
    event EnforcementExecuted(uint256 indexed id, address indexed token, address indexed executor, address proposer);
    /// @notice Agent `by` cancelled proposal `id`.
    event EnforcementCancelled(uint256 indexed id, address indexed token, address indexed by);

    /// @notice True when `account` is an enforcement agent (also the pausers and freezers of every token).
    function isAgent(address account) external view returns (bool);
}
