// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Base} from "./utils/Base.sol";
import {
    MarketReentrantPaymentToken,
    MarketFeeOnTransferToken,
    MarketReentrancyAttacker
} from "./utils/MarketMockTokens.sol";
import {Market} from "../src/Market.sol";
import {IMarket} from "../src/interfaces/IMarket.sol";

/// Hostile payment tokens: a token that calls traders back mid-transfer (re-entrancy) and a fee-on-transfer token.
contract MarketPaymentTokensTest is Base {
    uint256 internal constant PRICE = 100e6;
    uint16 internal constant FEE_BPS = 50;
    bytes32 internal constant MALLORY = keccak256("investor:mallory");

    address internal feeRecipient = makeAddr("feeRecipient");
    MarketReentrantPaymentToken internal rhkd;
    Market internal market;
    MarketReentrancyAttacker internal mallory;

    function setUp() public override {
        super.setUp();
        rhkd = new MarketReentrantPaymentToken();
        market = new Market(IERC20(address(rhkd)), address(factory), feeRecipient, FEE_BPS, admin);
        mallory = new MarketReentrancyAttacker(address(market));
        _registerTwoAgents(address(mallory), MALLORY, HK, PROFESSIONAL, kycExpiry);
        _mint(alice, 100);
        _mint(address(mallory), 100);
        rhkd.mint(alice, 1_000_000e6);
        rhkd.mint(bob, 1_000_000e6);
        rhkd.mint(address(mallory), 1_000_000e6);
        vm.startPrank(alice);
        token.approve(address(market), type(uint256).max);
        rhkd.approve(address(market), type(uint256).max);
        vm.stopPrank();
        vm.startPrank(bob);
        token.approve(address(market), type(uint256).max);
        rhkd.approve(address(market), type(uint256).max);
        vm.stopPrank();
        _malloryCall(address(token), abi.encodeCall(IERC20.approve, (address(market), type(uint256).max)));
        _malloryCall(address(rhkd), abi.encodeCall(IERC20.approve, (address(market), type(uint256).max)));
        _malloryCall(address(rhkd), abi.encodeCall(MarketReentrantPaymentToken.registerHook, (true)));
    }

    function _malloryCall(address target, bytes memory data) internal returns (bytes memory ret) {
        bool ok;
        (ok, ret) = mallory.exec(target, data);
        assertTrue(ok, "mallory call failed");
    }

    function _assertBlocked() internal view {
        assertGt(mallory.attempts(), 0, "no re-entry attempted");
        assertEq(mallory.successes(), 0, "re-entry succeeded");
        assertEq(
            bytes4(mallory.lastError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector, "wrong guard"
        );
    }

    function test_reentrancy_doubleRefundOnCancelBlocked() public {
        uint256 id = abi.decode(
            _malloryCall(
                address(market),
                abi.encodeCall(IMarket.placeBid, (address(token), 10, PRICE, block.timestamp + 1 days, 100))
            ),
            (uint256)
        );
        mallory.setReentry(abi.encodeCall(IMarket.cancel, (id)));
        uint256 before = rhkd.balanceOf(address(mallory));
        _malloryCall(address(market), abi.encodeCall(IMarket.cancel, (id)));
        _assertBlocked();
        assertEq(rhkd.balanceOf(address(mallory)) - before, 10 * PRICE);
        assertEq(rhkd.balanceOf(address(market)), 0);
    }

    function test_reentrancy_cancelDuringBidEscrowBlocked() public {
        mallory.setReentry(abi.encodeCall(IMarket.cancel, (1)));
        _malloryCall(
            address(market),
            abi.encodeCall(IMarket.placeBid, (address(token), 10, PRICE, block.timestamp + 1 days, 100))
        );
        _assertBlocked();
        assertEq(market.order(1).remaining, 10);
        assertEq(rhkd.balanceOf(address(market)), 10 * PRICE);
    }

    function test_reentrancy_secondFillWhilePayingAskBlocked() public {
        vm.prank(alice);
        (uint256 id,) = market.placeAsk(address(token), 10, PRICE, block.timestamp + 1 days, 100);
        mallory.setReentry(abi.encodeCall(IMarket.fill, (id, 5, PRICE, FEE_BPS)));
        uint256 before = rhkd.balanceOf(address(mallory));
        _malloryCall(address(market), abi.encodeCall(IMarket.fill, (id, 5, PRICE, FEE_BPS)));
        _assertBlocked();
        assertEq(token.balanceOf(address(mallory)), 105);
        assertEq(before - rhkd.balanceOf(address(mallory)), 5 * PRICE + 5 * PRICE * FEE_BPS / 10_000);
        assertEq(market.order(id).remaining, 5);
    }

    function test_reentrancy_refillBidWhileReceivingPayoutBlocked() public {
        vm.prank(bob);
        (uint256 id,) = market.placeBid(address(token), 10, PRICE, block.timestamp + 1 days, 100);
        mallory.setReentry(abi.encodeCall(IMarket.fill, (id, 5, PRICE, FEE_BPS)));
        _malloryCall(address(market), abi.encodeCall(IMarket.fill, (id, 5, PRICE, FEE_BPS)));
        _assertBlocked();
        assertEq(market.order(id).remaining, 5);
        assertEq(rhkd.balanceOf(address(market)), 5 * PRICE + market.accruedFees());
        assertEq(token.balanceOf(bob), 5);
    }

    function test_feeOnTransfer_bidRefused_asksStillSettle() public {
        MarketFeeOnTransferToken thkd = new MarketFeeOnTransferToken();
        Market m = new Market(IERC20(address(thkd)), address(factory), feeRecipient, FEE_BPS, admin);
        thkd.mint(bob, 1_000_000e6);
        vm.prank(bob);
        thkd.approve(address(m), type(uint256).max);
        vm.prank(alice);
        token.approve(address(m), type(uint256).max);

        vm.expectRevert(
            abi.encodeWithSelector(IMarket.MarketEscrowShortfall.selector, 10 * PRICE, 10 * PRICE * 99 / 100)
        );
        vm.prank(bob);
        m.placeBid(address(token), 10, PRICE, block.timestamp + 1 days, 100);
        assertEq(thkd.balanceOf(address(m)), 0);

        vm.prank(alice);
        (uint256 id,) = m.placeAsk(address(token), 10, PRICE, block.timestamp + 1 days, 100);
        vm.prank(bob);
        m.fill(id, 10, PRICE, FEE_BPS);
        // The token's tax hits the receivers; the market never holds anything, so it cannot become insolvent.
        assertEq(token.balanceOf(bob), 10);
        assertEq(thkd.balanceOf(alice), 10 * PRICE * 99 / 100);
        assertEq(thkd.balanceOf(address(m)), 0);
    }
}
