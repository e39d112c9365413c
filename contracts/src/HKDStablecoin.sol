// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IHKDStablecoin} from "./interfaces/IHKDStablecoin.sol";

/// @title HKDStablecoin
/// @notice "Atelier HKD" (HKDA): the payment-token stand-in for local and test chains, with EIP-2612 permit.
/// @dev 6 decimals, like the common fiat-backed stablecoins (USDC, USDT, HKD stablecoins in the HKMA sandbox),
/// so that switching to a real stablecoin on a public network changes no unit maths in the app.
contract HKDStablecoin is ERC20, ERC20Permit, AccessControl, IHKDStablecoin {
    /// @notice May mint to seed balances.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice Decimals of the token.
    uint8 public constant DECIMALS = 6;
    /// @notice Faucet cap per call: 1,000,000 HKD.
    uint256 public constant FAUCET_CAP = 1_000_000 * 10 ** DECIMALS;
    /// @notice The only chain on which the faucet works (anvil / hardhat).
    uint256 public constant LOCAL_CHAIN_ID = 31337;

    /// @param admin Gets DEFAULT_ADMIN_ROLE and MINTER_ROLE.
    constructor(address admin) ERC20("Atelier HKD", "HKDA") ERC20Permit("Atelier HKD") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    /// @notice 6 decimals.
    function decimals() public pure override returns (uint8) {
        return DECIMALS;
    }

    /// @inheritdoc IHKDStablecoin
    function faucet(uint256 amount) external {
        if (block.chainid != LOCAL_CHAIN_ID) revert HKDFaucetUnavailable();
        if (amount > FAUCET_CAP) revert HKDFaucetAmountTooLarge(amount, FAUCET_CAP);
        _mint(_msgSender(), amount);
        emit FaucetDispensed(_msgSender(), amount);
    }

    /// @inheritdoc IHKDStablecoin
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
