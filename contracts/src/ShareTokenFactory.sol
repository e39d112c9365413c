// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ArtworkShareToken} from "./ArtworkShareToken.sol";
import {IArtworkShareToken} from "./interfaces/IArtworkShareToken.sol";
import {IShareTokenFactory} from "./interfaces/IShareTokenFactory.sol";

/// @title ShareTokenFactory
/// @notice Deploys artwork share tokens as EIP-1167 clones of one implementation and enumerates them.
/// The platform admin (DEFAULT_ADMIN_ROLE) grants ISSUER_ROLE; issuers deploy tokens they own.
contract ShareTokenFactory is AccessControl, IShareTokenFactory {
    /// @notice May deploy tokens.
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    address private _implementation;
    address[] private _tokens;
    mapping(address token => bool) private _isToken;

    /// @param admin Platform admin.
    /// @param implementation_ ArtworkShareToken implementation (constructed with the registry and the offering).
    constructor(address admin, address implementation_) {
        if (admin == address(0) || implementation_ == address(0)) revert FactoryZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _implementation = implementation_;
        emit ImplementationUpdated(implementation_);
    }

    /// @inheritdoc IShareTokenFactory
    function deployToken(
        string calldata name,
        string calldata symbol,
        uint256 maxSupply,
        IArtworkShareToken.Rules calldata rules,
        string calldata metadataURI,
        bytes32 metadataHash
    ) external onlyRole(ISSUER_ROLE) returns (address token) {
        token = Clones.clone(_implementation);
        ArtworkShareToken(token).initialize(
            _msgSender(), name, symbol, maxSupply, rules, metadataURI, metadataHash, address(0)
        );
        _tokens.push(token);
        _isToken[token] = true;
        emit TokenDeployed(token, _msgSender(), name, symbol);
    }

    /// @inheritdoc IShareTokenFactory
    function deploySuccessor(address predecessor) external returns (address token) {
        address impl = _implementation;
        if (_msgSender() != ArtworkShareToken(impl).migrator() || !_isToken[predecessor]) {
            revert FactoryNotMigration(_msgSender(), predecessor);
        }
        ArtworkShareToken old = ArtworkShareToken(predecessor);
        address issuer = old.owner();
        string memory name_ = old.name();
        string memory symbol_ = old.symbol();
        token = Clones.clone(impl);
        ArtworkShareToken(token).initialize(
            issuer, name_, symbol_, old.maxSupply(), old.rules(), old.metadataURI(), old.metadataHash(), predecessor
        );
        _tokens.push(token);
        _isToken[token] = true;
        emit TokenDeployed(token, issuer, name_, symbol_);
    }

    /// @notice Replaces the implementation used for future clones. DEFAULT_ADMIN_ROLE.
    function setImplementation(address implementation_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (implementation_ == address(0)) revert FactoryZeroAddress();
        _implementation = implementation_;
        emit ImplementationUpdated(implementation_);
    }

    /// @notice Implementation used for new clones.
    function implementation() external view returns (address) {
        return _implementation;
    }

    /// @notice PrimaryOffering holding MINTER_ROLE on new tokens (from the implementation).
    function primaryOffering() external view returns (address) {
        return ArtworkShareToken(_implementation).primaryOffering();
    }

    /// @notice The identity registry shared by the tokens.
    function identityRegistry() external view returns (address) {
        return ArtworkShareToken(_implementation).identityRegistry();
    }

    /// @notice True when `token` was deployed by this factory.
    function isToken(address token) external view returns (bool) {
        return _isToken[token];
    }

    /// @inheritdoc IShareTokenFactory
    function tokenCount() external view returns (uint256) {
        return _tokens.length;
    }

    /// @inheritdoc IShareTokenFactory
    function tokens(uint256 offset, uint256 limit) external view returns (address[] memory page) {
        uint256 len = _tokens.length;
        if (offset >= len) return page;
        uint256 end = len - offset > limit ? offset + limit : len;
        page = new address[](end - offset);
        for (uint256 i = offset; i < end; ++i) {
            page[i - offset] = _tokens[i];
        }
    }
}
