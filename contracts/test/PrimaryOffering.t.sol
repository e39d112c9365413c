// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {PrimaryOffering} from "../src/PrimaryOffering.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import "../src/interfaces/IPrimaryOffering.sol";
import "../src/interfaces/IArtworkShareToken.sol";

contract PrimaryOfferingTest is Base {
    event OfferingCreated(uint256 indexed id, address indexed token, address indexed issuer, IPrimaryOffering.Terms terms);
    event SharesPurchased(
        uint256 indexed id, address indexed buyer, bytes32 indexed investorId, uint256 shares, uint256 cost
    );
    event OfferingClosed(uint256 indexed id, address indexed issuer);
    event ProceedsWithdrawn(uint256 indexed id, address indexed treasury, uint256 amount);

    uint256 internal constant PRICE = 250e6; // HKD 250 per share
    uint256 internal id;

    function setUp() public override {
        super.setUp();
        _setRules(_rules(0, 0, 90 days));
        id = _createOffering(_terms(PRICE, 1000, 10, 300));
        _fund(alice, 1_000_000e6);
        _fund(alice2, 1_000_000e6);
        _fund(bob, 1_000_000e6);
        _fund(carol, 1_000_000e6);
        _fund(dave, 1_000_000e6);
        _fund(stranger, 1_000_000e6);
    }

    function _refusedBuy(uint8 code) internal view returns (bytes memory) {
        return abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, id, code);
    }

    function _buy(address who, uint256 shares) internal {
        vm.prank(who);
        offering.buy(id, shares);
    }

    function test_create_views() public view {
        assertEq(offering.offeringCount(), 1);
        assertEq(offering.offeringsOf(address(token)).length, 1);
        IPrimaryOffering.OfferingInfo memory info = offering.offering(id);
        assertEq(info.token, address(token));
        assertEq(info.terms.pricePerShare, PRICE);
        assertEq(info.terms.supplyCap, 1000);
        assertEq(info.terms.treasury, treasury);
        assertEq(uint8(info.status), uint8(IPrimaryOffering.Status.Live));
        assertEq(offering.paymentToken(), address(hkd));
        assertEq(offering.identityRegistry(), address(registry));
        assertEq(offering.factory(), address(factory));
        assertEq(offering.quote(id, 4), 4 * PRICE);
    }

    function test_create_event() public {
        IPrimaryOffering.Terms memory t = _terms(1, 10, 1, 10);
        vm.expectEmit(address(offering));
        emit OfferingCreated(2, address(token), issuer, t);
        _createOffering(t);
    }

    function test_create_refusals() public {
        IPrimaryOffering.Terms memory t = _terms(PRICE, 1000, 10, 300);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingUnauthorized.selector, stranger, address(token)));
        offering.createOffering(address(token), t);
        vm.prank(agent); // agents are not issuers
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingUnauthorized.selector, agent, address(token)));
        offering.createOffering(address(token), t);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingUnknownToken.selector, address(hkd)));
        offering.createOffering(address(hkd), t);

        vm.startPrank(issuer);
        t.supplyCap = 0;
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidSupplyCap.selector, 0));
        offering.createOffering(address(token), t);
        t = _terms(0, 1000, 10, 300);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidPrice.selector, 0, 1000));
        offering.createOffering(address(token), t);
        t = _terms(type(uint128).max, 2, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidPrice.selector, type(uint128).max, 2));
        offering.createOffering(address(token), t);
        t = _terms(PRICE, 1000, 0, 300);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidTicket.selector, 0, 300));
        offering.createOffering(address(token), t);
        t = _terms(PRICE, 1000, 301, 300);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidTicket.selector, 301, 300));
        offering.createOffering(address(token), t);
        t = _terms(PRICE, 1000, 10, 300);
        t.end = t.start;
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidWindow.selector, t.start, t.end));
        offering.createOffering(address(token), t);
        t = _terms(PRICE, 1000, 10, 300);
        t.eligibleCategories = 0x11;
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingInvalidCategories.selector, 0x11));
        offering.createOffering(address(token), t);
        t = _terms(PRICE, 1000, 10, 300);
        t.treasury = address(0);
        vm.expectRevert(IPrimaryOffering.OfferingZeroAddress.selector);
        offering.createOffering(address(token), t);
        vm.stopPrank();
    }

    function test_buy_happyPath() public {
        assertEq(_canBuy(alice, 20), BUY_OK);
        vm.expectEmit(address(offering));
        emit SharesPurchased(id, alice, ALICE, 20, 20 * PRICE);
        _buy(alice, 20);
        assertEq(token.balanceOf(alice), 20);
        assertEq(hkd.balanceOf(address(offering)), 20 * PRICE);
        assertEq(offering.purchasedBy(id, ALICE), 20);
        IPrimaryOffering.OfferingInfo memory info = offering.offering(id);
        assertEq(info.sold, 20);
        assertEq(info.proceeds, 20 * PRICE);
        // minted shares are locked for the token's lock-up
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_SHARES_LOCKED);
        vm.warp(block.timestamp + 90 days);
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_OK);
    }

    function test_buyWithPermit_andFrontRunTolerance() public {
        uint256 key = 0xC0FFEE;
        address buyer = vm.addr(key);
        _linkTwoAgents(buyer, BOB);
        vm.prank(admin);
        hkd.mint(buyer, 100 * PRICE);
        uint256 cost = 20 * PRICE;
        (uint8 v, bytes32 r, bytes32 s) = _sign(key, buyer, cost, 0, block.timestamp);
        vm.prank(buyer);
        offering.buyWithPermit(id, 20, block.timestamp, v, r, s);
        assertEq(token.balanceOf(buyer), 20);
        assertEq(hkd.allowance(buyer, address(offering)), 0);

        // someone front-runs the permit: the purchase still goes through
        (v, r, s) = _sign(key, buyer, cost, 1, block.timestamp);
        hkd.permit(buyer, address(offering), cost, block.timestamp, v, r, s);
        vm.prank(buyer);
        offering.buyWithPermit(id, 20, block.timestamp, v, r, s);
        assertEq(token.balanceOf(buyer), 40);
        assertEq(offering.purchasedBy(id, BOB), 40);

        // a bad signature without allowance fails on the payment
        vm.prank(buyer);
        vm.expectRevert();
        offering.buyWithPermit(id, 20, block.timestamp, v, r, s);
    }

    function _sign(uint256 key, address owner_, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (uint8, bytes32, bytes32)
    {
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                hkd.DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                        owner_,
                        address(offering),
                        value,
                        nonce,
                        deadline
                    )
                )
            )
        );
        return vm.sign(key, digest);
    }

    function _canBuy(address who, uint256 shares) internal view returns (uint8 code) {
        (code,) = offering.canBuy(id, who, shares);
    }

    function test_code1_unknown() public {
        (uint8 code,) = offering.canBuy(99, alice, 10);
        assertEq(code, BUY_UNKNOWN_OFFERING);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, 99, BUY_UNKNOWN_OFFERING));
        offering.buy(99, 10);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingNotFound.selector, 0));
        offering.status(0);
    }

    function test_code2_notLive_upcomingEndedClosed() public {
        IPrimaryOffering.Terms memory t = _terms(PRICE, 100, 1, 100);
        t.start = uint64(block.timestamp + 1 days);
        t.end = uint64(block.timestamp + 2 days);
        uint256 later = _createOffering(t);
        assertEq(uint8(offering.status(later)), uint8(IPrimaryOffering.Status.Upcoming));
        (uint8 code,) = offering.canBuy(later, alice, 10);
        assertEq(code, BUY_NOT_LIVE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, later, BUY_NOT_LIVE));
        offering.buy(later, 10);
        vm.warp(t.start);
        assertEq(uint8(offering.status(later)), uint8(IPrimaryOffering.Status.Live));
        vm.warp(t.end);
        assertEq(uint8(offering.status(later)), uint8(IPrimaryOffering.Status.Ended));
        (code,) = offering.canBuy(later, alice, 10);
        assertEq(code, BUY_NOT_LIVE);

        vm.expectEmit(address(offering));
        emit OfferingClosed(id, issuer);
        vm.prank(issuer);
        offering.closeOffering(id);
        assertEq(uint8(offering.status(id)), uint8(IPrimaryOffering.Status.Closed));
        vm.prank(alice);
        vm.expectRevert(_refusedBuy(BUY_NOT_LIVE));
        offering.buy(id, 10);
        vm.prank(issuer);
        vm.expectRevert(
            abi.encodeWithSelector(IPrimaryOffering.OfferingNotOpen.selector, id, IPrimaryOffering.Status.Closed)
        );
        offering.closeOffering(id);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingUnauthorized.selector, stranger, address(token)));
        offering.closeOffering(later);
    }

    function test_code3_supply_andSoldOut() public {
        IPrimaryOffering.Terms memory t = _terms(PRICE, 25, 10, 300);
        uint256 small = _createOffering(t);
        (uint8 code,) = offering.canBuy(small, alice, 26);
        assertEq(code, BUY_EXCEEDS_SUPPLY);
        vm.prank(alice);
        offering.buy(small, 20);
        // the last 5 shares may be bought below the minimum ticket
        (code,) = offering.canBuy(small, bob, 4);
        assertEq(code, BUY_BELOW_MIN_TICKET);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, small, BUY_EXCEEDS_SUPPLY));
        offering.buy(small, 6);
        vm.prank(bob);
        offering.buy(small, 5);
        assertEq(uint8(offering.status(small)), uint8(IPrimaryOffering.Status.SoldOut));
        (code,) = offering.canBuy(small, bob, 1);
        assertEq(code, BUY_NOT_LIVE);
    }

    function test_code4_belowMinTicket() public {
        assertEq(_canBuy(alice, 9), BUY_BELOW_MIN_TICKET);
        assertEq(_canBuy(alice, 0), BUY_BELOW_MIN_TICKET);
        vm.prank(alice);
        vm.expectRevert(_refusedBuy(BUY_BELOW_MIN_TICKET));
        offering.buy(id, 9);
    }

    function test_code5_maxTicketPerInvestorAcrossWallets() public {
        _buy(alice, 200);
        assertEq(_canBuy(alice2, 101), BUY_ABOVE_MAX_TICKET);
        vm.prank(alice2);
        vm.expectRevert(_refusedBuy(BUY_ABOVE_MAX_TICKET));
        offering.buy(id, 101);
        _buy(alice2, 100);
        assertEq(offering.purchasedBy(id, ALICE), 300);
    }

    function test_code6_notVerified() public {
        assertEq(_canBuy(stranger, 10), BUY_NOT_VERIFIED);
        vm.prank(stranger);
        vm.expectRevert(_refusedBuy(BUY_NOT_VERIFIED));
        offering.buy(id, 10);
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp)); // KYC expires now
        assertEq(_canBuy(alice, 10), BUY_NOT_VERIFIED);
    }

    function test_code7_categoryNotEligible() public {
        IPrimaryOffering.Terms memory t = _terms(PRICE, 1000, 10, 300);
        t.eligibleCategories = uint8(1 << PROFESSIONAL) | uint8(1 << INSTITUTIONAL);
        uint256 pro = _createOffering(t);
        (uint8 code,) = offering.canBuy(pro, alice, 10);
        assertEq(code, BUY_CATEGORY_NOT_ELIGIBLE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, pro, BUY_CATEGORY_NOT_ELIGIBLE));
        offering.buy(pro, 10);
        (code,) = offering.canBuy(pro, bob, 10);
        assertEq(code, BUY_OK);
    }

    function test_code8_tokenRefused() public {
        (uint8 code, uint8 tokenCode) = offering.canBuy(id, dave, 10); // US not allowed by the token
        assertEq(code, BUY_TOKEN_REFUSED);
        assertEq(tokenCode, TRANSFER_COUNTRY_NOT_ALLOWED);
        vm.prank(dave);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareTransferRefused.selector, TRANSFER_COUNTRY_NOT_ALLOWED));
        offering.buy(id, 10);
        vm.prank(agent);
        token.pause();
        (code, tokenCode) = offering.canBuy(id, alice, 10);
        assertEq(code, BUY_TOKEN_REFUSED);
        assertEq(tokenCode, TRANSFER_PAUSED);
    }

    function test_code9_insufficientFunds() public {
        address poor = makeAddr("poor");
        _linkTwoAgents(poor, CAROL);
        assertEq(_canBuy(poor, 10), BUY_INSUFFICIENT_FUNDS);
        vm.prank(poor);
        vm.expectRevert();
        offering.buy(id, 10);
    }

    function test_withdrawProceeds() public {
        _buy(alice, 20);
        _buy(bob, 30);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingUnauthorized.selector, stranger, address(token)));
        offering.withdrawProceeds(id);
        vm.expectEmit(address(offering));
        emit ProceedsWithdrawn(id, treasury, 50 * PRICE);
        vm.prank(issuer);
        offering.withdrawProceeds(id);
        assertEq(hkd.balanceOf(treasury), 50 * PRICE);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingNothingToWithdraw.selector, id));
        offering.withdrawProceeds(id);
        _buy(carol, 10);
        vm.prank(issuer);
        offering.withdrawProceeds(id);
        assertEq(hkd.balanceOf(treasury), 60 * PRICE);
        IPrimaryOffering.OfferingInfo memory info = offering.offering(id);
        assertEq(info.withdrawn, info.proceeds);
    }

    function test_setFactory_onceByAdmin() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingUnauthorized.selector, stranger, address(offering)));
        offering.setFactory(stranger);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingFactoryAlreadySet.selector, address(factory)));
        offering.setFactory(stranger);
    }

    function test_offeringsOf_multiple() public {
        ArtworkShareToken other = _deploy(_rules(0, 0, 0));
        vm.prank(issuer);
        uint256 id2 = offering.createOffering(address(other), _terms(1e6, 10, 1, 10));
        _createOffering(_terms(1e6, 10, 1, 10));
        assertEq(offering.offeringsOf(address(other))[0], id2);
        assertEq(offering.offeringsOf(address(token)).length, 2);
        assertEq(offering.offeringCount(), 3);
    }
}
