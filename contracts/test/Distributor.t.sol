// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {DistributorBase} from "./utils/DistributorBase.sol";
import {Distributor} from "../src/Distributor.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {IDistributor} from "../src/interfaces/IDistributor.sol";

/// Distributions: the issuer deposits with the root of the entitlements at a record block; each holder claims once,
/// under the token's rules; a recovered wallet's entitlement goes to the wallet it was moved to; compliance can hold;
/// after the window the issuer takes back the unclaimed remainder and the dust, never more.
contract DistributorTest is DistributorBase {
    Entitlement[] internal _e;
    uint256 internal dust;

    function setUp() public override {
        super.setUp();
        _mint(alice, 1000);
        _mint(bob, 600);
        _mint(carol, 401);
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, carol);
        uint256[] memory balances = new uint256[](3);
        (balances[0], balances[1], balances[2]) = (1000, 600, 401);
        Entitlement[] memory e;
        (e, dust) = _entitlements(holders, balances, DEPOSIT);
        for (uint256 i; i < e.length; ++i) {
            _e.push(e[i]);
        }
    }

    function _ents() internal view returns (Entitlement[] memory e) {
        e = _e;
    }

    function test_entitlements_floor_andDust() public view {
        // 1,000,000e6 × 1000 / 2001 = 499,750,124,937.53… → floor; the three floors leave 2 units of dust.
        assertEq(_e[0].amount, 499_750_124_937);
        assertEq(_e[1].amount, 299_850_074_962);
        assertEq(_e[2].amount, 200_399_800_099);
        assertEq(_e[0].amount + _e[1].amount + _e[2].amount + dust, DEPOSIT);
        assertEq(dust, 2);
    }

    function test_create_depositsAndRecords() public {
        uint256 before = hkd.balanceOf(issuer);
        uint256 id = _create(_ents(), DEPOSIT);
        assertEq(id, 1);
        assertEq(distributor.distributionCount(), 1);
        assertEq(hkd.balanceOf(address(distributor)), DEPOSIT);
        assertEq(hkd.balanceOf(issuer), before - DEPOSIT);
        IDistributor.Distribution memory d = distributor.distribution(id);
        assertEq(d.token, address(token));
        assertEq(d.issuer, issuer);
        assertEq(d.amount, DEPOSIT);
        assertEq(d.claimed, 0);
        assertEq(d.root, _root(_ents()));
        assertEq(d.recordBlock, block.number - 1);
    }

    function test_create_onlyTheTokensIssuer() public {
        vm.roll(block.number + 1);
        bytes32 root = _root(_ents());
        vm.prank(admin);
        hkd.mint(stranger, DEPOSIT);
        vm.startPrank(stranger);
        hkd.approve(address(distributor), DEPOSIT);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorNotIssuer.selector, address(token), stranger));
        distributor.createDistribution(address(token), _terms(root, DEPOSIT, 1, block.timestamp + 30 days, 3), "");
        vm.stopPrank();
    }

    function test_create_refusesUnknownToken_futureRecordBlock_shortWindow_zeroes() public {
        vm.roll(block.number + 1);
        bytes32 root = _root(_ents());
        uint256 deadline = block.timestamp + 30 days;
        vm.startPrank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorUnknownToken.selector, address(hkd)));
        distributor.createDistribution(address(hkd), _terms(root, DEPOSIT, 1, deadline, 3), "");
        vm.expectRevert(
            abi.encodeWithSelector(IDistributor.DistributorRecordBlockNotPast.selector, block.number, block.number)
        );
        distributor.createDistribution(address(token), _terms(root, DEPOSIT, block.number, deadline, 3), "");
        uint256 tooSoon = block.timestamp + 7 days - 1;
        vm.expectRevert(
            abi.encodeWithSelector(IDistributor.DistributorWindowTooShort.selector, tooSoon, block.timestamp + 7 days)
        );
        distributor.createDistribution(address(token), _terms(root, DEPOSIT, 1, tooSoon, 3), "");
        vm.expectRevert(IDistributor.DistributorInvalid.selector);
        distributor.createDistribution(address(token), _terms(root, 0, 1, deadline, 3), "");
        vm.expectRevert(IDistributor.DistributorInvalid.selector);
        distributor.createDistribution(address(token), _terms(bytes32(0), DEPOSIT, 1, deadline, 3), "");
        vm.stopPrank();
    }

    function test_claim_paysEachHolderOnce() public {
        uint256 id = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        uint256 before = hkd.balanceOf(alice);
        vm.expectEmit(address(distributor));
        emit IDistributor.Claimed(id, 0, alice, alice, e[0].amount);
        _claim(alice, id, e, 0);
        assertEq(hkd.balanceOf(alice), before + e[0].amount);
        assertTrue(distributor.isClaimed(id, 0));
        assertFalse(distributor.isClaimed(id, 1));
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_ALREADY_CLAIMED()));
        _claim(alice, id, e, 0);
        _claim(bob, id, e, 1);
        _claim(carol, id, e, 2);
        assertEq(distributor.distribution(id).claimed, DEPOSIT - dust);
        assertEq(hkd.balanceOf(address(distributor)), dust);
    }

    function test_claim_refusesWrongAmountWrongWalletAndOthersEntitlement() public {
        uint256 id = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        bytes32[] memory proof = _proof(e, 0);
        vm.startPrank(alice);
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_NOT_ENTITLED()));
        distributor.claim(id, 0, alice, e[0].amount + 1, proof);
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_NOT_ENTITLED()));
        distributor.claim(id, 1, alice, e[0].amount, proof);
        vm.stopPrank();
        // Bob cannot take alice's entitlement, even with her valid proof.
        vm.prank(bob);
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_NOT_HOLDER()));
        distributor.claim(id, 0, alice, e[0].amount, proof);
        assertEq(distributor.claimCode(id, 0, alice, bob, e[0].amount, proof), distributor.CLAIM_NOT_HOLDER());
        assertEq(distributor.claimCode(id, 0, alice, alice, e[0].amount, proof), distributor.CLAIM_OK());
    }

    function test_claim_frozenWallet_isRefused_andItsMoneyStaysReserved() public {
        uint256 id = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        vm.prank(agent);
        token.setWalletFrozen(bob, true);
        vm.expectRevert(_refused(id, bob, distributor.CLAIM_FROZEN()));
        _claim(bob, id, e, 1);
        _claim(alice, id, e, 0);
        vm.prank(agent);
        token.setWalletFrozen(bob, false);
        _claim(bob, id, e, 1);
        assertEq(hkd.balanceOf(address(distributor)), e[2].amount + dust);
    }

    function test_claim_lapsedKyc_isRefused_untilRenewed() public {
        // Alice's KYC runs out 10 days into the 30-day claim window.
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp + 10 days));
        uint256 id = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        vm.warp(block.timestamp + 10 days);
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_NOT_VERIFIED()));
        _claim(alice, id, e, 0);
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp + 365 days));
        _claim(alice, id, e, 0);
    }

    function test_claim_platformStopped_isRefused() public {
        uint256 id = _create(_ents(), DEPOSIT);
        vm.prank(admin);
        registry.stopPlatform();
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_PLATFORM_STOPPED()));
        _claim(alice, id, _ents(), 0);
    }

    function test_claim_recoveredWallet_paysTheWalletItWasMovedTo() public {
        uint256 id = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        // After the record block, compliance recovers alice's wallet to alice2 (her second, verified wallet).
        _enforce(address(token), abi.encodeCall(ArtworkShareToken.recoverWallet, (alice, alice2)));
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_WALLET_RECOVERED()));
        _claim(alice, id, e, 0);
        uint256 before = hkd.balanceOf(alice2);
        _claim(alice2, id, e, 0);
        assertEq(hkd.balanceOf(alice2), before + e[0].amount);
    }

    function test_hold_pausesClaims_onlyAnAgent_withAReason() public {
        uint256 id = _create(_ents(), DEPOSIT);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorNotAgent.selector, issuer));
        distributor.hold(id, true, "Checking the register");
        vm.prank(agent);
        vm.expectRevert(IDistributor.DistributorInvalid.selector);
        distributor.hold(id, true, "");
        vm.prank(agent);
        vm.expectEmit(address(distributor));
        emit IDistributor.DistributionHeld(id, true, agent, "Checking the register");
        distributor.hold(id, true, "Checking the register");
        vm.expectRevert(_refused(id, alice, distributor.CLAIM_HELD()));
        _claim(alice, id, _ents(), 0);
        vm.prank(agent);
        distributor.hold(id, false, "Register checked");
        _claim(alice, id, _ents(), 0);
    }

    function test_close_afterTheWindow_returnsTheRemainderAndDust_once() public {
        uint256 id = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        _claim(alice, id, e, 0);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorCannotClose.selector, id, 2));
        distributor.close(id);
        vm.warp(block.timestamp + 30 days);
        vm.expectRevert(_refused(id, bob, distributor.CLAIM_WINDOW_ENDED()));
        _claim(bob, id, e, 1);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorCannotClose.selector, id, 1));
        distributor.close(id);
        uint256 before = hkd.balanceOf(issuer);
        vm.prank(issuer);
        uint256 returned = distributor.close(id);
        assertEq(returned, DEPOSIT - e[0].amount);
        assertEq(hkd.balanceOf(issuer), before + returned);
        assertEq(hkd.balanceOf(address(distributor)), 0);
        // Closed comes before the window's end (the claim reads `closed` only once the deadline passed).
        vm.expectRevert(_refused(id, bob, distributor.CLAIM_CLOSED()));
        _claim(bob, id, e, 1);
        assertEq(distributor.claimCode(id, 1, bob, bob, e[1].amount, _proof(e, 1)), distributor.CLAIM_CLOSED());
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorCannotClose.selector, id, 3));
        distributor.close(id);
    }

    /// The first slot of a distribution packs the remainder (below 2^56 base units, HK$72 billion) and the deadline
    /// (below 2^32): larger terms are refused, the largest amount is accounted exactly.
    function test_create_amountAndDeadlineRanges() public {
        vm.roll(block.number + 1);
        bytes32 root = _root(_ents());
        uint256 deadline = block.timestamp + 30 days;
        uint256 most = type(uint56).max;
        vm.prank(admin);
        hkd.mint(issuer, most);
        vm.startPrank(issuer);
        vm.expectRevert(IDistributor.DistributorInvalid.selector);
        distributor.createDistribution(address(token), _terms(root, most + 1, 1, deadline, 3), "");
        uint256 late = uint256(type(uint32).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IDistributor.DistributorWindowTooShort.selector, late, block.timestamp + 7 days)
        );
        distributor.createDistribution(address(token), _terms(root, DEPOSIT, 1, late, 3), "");
        uint256 id = distributor.createDistribution(address(token), _terms(root, most, 1, type(uint32).max, 3), "");
        vm.stopPrank();
        IDistributor.Distribution memory d = distributor.distribution(id);
        assertEq(d.amount, most);
        assertEq(d.claimed, 0);
        assertEq(d.claimDeadline, type(uint32).max);
        _claim(alice, id, _ents(), 0);
        d = distributor.distribution(id);
        assertEq(d.claimed, _ents()[0].amount);
        assertEq(d.token, address(token));
        assertFalse(d.held);
    }

    function test_close_refusedWhileHeld() public {
        uint256 id = _create(_ents(), DEPOSIT);
        vm.prank(agent);
        distributor.hold(id, true, "Investigation");
        vm.warp(block.timestamp + 31 days);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorCannotClose.selector, id, 4));
        distributor.close(id);
    }

    /// A tree whose entitlements add up to more than the deposit pays out no more than the deposit: another
    /// distribution's money is never touched.
    function test_overfullTree_neverPaysMoreThanItsDeposit() public {
        uint256 other = _create(_ents(), DEPOSIT);
        Entitlement[] memory greedy = new Entitlement[](2);
        greedy[0] = Entitlement(alice, 600e6);
        greedy[1] = Entitlement(bob, 600e6);
        uint256 id = _create(greedy, 1000e6);
        _claim(alice, id, greedy, 0);
        vm.expectRevert(_refused(id, bob, distributor.CLAIM_NOT_ENTITLED()));
        _claim(bob, id, greedy, 1);
        assertEq(distributor.claimCode(id, 1, bob, bob, 600e6, _proof(greedy, 1)), distributor.CLAIM_NOT_ENTITLED());
        assertEq(distributor.distribution(id).claimed, 600e6);
        assertEq(hkd.balanceOf(address(distributor)), DEPOSIT + 400e6);
        assertEq(distributor.distribution(other).claimed, 0);
    }

    function test_claimMany_paysSeveralDistributionsInOneTransaction() public {
        uint256 a = _create(_ents(), DEPOSIT);
        uint256 b = _create(_ents(), DEPOSIT);
        Entitlement[] memory e = _ents();
        uint256[] memory ids = new uint256[](2);
        (ids[0], ids[1]) = (a, b);
        uint256[] memory indexes = new uint256[](2);
        address[] memory holders = new address[](2);
        (holders[0], holders[1]) = (bob, bob);
        (indexes[0], indexes[1]) = (1, 1);
        uint256[] memory amounts = new uint256[](2);
        (amounts[0], amounts[1]) = (e[1].amount, e[1].amount);
        bytes32[][] memory proofs = new bytes32[][](2);
        (proofs[0], proofs[1]) = (_proof(e, 1), _proof(e, 1));
        uint256 before = hkd.balanceOf(bob);
        vm.prank(bob);
        distributor.claimMany(ids, indexes, holders, amounts, proofs);
        assertEq(hkd.balanceOf(bob), before + 2 * e[1].amount);
        vm.prank(bob);
        vm.expectRevert(IDistributor.DistributorLengthMismatch.selector);
        distributor.claimMany(ids, new uint256[](1), holders, amounts, proofs);
    }

    function test_unknownDistribution() public {
        vm.expectRevert(abi.encodeWithSelector(IDistributor.DistributorNotFound.selector, 9));
        distributor.distribution(9);
    }

    /// Σ entitlements + dust = amount for any balances and amount; every holder can claim exactly theirs, and the
    /// contract keeps the dust.
    function testFuzz_entitlementsSumAndClaims(uint256 amount, uint96 b0, uint96 b1, uint96 b2) public {
        amount = bound(amount, 1, 10 * DEPOSIT);
        uint256[] memory balances = new uint256[](3);
        (balances[0], balances[1], balances[2]) = (bound(b0, 1, 1e12), bound(b1, 1, 1e12), bound(b2, 1, 1e12));
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, carol);
        (Entitlement[] memory e, uint256 d) = _entitlements(holders, balances, amount);
        assertEq(e[0].amount + e[1].amount + e[2].amount + d, amount);
        assertLt(d, 3);
        uint256 id = _create(e, amount);
        for (uint256 i; i < 3; ++i) {
            if (e[i].amount != 0) _claim(e[i].wallet, id, e, i);
        }
        assertEq(distributor.distribution(id).claimed, amount - d);
        assertEq(hkd.balanceOf(address(distributor)), d);
    }
}
