// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IHKDStablecoin
/// @notice HKD stablecoin stand-in used as the payment token on local and test chains.
interface IHKDStablecoin {
    /// @notice The faucet only exists on the local chain (chain id 31337).
    error HKDFaucetUnavailable();
    /// @notice The faucet request exceeds the per-call cap.
    error HKDFaucetAmountTooLarge(uint256 requested, uint256 cap);

    /// @notice Tokens were dispensed by the local faucet.
    event FaucetDispensed(address indexed to, uint256 amount);

    /// @notice Mints `amount` to the caller; local chain only, capped per call.
    function faucet(uint256 amount) external;
    /// @notice Mints `amount` to `to` (MINTER_ROLE), used to seed balances.
    function mint(address to, uint256 amount) external;
}
