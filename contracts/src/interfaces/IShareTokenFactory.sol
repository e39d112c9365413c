// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArtworkShareToken} from "./IArtworkShareToken.sol";

/// @title IShareTokenFactory
/// @notice Deploys artwork share tokens as EIP-1167 clones and enumerates them.
interface IShareTokenFactory {
    /// @notice An address argument is zero.
    error FactoryZeroAddress();
    /// @notice Only the implementation's TokenMigrator deploys successors, and only of this factory's tokens.
    error FactoryNotMigration(address caller, address predecessor);

    /// @notice A share token was deployed.
    event TokenDeployed(address indexed token, address indexed issuer, string name, string symbol);
    /// @notice The token implementation used for new clones was replaced.
    event ImplementationUpdated(address indexed implementation);

    /// @notice Deploys a share token owned by the caller (ISSUER_ROLE). `maxSupply` is the artwork's share count: no
    /// mint ever takes the token's supply above it.
    function deployToken(
        string calldata name,
        string calldata symbol,
        uint256 maxSupply,
        IArtworkShareToken.Rules calldata rules,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external returns (address token);
    /// @notice Deploys the successor of `predecessor` (a token of this factory) from the current implementation, with
    /// the same owner, name, symbol, maximum supply, rules and metadata, paused, bound to the migrator for the copy
    /// of the register. The implementation's TokenMigrator only.
    function deploySuccessor(address predecessor) external returns (address token);
    /// @notice Number of tokens deployed.
    function tokenCount() external view returns (uint256);
    /// @notice Page of deployed tokens.
    function tokens(uint256 offset, uint256 limit) external view returns (address[] memory);
}
