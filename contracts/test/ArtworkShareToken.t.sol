// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import "../src/interfaces/IArtworkShareToken.sol";

contract ArtworkShareTokenTest is Base {
    event Paused(address indexed agent);
    event Unpaused(address indexed agent);
    event WalletFrozenSet(address indexed wallet, bool frozen, address indexed agent);
    event SharesFrozen(address indexed wallet, uint256 amount, address indexed agent);
    event SharesUnfrozen(address indexed wallet, uint256 amount, address indexed agent);
    event ForcedTransferred(address indexed from, address indexed to, uint256 amount, address indexed agent);
    event WalletRecovered(
        address indexed lostWallet, address indexed newWallet, bytes32 indexed investorId, uint256 amount, address agent
    );
    event SharesMinted(address indexed to, uint256 amount, uint64 lockedUntil, address indexed minter);
    event SharesBurned(address indexed from, uint256 amount, address indexed agent);
    event MetadataUpdated(string uri, bytes32 metadataHash);
    event DocumentUpdated(bytes32 indexed name, string uri, bytes32 documentHash);
    event DocumentRemoved(bytes32 indexed name, string uri, bytes32 documentHash);

    // ------------------------------------------------------------ basics

    function test_metadataAndViews() public view {
        assertEq(token.decimals(), 0);
        assertEq(token.name(), "Water Lilies");
        assertEq(token.symbol(), "WLIL");
        assertEq(token.owner(), issuer);
        assertEq(token.identityRegistry(), address(registry));
        assertEq(token.metadataURI(), "ipfs://meta");
        assertEq(token.metadataHash(), keccak256("meta"));
        assertTrue(token.hasRole(token.DEFAULT_ADMIN_ROLE(), issuer));
        assertTrue(token.hasRole(token.MINTER_ROLE(), address(offering)));
        IArtworkShareToken.Rules memory r = token.rules();
        assertEq(r.allowedCountries.length, 2);
        assertEq(r.allowedCountries[0], HK);
        assertEq(r.eligibleCategories, ALL_CATEGORIES);
    }

    function test_initialize_onlyOnce() public {
        vm.expectRevert(IArtworkShareToken.ShareAlreadyInitialized.selector);
        token.initialize(stranger, "x", "x", 100, _rules(0, 0, 0), "", bytes32(0), address(0));
        vm.expectRevert(IArtworkShareToken.ShareAlreadyInitialized.selector);
        impl.initialize(stranger, "x", "x", 100, _rules(0, 0, 0), "", bytes32(0), address(0));
    }

    function test_transfer_ok() public {
        _mint(alice, 100);
        assertEq(token.canTransfer(alice, bob, 40), TRANSFER_OK);
        vm.prank(alice);
        token.transfer(bob, 40);
        assertEq(token.balanceOf(bob), 40);
        assertEq(token.investorBalanceOf(ALICE), 60);
        assertEq(token.investorBalanceOf(BOB), 40);
        assertEq(token.holderCount(), 2);
    }

    function test_transferFrom_checksCompliance() public {
        _mint(alice, 100);
        vm.prank(alice);
        token.approve(bob, 100);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        token.transferFrom(alice, stranger, 10);
        vm.prank(bob);
        token.transferFrom(alice, carol, 10);
        assertEq(token.balanceOf(carol), 10);
    }

    // ------------------------------------------------------------ each rule / code

    function test_code1_paused() public {
        _mint(alice, 100);
        vm.expectEmit(address(token));
        emit Paused(agent);
        vm.prank(agent);
        token.pause();
        assertTrue(token.paused());
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_PAUSED);
        assertEq(token.canTransfer(address(0), bob, 1), TRANSFER_PAUSED);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        token.transfer(bob, 1);
        vm.prank(address(offering));
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        token.mint(bob, 1);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.SharePausedState.selector, true));
        token.pause();
        vm.expectEmit(address(token));
        emit Unpaused(agent);
        vm.prank(agent);
        token.unpause();
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.SharePausedState.selector, false));
        token.unpause();
        vm.prank(alice);
        token.transfer(bob, 1);
    }

    function test_code2_senderFrozen() public {
        _mint(alice, 100);
        vm.expectEmit(address(token));
        emit WalletFrozenSet(alice, true, agent);
        vm.prank(agent);
        token.setWalletFrozen(alice, true);
        assertTrue(token.isFrozen(alice));
        assertEq(token.freeBalanceOf(alice), 0);
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_SENDER_FROZEN);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_SENDER_FROZEN));
        token.transfer(bob, 1);
        vm.prank(agent);
        token.setWalletFrozen(alice, false);
        vm.prank(alice);
        token.transfer(bob, 1);
    }

    function test_code3_receiverFrozen() public {
        _mint(alice, 100);
        vm.prank(agent);
        token.setWalletFrozen(bob, true);
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_RECEIVER_FROZEN);
        assertEq(token.canTransfer(address(0), bob, 1), TRANSFER_RECEIVER_FROZEN);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_FROZEN));
        token.transfer(bob, 1);
    }

    function test_code4_insufficientUnfrozenBalance() public {
        _mint(alice, 100);
        assertEq(token.canTransfer(alice, bob, 101), TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        vm.expectEmit(address(token));
        emit SharesFrozen(alice, 30, agent);
        vm.prank(agent);
        token.freezePartialShares(alice, 30);
        assertEq(token.frozenShares(alice), 30);
        assertEq(token.freeBalanceOf(alice), 70);
        assertEq(token.canTransfer(alice, bob, 71), TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        assertEq(token.canTransfer(alice, bob, 70), TRANSFER_OK);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE));
        token.transfer(bob, 71);
        vm.prank(alice);
        token.transfer(bob, 70);
        vm.expectEmit(address(token));
        emit SharesUnfrozen(alice, 10, agent);
        vm.prank(agent);
        token.unfreezePartialShares(alice, 10);
        assertEq(token.frozenShares(alice), 20);
    }

    function test_partialFreeze_bounds() public {
        _mint(alice, 100);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareFreezeExceedsBalance.selector, alice, 100, 101));
        token.freezePartialShares(alice, 101);
        vm.prank(agent);
        token.freezePartialShares(alice, 60);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareFreezeExceedsBalance.selector, alice, 100, 101));
        token.freezePartialShares(alice, 41);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareUnfreezeExceedsFrozen.selector, alice, 60, 61));
        token.unfreezePartialShares(alice, 61);
    }

    function test_code5_receiverNotVerified() public {
        _mint(alice, 100);
        assertEq(token.canTransfer(alice, stranger, 1), TRANSFER_RECEIVER_NOT_VERIFIED);
        assertEq(token.canTransfer(address(0), stranger, 1), TRANSFER_RECEIVER_NOT_VERIFIED);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        token.transfer(stranger, 1);
        vm.prank(address(offering));
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        token.mint(stranger, 1);
        // expired KYC (the receiver's only: an unverified sender is refused first, code 11)
        vm.prank(agent);
        registry.updateInvestor(BOB, HK, PROFESSIONAL, uint64(block.timestamp));
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_RECEIVER_NOT_VERIFIED);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        token.transfer(bob, 1);
    }

    function test_code6_countryNotAllowed() public {
        _mint(alice, 100);
        assertEq(token.canTransfer(alice, dave, 1), TRANSFER_COUNTRY_NOT_ALLOWED);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_COUNTRY_NOT_ALLOWED));
        token.transfer(dave, 1);
        // empty list = any country
        IArtworkShareToken.Rules memory r = _rules(0, 0, 0);
        r.allowedCountries = new uint16[](0);
        _setRules(r);
        assertEq(token.canTransfer(alice, dave, 1), TRANSFER_OK);
        // replacing the list clears the old bits
        r.allowedCountries = new uint16[](1);
        r.allowedCountries[0] = US;
        _setRules(r);
        assertEq(token.canTransfer(address(0), dave, 1), TRANSFER_OK);
        assertEq(token.canTransfer(address(0), bob, 1), TRANSFER_COUNTRY_NOT_ALLOWED);
        // alice (HK) may no longer send either
        assertEq(token.canTransfer(alice, dave, 1), TRANSFER_SENDER_COUNTRY_NOT_ALLOWED);
    }

    function test_code7_categoryNotEligible() public {
        _mint(bob, 100);
        IArtworkShareToken.Rules memory r = _rules(0, 0, 0);
        r.eligibleCategories = uint8(1 << PROFESSIONAL);
        _setRules(r);
        assertEq(token.canTransfer(bob, alice, 1), TRANSFER_CATEGORY_NOT_ELIGIBLE);
        assertEq(token.canTransfer(bob, carol, 1), TRANSFER_OK);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_CATEGORY_NOT_ELIGIBLE));
        token.transfer(alice, 1);
    }

    function test_code8_maxHolders_countedPerInvestor() public {
        _setRules(_rules(2, 0, 0));
        _mint(alice, 100);
        _mint(bob, 100);
        assertEq(token.holderCount(), 2);
        // second wallet of the same investor is not a new holder
        _mint(alice2, 5);
        assertEq(token.holderCount(), 2);
        assertEq(token.holderWalletCount(), 3);
        assertEq(token.canTransfer(bob, carol, 1), TRANSFER_MAX_HOLDERS_REACHED);
        assertEq(token.canTransfer(address(0), carol, 1), TRANSFER_MAX_HOLDERS_REACHED);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_MAX_HOLDERS_REACHED));
        token.transfer(carol, 1);
        // bob leaving entirely frees his seat
        assertEq(token.canTransfer(bob, carol, 100), TRANSFER_OK);
        vm.prank(bob);
        token.transfer(carol, 100);
        assertEq(token.holderCount(), 2);
        // zero-value transfers never create a holder
        assertEq(token.canTransfer(carol, bob, 0), TRANSFER_OK);
    }

    function test_code9_maxBalancePerInvestor_acrossWallets() public {
        _setRules(_rules(0, 100, 0));
        _mint(alice, 60);
        assertEq(token.canTransfer(address(0), alice2, 41), TRANSFER_MAX_BALANCE_EXCEEDED);
        vm.prank(address(offering));
        vm.expectRevert(_refused(TRANSFER_MAX_BALANCE_EXCEEDED));
        token.mint(alice2, 41);
        _mint(alice2, 40);
        assertEq(token.investorBalanceOf(ALICE), 100);
        // moving between the investor's own wallets is always fine
        vm.prank(alice);
        token.transfer(alice2, 60);
        _mint(bob, 100);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_MAX_BALANCE_EXCEEDED));
        token.transfer(alice, 1);
    }

    function test_code10_lockup() public {
        _setRules(_rules(0, 0, 30 days));
        uint64 until = uint64(block.timestamp + 30 days);
        vm.expectEmit(address(token));
        emit SharesMinted(alice, 100, until, address(offering));
        _mint(alice, 100);
        (, , uint256 locked, uint64 lockedUntil) = token.walletState(alice);
        assertEq(locked, 100);
        assertEq(lockedUntil, until);
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_SHARES_LOCKED);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_SHARES_LOCKED));
        token.transfer(bob, 1);
        vm.warp(until);
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_OK);
        vm.prank(alice);
        token.transfer(bob, 1);
    }

    /// Issue 11 item 4: a top-up never re-locks shares already held; each purchase lot keeps its own release.
    function test_lockup_secondPurchaseKeepsFirstLotsRelease() public {
        _setRules(_rules(0, 0, 30 days));
        uint256 t0 = block.timestamp;
        _mint(alice, 100);
        vm.warp(t0 + 20 days);
        _mint(alice, 50);
        (, , uint256 locked, uint64 until) = token.walletState(alice);
        assertEq(locked, 150);
        assertEq(until, t0 + 50 days);
        vm.warp(t0 + 30 days); // the first lot's own 30 days are over: those 100 shares are free
        assertEq(token.canTransfer(alice, bob, 100), TRANSFER_OK);
        assertEq(token.canTransfer(alice, bob, 101), TRANSFER_SHARES_LOCKED);
        (, , locked,) = token.walletState(alice);
        assertEq(locked, 50);
        vm.warp(t0 + 50 days);
        assertEq(token.canTransfer(alice, bob, 150), TRANSFER_OK);
        // a purchase after expiry locks only the new lot
        _mint(alice, 10);
        (, , locked,) = token.walletState(alice);
        assertEq(locked, 10);
        assertEq(token.canTransfer(alice, bob, 150), TRANSFER_OK);
        assertEq(token.canTransfer(alice, bob, 151), TRANSFER_SHARES_LOCKED);
    }

    function test_codeOrder_frozenBeforeVerified() public {
        _mint(alice, 100);
        vm.startPrank(agent);
        token.setWalletFrozen(alice, true);
        token.pause();
        vm.stopPrank();
        assertEq(token.canTransfer(alice, stranger, 1000), TRANSFER_PAUSED);
        vm.prank(agent);
        token.unpause();
        assertEq(token.canTransfer(alice, stranger, 1000), TRANSFER_SENDER_FROZEN);
        vm.prank(agent);
        token.setWalletFrozen(alice, false);
        assertEq(token.canTransfer(alice, stranger, 1000), TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        assertEq(token.canTransfer(alice, stranger, 10), TRANSFER_RECEIVER_NOT_VERIFIED);
    }

    // ------------------------------------------------------------ rules admin

    function test_setRules_onlyAdminAndValidated() public {
        IArtworkShareToken.Rules memory r = _rules(5, 10, 1 days);
        vm.prank(agent);
        vm.expectRevert(_unauthorized(agent, bytes32(0)));
        token.setRules(r);
        r.eligibleCategories = 0;
        vm.prank(issuer);
        vm.expectRevert(IArtworkShareToken.ShareInvalidRules.selector);
        token.setRules(r);
        r.eligibleCategories = 0x01; // bit 0 is not a category
        vm.prank(issuer);
        vm.expectRevert(IArtworkShareToken.ShareInvalidRules.selector);
        token.setRules(r);
        r = _rules(0, 0, 0);
        r.allowedCountries[0] = 1000;
        vm.prank(issuer);
        vm.expectRevert(IArtworkShareToken.ShareInvalidRules.selector);
        token.setRules(r);
        r = _rules(0, uint256(type(uint96).max) + 1, 0);
        vm.prank(issuer);
        vm.expectRevert(IArtworkShareToken.ShareInvalidRules.selector);
        token.setRules(r);
        r = _rules(0, 0, 100 * 365 days + 1);
        vm.prank(issuer);
        vm.expectRevert(IArtworkShareToken.ShareInvalidRules.selector);
        token.setRules(r);
        r = _rules(7, 1000, 2 days);
        vm.prank(issuer);
        token.setRules(r);
        IArtworkShareToken.Rules memory got = token.rules();
        assertEq(got.maxHolders, 7);
        assertEq(got.maxBalancePerInvestor, 1000);
        assertEq(got.lockupSeconds, 2 days);
    }

    // ------------------------------------------------------------ agent actions

    function test_forcedTransfer_ignoresSenderRestrictions() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 100);
        vm.startPrank(agent);
        token.freezePartialShares(alice, 50);
        token.setWalletFrozen(alice, true);
        token.pause();
        vm.stopPrank();
        vm.startPrank(address(desk));
        vm.expectEmit(address(token));
        emit SharesUnfrozen(alice, 20, address(desk));
        vm.expectEmit(address(token));
        emit ForcedTransferred(alice, bob, 70, address(desk));
        token.forcedTransfer(alice, bob, 70);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 30);
        assertEq(token.balanceOf(bob), 70);
        (bool frozen, uint256 frozenAmount, uint256 locked,) = token.walletState(alice);
        assertTrue(frozen);
        assertEq(frozenAmount, 30); // locked consumed first (50), then 20 of the frozen
        assertEq(locked, 0);
    }

    function test_forcedTransfer_receiverMustBeCompliant() public {
        _mint(alice, 100);
        vm.startPrank(address(desk));
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        token.forcedTransfer(alice, stranger, 1);
        vm.expectRevert(_refused(TRANSFER_COUNTRY_NOT_ALLOWED));
        token.forcedTransfer(alice, dave, 1);
        vm.stopPrank();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("ENFORCER_ROLE")));
        token.forcedTransfer(alice, bob, 1);
    }

    function test_burn() public {
        _mint(alice, 100);
        vm.prank(agent);
        token.freezePartialShares(alice, 80);
        vm.expectEmit(address(token));
        emit SharesBurned(alice, 50, address(desk));
        vm.prank(address(desk));
        token.burn(alice, 50);
        assertEq(token.totalSupply(), 50);
        assertEq(token.frozenShares(alice), 50);
        assertEq(token.investorBalanceOf(ALICE), 50);
        vm.prank(address(desk));
        token.burn(alice, 50);
        assertEq(token.holderCount(), 0);
        assertEq(token.holderWalletCount(), 0);
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("BURNER_ROLE")));
        token.burn(alice, 1);
    }

    function test_recoverWallet_movesEverything() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 100);
        vm.startPrank(agent);
        token.freezePartialShares(alice, 10);
        token.setWalletFrozen(alice, true);
        address fresh = makeAddr("alice-new");
        registry.linkWallet(fresh, ALICE);
        vm.stopPrank();
        vm.startPrank(address(desk));
        vm.expectEmit(address(token));
        emit WalletRecovered(alice, fresh, ALICE, 100, address(desk));
        token.recoverWallet(alice, fresh);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 0);
        assertEq(token.balanceOf(fresh), 100);
        (bool frozen, uint256 frozenAmount, uint256 locked, uint64 until) = token.walletState(fresh);
        assertTrue(frozen);
        assertEq(frozenAmount, 10);
        assertEq(locked, 100);
        assertEq(until, block.timestamp + 30 days);
        (frozen, frozenAmount, locked,) = token.walletState(alice);
        assertTrue(frozen); // the lost wallet stays frozen
        assertEq(frozenAmount + locked, 0);
        assertEq(token.holderCount(), 1);
        assertEq(token.investorBalanceOf(ALICE), 100);
        assertEq(token.holderInvestorOf(fresh), ALICE);
    }

    function test_recoverWallet_mergesLocks() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 100);
        vm.warp(block.timestamp + 10 days);
        _mint(alice2, 5);
        vm.prank(address(desk));
        token.recoverWallet(alice, alice2);
        (,, uint256 locked, uint64 until) = token.walletState(alice2);
        assertEq(locked, 105);
        assertEq(until, block.timestamp + 30 days);
    }

    function test_recoverWallet_refusals() public {
        _mint(alice, 100);
        vm.startPrank(address(desk));
        vm.expectRevert(
            abi.encodeWithSelector(IArtworkShareToken.ShareRecoveryInvestorMismatch.selector, alice, bob, ALICE, BOB)
        );
        token.recoverWallet(alice, bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                IArtworkShareToken.ShareRecoveryInvestorMismatch.selector, alice, stranger, ALICE, bytes32(0)
            )
        );
        token.recoverWallet(alice, stranger);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareInvalidWallet.selector, alice));
        token.recoverWallet(alice, alice);
        vm.stopPrank();
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp));
        vm.startPrank(address(desk));
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareRecoveryWalletNotVerified.selector, alice2));
        token.recoverWallet(alice, alice2);
        vm.stopPrank();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("RECOVERY_ROLE")));
        token.recoverWallet(alice, alice2);
    }

    function test_mint_onlyMinter_andSupplyCap() public {
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("MINTER_ROLE")));
        token.mint(alice, 1);
        // agents are not minters
        vm.prank(agent);
        vm.expectRevert(_unauthorized(agent, keccak256("MINTER_ROLE")));
        token.mint(alice, 1);
        // nor is the issuer
        vm.prank(issuer);
        vm.expectRevert(_unauthorized(issuer, keccak256("MINTER_ROLE")));
        token.mint(alice, 1);
        _mint(alice, type(uint96).max);
        vm.prank(address(offering));
        vm.expectRevert(
            abi.encodeWithSelector(
                IArtworkShareToken.ShareMaxSupplyExceeded.selector, type(uint96).max, uint256(type(uint96).max) + 1
            )
        );
        token.mint(bob, 1);
    }

    function test_batchActions() public {
        address[] memory ws = new address[](2);
        ws[0] = alice;
        ws[1] = bob;
        uint256[] memory amts = new uint256[](2);
        amts[0] = 10;
        amts[1] = 20;
        _mint(alice, 10);
        _mint(bob, 20);
        assertEq(token.balanceOf(bob), 20);

        bool[] memory flags = new bool[](2);
        flags[0] = true;
        vm.prank(agent);
        token.batchSetWalletFrozen(ws, flags);
        assertTrue(token.isFrozen(alice));
        assertFalse(token.isFrozen(bob));

        vm.prank(agent);
        token.batchFreezePartialShares(ws, amts);
        assertEq(token.frozenShares(bob), 20);
        vm.prank(agent);
        token.batchUnfreezePartialShares(ws, amts);
        assertEq(token.frozenShares(bob), 0);

        address[] memory tos = new address[](2);
        tos[0] = carol;
        tos[1] = carol;
        vm.prank(address(desk));
        token.batchForcedTransfer(ws, tos, amts);
        assertEq(token.balanceOf(carol), 30);

        uint256[] memory bad = new uint256[](1);
        vm.startPrank(agent);
        vm.expectRevert(IArtworkShareToken.ShareArrayLengthMismatch.selector);
        token.batchFreezePartialShares(ws, bad);
        vm.expectRevert(IArtworkShareToken.ShareArrayLengthMismatch.selector);
        token.batchUnfreezePartialShares(ws, bad);
        vm.stopPrank();
        vm.prank(address(desk));
        vm.expectRevert(IArtworkShareToken.ShareArrayLengthMismatch.selector);
        token.batchForcedTransfer(ws, tos, bad);
        vm.startPrank(agent);
        vm.expectRevert(IArtworkShareToken.ShareArrayLengthMismatch.selector);
        token.batchSetWalletFrozen(ws, new bool[](1));
        vm.stopPrank();
    }

    function test_batchBurn() public {
        _mint(alice, 100);
        _mint(bob, 40);
        vm.prank(agent);
        token.freezePartialShares(alice, 80);
        address[] memory ws = new address[](2);
        (ws[0], ws[1]) = (alice, bob);
        uint256[] memory amts = new uint256[](2);
        (amts[0], amts[1]) = (50, 40);
        // One SharesBurned per item, as {burn} emits; frozen shares are consumed as by {burn}.
        vm.expectEmit(address(token));
        emit SharesBurned(alice, 50, address(desk));
        vm.expectEmit(address(token));
        emit SharesBurned(bob, 40, address(desk));
        vm.prank(address(desk));
        token.batchBurn(ws, amts);
        assertEq(token.totalSupply(), 50);
        assertEq(token.balanceOf(alice), 50);
        assertEq(token.frozenShares(alice), 50);
        assertEq(token.balanceOf(bob), 0);
        assertEq(token.investorBalanceOf(BOB), 0);
        assertEq(token.holderCount(), 1);
        assertEq(token.holderWalletCount(), 1);
    }

    function test_batchBurn_refusals() public {
        _mint(alice, 100);
        address[] memory ws = new address[](2);
        (ws[0], ws[1]) = (alice, alice);
        uint256[] memory amts = new uint256[](2);
        (amts[0], amts[1]) = (60, 60);
        // Same role as {burn}: not even the issuer holds BURNER_ROLE implicitly.
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("BURNER_ROLE")));
        token.batchBurn(ws, amts);
        vm.prank(issuer);
        vm.expectRevert(_unauthorized(issuer, keccak256("BURNER_ROLE")));
        token.batchBurn(ws, amts);
        vm.startPrank(address(desk));
        vm.expectRevert(IArtworkShareToken.ShareArrayLengthMismatch.selector);
        token.batchBurn(ws, new uint256[](1));
        // All or nothing: the second item exceeds what is left.
        vm.expectRevert(abi.encodeWithSignature("ERC20InsufficientBalance(address,uint256,uint256)", alice, 40, 60));
        token.batchBurn(ws, amts);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 100);
        // The issuer cannot hand BURNER_ROLE to anyone; an agent burns in a batch as in the single form.
        bytes32 burner = token.BURNER_ROLE();
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareRoleNotGrantable.selector, burner));
        token.grantRole(burner, dave);
        (amts[0], amts[1]) = (10, 20);
        vm.prank(address(desk));
        token.batchBurn(ws, amts);
        assertEq(token.balanceOf(alice), 70);
    }

    function test_batchRecoverWallet() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 100);
        _mint(bob, 40);
        address aliceNew = makeAddr("alice-new");
        address bobNew = makeAddr("bob-new");
        vm.startPrank(agent);
        token.freezePartialShares(alice, 10);
        token.setWalletFrozen(bob, true);
        registry.linkWallet(aliceNew, ALICE);
        vm.stopPrank();
        _linkTwoAgents(bobNew, BOB);
        vm.startPrank(address(desk));
        address[] memory lost = new address[](2);
        (lost[0], lost[1]) = (alice, bob);
        address[] memory next = new address[](2);
        (next[0], next[1]) = (aliceNew, bobNew);
        // One WalletRecovered per item, as {recoverWallet} emits.
        vm.expectEmit(address(token));
        emit WalletRecovered(alice, aliceNew, ALICE, 100, address(desk));
        vm.expectEmit(address(token));
        emit WalletRecovered(bob, bobNew, BOB, 40, address(desk));
        token.batchRecoverWallet(lost, next);
        vm.stopPrank();
        assertEq(token.balanceOf(aliceNew), 100);
        assertEq(token.frozenShares(aliceNew), 10);
        (bool frozen,, uint256 locked, uint64 until) = token.walletState(bobNew);
        assertTrue(frozen);
        assertEq(locked, 40);
        assertEq(until, block.timestamp + 30 days);
        assertEq(token.balanceOf(alice) + token.balanceOf(bob), 0);
        assertEq(token.holderInvestorOf(bobNew), BOB);
        assertEq(token.holderCount(), 2);
        assertEq(token.holderWalletCount(), 2);
    }

    function test_batchRecoverWallet_refusals() public {
        _mint(alice, 100);
        _mint(bob, 40);
        address aliceNew = makeAddr("alice-new");
        vm.prank(agent);
        registry.linkWallet(aliceNew, ALICE);
        address[] memory lost = new address[](2);
        (lost[0], lost[1]) = (alice, bob);
        address[] memory next = new address[](2);
        (next[0], next[1]) = (aliceNew, carol);
        // Same role as {recoverWallet}.
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("RECOVERY_ROLE")));
        token.batchRecoverWallet(lost, next);
        vm.prank(issuer);
        vm.expectRevert(_unauthorized(issuer, keccak256("RECOVERY_ROLE")));
        token.batchRecoverWallet(lost, next);
        vm.startPrank(address(desk));
        vm.expectRevert(IArtworkShareToken.ShareArrayLengthMismatch.selector);
        token.batchRecoverWallet(lost, new address[](1));
        // All or nothing: bob → carol is refused (another investor), so alice's recovery is undone too.
        vm.expectRevert(
            abi.encodeWithSelector(IArtworkShareToken.ShareRecoveryInvestorMismatch.selector, bob, carol, BOB, CAROL)
        );
        token.batchRecoverWallet(lost, next);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 100);
        assertEq(token.balanceOf(aliceNew), 0);
    }

    // ------------------------------------------------------------ role model

    function test_roles_deskAgentsPauseAndFreezeEveryToken_andIssuerGrantsLocally() public {
        ArtworkShareToken other = _deploy(_rules(0, 0, 0));
        // Enforcement agents (the desk's AGENT_ROLE) pause and freeze alone; moving or burning shares is the desk's.
        assertTrue(other.hasRole(other.PAUSER_ROLE(), agent2));
        assertTrue(other.hasRole(other.FREEZER_ROLE(), agent2));
        assertFalse(other.hasRole(other.ENFORCER_ROLE(), agent2));
        assertFalse(other.hasRole(other.RECOVERY_ROLE(), agent2));
        assertFalse(other.hasRole(other.BURNER_ROLE(), agent2));
        assertFalse(other.hasRole(other.MINTER_ROLE(), agent2));
        assertFalse(other.hasRole(other.DEFAULT_ADMIN_ROLE(), agent2));
        assertTrue(other.hasRole(other.ENFORCER_ROLE(), address(desk)));
        // An identity writer only (registry AGENT_ROLE, no desk role) holds nothing on tokens.
        address registrar = makeAddr("registrar");
        bytes32 agentRole = registry.AGENT_ROLE();
        vm.prank(admin);
        registry.grantRole(agentRole, registrar);
        assertFalse(other.hasRole(other.PAUSER_ROLE(), registrar));
        assertFalse(other.hasRole(other.ENFORCER_ROLE(), registrar));

        bytes32 pauser = token.PAUSER_ROLE();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, pauser));
        token.pause();
        vm.prank(issuer);
        token.grantRole(pauser, stranger);
        vm.prank(stranger);
        token.pause();

        // revoking the enforcement agent removes its powers on every token at once
        bytes32 deskAgent = desk.AGENT_ROLE();
        vm.prank(admin);
        desk.revokeRole(deskAgent, agent);
        vm.prank(agent);
        vm.expectRevert(_unauthorized(agent, pauser));
        token.unpause();
    }

    // ------------------------------------------------------------ holders & accounting

    function test_holderEnumeration_paged() public {
        _mint(alice, 1);
        _mint(alice2, 1);
        _mint(bob, 1);
        _mint(carol, 1);
        assertEq(token.holderCount(), 3);
        assertEq(token.holderWalletCount(), 4);
        address[] memory page = token.holders(0, 2);
        assertEq(page.length, 2);
        assertEq(page[0], alice);
        assertEq(page[1], alice2);
        page = token.holders(2, 10);
        assertEq(page.length, 2);
        assertEq(page[1], carol);
        assertEq(token.holders(4, 10).length, 0);
        vm.prank(alice);
        token.transfer(bob, 1);
        assertEq(token.holderWalletCount(), 3);
        assertEq(token.holderCount(), 3); // alice2 still holds for ALICE
        vm.prank(alice2);
        token.transfer(bob, 1);
        assertEq(token.holderCount(), 2);
    }

    function test_relinkedWallet_keepsRememberedInvestor() public {
        _mint(alice, 10);
        // the registry moves alice's wallet to BOB while it holds shares
        vm.startPrank(agent);
        registry.unlinkWallet(alice);
        vm.stopPrank();
        _linkTwoAgents(alice, BOB);
        assertEq(token.holderInvestorOf(alice), ALICE);
        _mint(bob, 5);
        vm.prank(alice);
        token.transfer(carol, 10);
        assertEq(token.investorBalanceOf(ALICE), 0);
        assertEq(token.investorBalanceOf(BOB), 5);
        assertEq(token.holderCount(), 2);
        // now empty, the wallet is accounted to its new investor on the next receipt
        _mint(alice, 1);
        assertEq(token.holderInvestorOf(alice), BOB);
        assertEq(token.investorBalanceOf(BOB), 6);
    }

    function test_selfTransfer() public {
        _mint(alice, 10);
        vm.prank(alice);
        token.transfer(alice, 10);
        assertEq(token.balanceOf(alice), 10);
        assertEq(token.holderCount(), 1);
        assertEq(token.holderWalletCount(), 1);
        assertEq(token.investorBalanceOf(ALICE), 10);
    }

    // ------------------------------------------------------------ documents & metadata

    function test_documents() public {
        bytes32 a = "prospectus";
        bytes32 b = "valuation";
        bytes32 c = "insurance";
        vm.expectEmit(address(token));
        emit DocumentUpdated(a, "ipfs://a", keccak256("a"));
        vm.startPrank(issuer);
        token.setDocument(a, "ipfs://a", keccak256("a"));
        token.setDocument(b, "ipfs://b", keccak256("b"));
        token.setDocument(c, "ipfs://c", keccak256("c"));
        vm.warp(block.timestamp + 1);
        token.setDocument(a, "ipfs://a2", keccak256("a2"));
        vm.stopPrank();
        (string memory uri, bytes32 h, uint256 ts) = token.getDocument(a);
        assertEq(uri, "ipfs://a2");
        assertEq(h, keccak256("a2"));
        assertEq(ts, block.timestamp);
        assertEq(token.getAllDocuments().length, 3);

        vm.expectEmit(address(token));
        emit DocumentRemoved(a, "ipfs://a2", keccak256("a2"));
        vm.prank(issuer);
        token.removeDocument(a);
        bytes32[] memory names = token.getAllDocuments();
        assertEq(names.length, 2);
        assertEq(names[0], c);
        assertEq(names[1], b);
        (uri,,) = token.getDocument(a);
        assertEq(bytes(uri).length, 0);
        vm.prank(issuer);
        token.removeDocument(b);
        vm.prank(issuer);
        token.removeDocument(c);
        assertEq(token.getAllDocuments().length, 0);

        vm.startPrank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareDocumentNotFound.selector, a));
        token.removeDocument(a);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareInvalidDocument.selector, a));
        token.setDocument(a, "", bytes32(0));
        token.grantRole(token.DOCUMENT_ROLE(), stranger);
        vm.stopPrank();
        vm.prank(stranger);
        token.setDocument(a, "ipfs://x", bytes32(0));
        vm.prank(agent);
        vm.expectRevert(_unauthorized(agent, keccak256("DOCUMENT_ROLE")));
        token.setDocument(a, "ipfs://y", bytes32(0));
    }

    function test_setMetadata() public {
        vm.expectEmit(address(token));
        emit MetadataUpdated("ipfs://new", keccak256("new"));
        vm.prank(issuer);
        token.setMetadata("ipfs://new", keccak256("new"));
        assertEq(token.metadataURI(), "ipfs://new");
        vm.prank(agent);
        vm.expectRevert(_unauthorized(agent, bytes32(0)));
        token.setMetadata("x", bytes32(0));
    }
}
