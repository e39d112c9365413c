// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MarketBase} from "./utils/MarketBase.sol";
import {IIdentityRegistry} from "../src/interfaces/IIdentityRegistry.sol";
import {IMarket, FILL_PLATFORM_STOPPED, FILL_OK} from "../src/interfaces/IMarket.sol";
import {IPrimaryOffering, BUY_PLATFORM_STOPPED, BUY_OK} from "../src/interfaces/IPrimaryOffering.sol";

/// Issue 13 item 3: a platform-wide emergency stop held by the platform admin, separate from any token's pause.
/// While stopped: registry writes, purchases, new offerings, placing and filling orders are refused with their own
/// errors / codes; a maker's cancel (with its escrow refund) and the issuer's withdrawal stay possible; the token's own
/// transfers and pause are unchanged.
contract PlatformStopTest is MarketBase {
    event PlatformStopped(address indexed by);
    event PlatformResumed(address indexed by);

    uint256 internal offeringId;

    function setUp() public override {
        super.setUp();
        offeringId = _createOffering(_terms(250e6, 1000, 1, 300));
        _fund(carol, 1_000_000e6);
    }

    function _stop() internal {
        vm.prank(admin);
        registry.stopPlatform();
    }

    function _stopped(bytes4 selector) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector);
    }

    function test_onlyThePlatformAdminStopsAndResumes() public {
        bytes32 adminRole = registry.DEFAULT_ADMIN_ROLE();
        address[3] memory callers = [agent, issuer, stranger];
        for (uint256 i; i < callers.length; ++i) {
            vm.prank(callers[i]);
            vm.expectRevert(_unauthorized(callers[i], adminRole));
            registry.stopPlatform();
        }
        assertFalse(registry.platformStopped());
        vm.expectEmit(address(registry));
        emit PlatformStopped(admin);
        _stop();
        assertTrue(registry.platformStopped());
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryPlatformState.selector, true));
        registry.stopPlatform();
        vm.prank(agent);
        vm.expectRevert(_unauthorized(agent, adminRole));
        registry.resumePlatform();
        vm.expectEmit(address(registry));
        emit PlatformResumed(admin);
        vm.prank(admin);
        registry.resumePlatform();
        assertFalse(registry.platformStopped());
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryPlatformState.selector, false));
        registry.resumePlatform();
    }

    function test_registryWritesRefusedWhileStopped() public {
        address eve = makeAddr("eve");
        bytes32 eveId = keccak256("investor:eve");
        _stop();
        bytes memory refused = _stopped(IIdentityRegistry.IdentityRegistryPlatformStopped.selector);
        vm.startPrank(agent);
        vm.expectRevert(refused);
        registry.registerInvestor(eve, eveId, HK, RETAIL, kycExpiry);
        vm.expectRevert(refused);
        registry.updateInvestor(ALICE, HK, RETAIL, kycExpiry + 1);
        vm.expectRevert(refused);
        registry.linkWallet(eve, ALICE);
        vm.expectRevert(refused);
        registry.unlinkWallet(alice2);
        vm.expectRevert(refused);
        registry.proposeRegistration(eve, eveId, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(refused);
        registry.proposeUpdate(ALICE, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(refused);
        registry.proposeLink(eve, BOB);
        vm.expectRevert(refused);
        registry.removeInvestor(ALICE);
        address[] memory ws = new address[](1);
        ws[0] = eve;
        bytes32[] memory ids = new bytes32[](1);
        ids[0] = ALICE;
        vm.expectRevert(refused);
        registry.batchLinkWallet(ws, ids);
        vm.expectRevert(refused);
        registry.batchUnlinkWallet(ws);
        vm.stopPrank();
        assertEq(registry.investorOf(eve), bytes32(0));
        assertEq(registry.investorOf(alice2), ALICE);
    }

    /// A proposal made before the stop cannot be confirmed during it, but any agent may still withdraw it.
    function test_pendingProposalsCannotBeConfirmedButCanBeCancelledWhileStopped() public {
        address eve = makeAddr("eve");
        bytes32 eveId = keccak256("investor:eve");
        vm.startPrank(agent);
        registry.proposeRegistration(eve, eveId, HK, PROFESSIONAL, kycExpiry);
        registry.proposeLink(eve, BOB);
        vm.stopPrank();
        _stop();
        bytes memory refused = _stopped(IIdentityRegistry.IdentityRegistryPlatformStopped.selector);
        vm.startPrank(agent2);
        vm.expectRevert(refused);
        registry.confirmProposal(eveId, eve, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(refused);
        registry.confirmLink(eve, BOB);
        registry.cancelProposal(eveId);
        registry.cancelLinkProposal(BOB);
        vm.stopPrank();
        assertFalse(registry.isVerified(eve));
    }

    function test_purchasesAndNewOfferingsRefusedWhileStopped() public {
        assertEq(_canBuy(carol, 10), BUY_OK);
        _stop();
        assertEq(_canBuy(carol, 10), BUY_PLATFORM_STOPPED);
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, offeringId, BUY_PLATFORM_STOPPED)
        );
        offering.buy(offeringId, 10);
        IPrimaryOffering.Terms memory t = _terms(250e6, 1000, 1, 300);
        vm.prank(issuer);
        vm.expectRevert(_stopped(IPrimaryOffering.OfferingPlatformStopped.selector));
        offering.createOffering(address(token), t);
        // Resumed: the same purchase goes through.
        vm.prank(admin);
        registry.resumePlatform();
        vm.prank(carol);
        offering.buy(offeringId, 10);
        assertEq(token.balanceOf(carol), 10);
    }

    /// The issuer still withdraws proceeds while stopped (money out is always possible).
    function test_withdrawProceedsWorksWhileStopped() public {
        vm.prank(carol);
        offering.buy(offeringId, 10);
        _stop();
        vm.prank(issuer);
        offering.withdrawProceeds(offeringId);
        assertEq(hkd.balanceOf(treasury), 10 * 250e6);
    }

    function test_marketPlacingAndFillingRefusedWhileStopped() public {
        uint256 askId = _ask(alice, 10, PRICE);
        uint256 bidId = _bid(carol, 5, PRICE - 1e6);
        _stop();
        bytes memory refused = _stopped(IMarket.MarketPlatformStopped.selector);
        vm.prank(alice);
        vm.expectRevert(refused);
        market.placeAsk(address(token), 1, PRICE + 1e6, _expiry(), 100);
        vm.prank(carol);
        vm.expectRevert(refused);
        market.placeBid(address(token), 1, PRICE - 2e6, _expiry(), 100);
        vm.prank(bob);
        vm.expectRevert(refused);
        market.fill(askId, 1, PRICE, 100);
        vm.prank(bob);
        vm.expectRevert(refused);
        market.fill(bidId, 1, 0, 100);
        (uint256 n, uint8 code) = market.fillable(askId);
        assertEq(n, 0);
        assertEq(code, FILL_PLATFORM_STOPPED);
        (n, code) = market.fillableBy(bidId, bob);
        assertEq(code, FILL_PLATFORM_STOPPED);
        // Resumed: the same fill goes through.
        vm.prank(admin);
        registry.resumePlatform();
        (, code) = market.fillable(askId);
        assertEq(code, FILL_OK);
        assertEq(_fill(bob, askId, 1, PRICE), 1);
    }

    /// Makers cancel their own orders and get their escrow back while stopped; the token's own transfers go on.
    function test_cancelAndRefundAndTransfersWorkWhileStopped() public {
        uint256 askId = _ask(alice, 10, PRICE);
        uint256 bidId = _bid(carol, 5, PRICE - 1e6);
        uint256 before = hkd.balanceOf(carol);
        _stop();
        vm.prank(alice);
        market.cancel(askId);
        vm.prank(carol);
        market.cancel(bidId);
        assertEq(hkd.balanceOf(carol) - before, 5 * (PRICE - 1e6));
        assertEq(market.openOrderCount(address(token)), 0);
        // Not a token pause: holders still move their own shares, and the token's pause is separate.
        vm.prank(alice);
        token.transfer(bob, 3);
        assertEq(token.balanceOf(bob), 1003);
        assertFalse(token.paused());
    }

    /// Fuzz: whatever the order, while stopped no placement succeeds; resumed, the book works again.
    function testFuzz_noPlacementWhileStopped(uint256 shares, uint256 cents, bool ask) public {
        shares = bound(shares, 1, 1000);
        uint256 price = bound(cents, 1, 1_000_000) * 1e4;
        _stop();
        vm.prank(ask ? alice : carol);
        vm.expectRevert(_stopped(IMarket.MarketPlatformStopped.selector));
        if (ask) market.placeAsk(address(token), shares, price, _expiry(), 100);
        else market.placeBid(address(token), shares, price, _expiry(), 100);
        assertEq(market.orderCount(), 0);
    }

    /// Fuzz: while stopped, no purchase of any size by any investor succeeds.
    function testFuzz_noPurchaseWhileStopped(uint256 shares, uint256 who) public {
        shares = bound(shares, 1, 300);
        address[3] memory buyers = [alice, bob, carol];
        address buyer = buyers[who % 3];
        _fund(buyer, 1_000_000e6);
        _stop();
        assertEq(_canBuy(buyer, shares), BUY_PLATFORM_STOPPED);
        uint256 supply = token.totalSupply();
        vm.prank(buyer);
        vm.expectRevert(
            abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, offeringId, BUY_PLATFORM_STOPPED)
        );
        offering.buy(offeringId, shares);
        assertEq(token.totalSupply(), supply);
    }

    function _canBuy(address buyer, uint256 shares) internal view returns (uint8 code) {
        (code,) = offering.canBuy(offeringId, buyer, shares);
    }
}
