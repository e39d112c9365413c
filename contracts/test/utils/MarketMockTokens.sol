// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// Receives a callback from {MarketReentrantPaymentToken} whenever it sends or receives tokens.
interface IMarketPaymentHook {
    function onPaymentMoved(address from, address to, uint256 value) external;
}

/// A hostile payment token (ERC-777 style): every transfer calls back the sender and the receiver when they have
/// registered a hook (as with ERC-1820), giving them a chance to re-enter the market in the middle of a fill, a
/// placement or a refund.
contract MarketReentrantPaymentToken is ERC20 {
    mapping(address account => bool) public hooked;

    constructor() ERC20("Reentrant HKD", "rHKD") {}

    function registerHook(bool on) external {
        hooked[msg.sender] = on;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (hooked[from]) IMarketPaymentHook(from).onPaymentMoved(from, to, value);
        if (to != from && hooked[to]) IMarketPaymentHook(to).onPaymentMoved(from, to, value);
    }
}

/// A payment token that keeps 1 % of every transfer (the receiver gets 99 %).
contract MarketFeeOnTransferToken is ERC20 {
    /// Six decimals, like the platform HKD (the market's prices are whole cents of the payment token).
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    address public constant SINK = address(0xFEE);

    constructor() ERC20("Taxed HKD", "tHKD") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 tax = value / 100;
        super._update(from, SINK, tax);
        super._update(from, to, value - tax);
    }
}

/// A trader contract that tries to re-enter the market (with `reentryData`) every time the hostile payment token
/// calls it back. Counts attempts and successes; records the revert data of the last failed attempt.
contract MarketReentrancyAttacker is IMarketPaymentHook {
    address public immutable market;
    bytes public reentryData;
    uint256 public attempts;
    uint256 public successes;
    bytes public lastError;
    bool private _inHook;

    constructor(address market_) {
        market = market_;
    }

    /// Sets the market call attempted from inside the payment-token callback (empty: none).
    function setReentry(bytes calldata data) external {
        reentryData = data;
    }

    /// Executes any call as this contract (place, fill, cancel, approve …).
    function exec(address target, bytes calldata data) external returns (bool ok, bytes memory ret) {
        (ok, ret) = target.call(data);
    }

    function onPaymentMoved(address, address, uint256) external {
        bytes memory data = reentryData;
        if (data.length == 0 || _inHook) return;
        _inHook = true;
        ++attempts;
        (bool ok, bytes memory ret) = market.call(data);
        if (ok) ++successes;
        else lastError = ret;
        _inHook = false;
    }
}

