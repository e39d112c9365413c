// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Base} from "./Base.sol";
import {Market} from "../../src/Market.sol";
import {IMarket} from "../../src/interfaces/IMarket.sol";
import {ArtworkShareToken} from "../../src/ArtworkShareToken.sol";

/// Platform fixture (see {Base}) plus a Market on HKD: alice and bob hold 1,000 unlocked shares each, alice, bob and
/// carol hold HKD, and every investor has approved the market on both tokens.
abstract contract MarketBase is Base {
    uint16 internal constant FEE_BPS = 50; // 0.5 %
    uint256 internal constant PRICE = 100e6; // 100 HKD per share
    uint256 internal constant HKD_FUNDS = 10_000_000e6;

    address internal feeRecipient = makeAddr("feeRecipient");
    Market internal market;

    function setUp() public virtual override {
        super.setUp();
        market = new Market(IERC20(address(hkd)), address(factory), feeRecipient, FEE_BPS, admin);
        _mint(alice, 1000);
        _mint(bob, 1000);
        address[3] memory who = [alice, bob, carol];
        for (uint256 i; i < who.length; ++i) {
            _fundMarket(who[i], HKD_FUNDS);
            _approveShares(token, who[i]);
        }
    }

    function _fundMarket(address who, uint256 amount) internal {
        vm.prank(admin);
        hkd.mint(who, amount);
        vm.prank(who);
        hkd.approve(address(market), type(uint256).max);
    }

    function _approveShares(ArtworkShareToken t, address who) internal {
        vm.prank(who);
        t.approve(address(market), type(uint256).max);
    }

    function _ask(address maker, uint256 shares, uint256 price) internal returns (uint256 id) {
        vm.prank(maker);
        (id,) = market.placeAsk(address(token), shares, price, _expiry(), 100);
    }

    function _bid(address maker, uint256 shares, uint256 price) internal returns (uint256 id) {
        vm.prank(maker);
        (id,) = market.placeBid(address(token), shares, price, _expiry(), 100);
    }

    function _fill(address taker, uint256 id, uint256 shares, uint256 limit) internal returns (uint256 n) {
        // The taker accepts any fee up to the contract's cap, 100 bps (tests of the taker's own cap pass it).
        vm.prank(taker);
        n = market.fill(id, shares, limit, 100);
    }

    /// The fee as the market takes it: 0.5 % rounded down to the whole cent (HKD has 6 decimals: 1 cent = 1e4).
    function _fee(uint256 cost) internal pure returns (uint256) {
        uint256 f = cost * FEE_BPS / 10_000;
        return f - f % 1e4;
    }

    /// Default order lifetime in the tests: 30 days.
    function _expiry() internal view returns (uint256) {
        return block.timestamp + 30 days;
    }

    function _freeze(address who, bool frozen) internal {
        vm.prank(agent);
        token.setWalletFrozen(who, frozen);
    }
}
