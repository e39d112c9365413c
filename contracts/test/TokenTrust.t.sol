// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {ShareTokenFactory} from "../src/ShareTokenFactory.sol";
import "../src/interfaces/IArtworkShareToken.sol";

/// Issue 13 items 2, 6, 7, 8, 9, 10 (token part) and issue 11 item 4: what one key can do to holders, and where the
/// chain allowed what the portal forbids. Each test failed on the contracts before these changes.
contract TokenTrustTest is Base {
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event MaxSupplySet(uint256 maxSupply);
    event RulesUpdated(IArtworkShareToken.Rules rules);
    event MetadataUpdated(string uri, bytes32 metadataHash);
    event WalletFrozenSet(address indexed wallet, bool frozen, address indexed agent);
    event LockMerged(address indexed wallet, uint256 amount, uint64 fromRelease, uint64 toRelease);
    event LockConsumed(address indexed wallet, uint256 amount, uint64 releaseAt, address indexed agent);
    event LockMoved(address indexed lostWallet, address indexed newWallet, uint256 amount, uint64 releaseAt);
    event FreezeMoved(address indexed lostWallet, address indexed newWallet, bool frozen, uint256 frozenAmount);

    // ------------------------------------------------------------ item 9: transfers to the zero address

    function test_canTransfer_toZeroAddress_hasItsOwnCode() public {
        _mint(alice, 10);
        assertEq(token.canTransfer(alice, address(0), 1), TRANSFER_INVALID_RECEIVER);
        assertEq(token.canTransfer(address(0), address(0), 1), TRANSFER_INVALID_RECEIVER);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSignature("ERC20InvalidReceiver(address)", address(0)));
        token.transfer(address(0), 1);
        // the sender's own rules are still reported first, and canSend asks for those alone
        assertEq(token.canSend(alice, 10), TRANSFER_OK);
        assertEq(token.canSend(alice, 11), TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE);
        vm.prank(agent);
        token.setWalletFrozen(alice, true);
        assertEq(token.canTransfer(alice, address(0), 1), TRANSFER_SENDER_FROZEN);
        assertEq(token.canSend(alice, 1), TRANSFER_SENDER_FROZEN);
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp));
        vm.prank(agent);
        token.setWalletFrozen(alice, false);
        assertEq(token.canSend(alice, 1), TRANSFER_SENDER_NOT_VERIFIED);
    }

    // ------------------------------------------------------------ item 6: senders are checked

    function test_sender_kycExpired_cannotSend() public {
        _mint(alice, 10);
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp));
        assertEq(token.canTransfer(alice, bob, 1), TRANSFER_SENDER_NOT_VERIFIED);
        vm.prank(alice);
        vm.expectRevert(_refused(TRANSFER_SENDER_NOT_VERIFIED));
        token.transfer(bob, 1);
        // nor through an allowance (a market fill)
        vm.prank(alice);
        token.approve(bob, 1);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_SENDER_NOT_VERIFIED));
        token.transferFrom(alice, bob, 1);
    }

    function test_sender_unlinked_cannotSend() public {
        _mint(alice2, 10);
        vm.prank(agent);
        registry.unlinkWallet(alice2);
        assertEq(token.canTransfer(alice2, bob, 1), TRANSFER_SENDER_NOT_VERIFIED);
        vm.prank(alice2);
        vm.expectRevert(_refused(TRANSFER_SENDER_NOT_VERIFIED));
        token.transfer(bob, 1);
    }

    function test_sender_countryNoLongerAllowed_cannotSend() public {
        _mint(carol, 10); // Singapore
        IArtworkShareToken.Rules memory r = _rules(0, 0, 0);
        r.allowedCountries = new uint16[](1);
        r.allowedCountries[0] = HK;
        _setRules(r);
        assertEq(token.canTransfer(carol, bob, 1), TRANSFER_SENDER_COUNTRY_NOT_ALLOWED);
        vm.prank(carol);
        vm.expectRevert(_refused(TRANSFER_SENDER_COUNTRY_NOT_ALLOWED));
        token.transfer(bob, 1);
    }

    function test_sender_unverified_agentsStillForceAndRecover() public {
        _mint(alice, 10);
        IArtworkShareToken.Rules memory r = _rules(0, 0, 0);
        r.allowedCountries = new uint16[](1);
        r.allowedCountries[0] = SG;
        _setRules(r);
        assertEq(token.canTransfer(alice, carol, 1), TRANSFER_SENDER_COUNTRY_NOT_ALLOWED);
        _enforce(address(token), abi.encodeCall(token.forcedTransfer, (alice, carol, 4)));
        address fresh = makeAddr("alice-new");
        vm.prank(agent);
        registry.linkWallet(fresh, ALICE);
        _enforce(address(token), abi.encodeCall(token.recoverWallet, (alice, fresh)));
        assertEq(token.balanceOf(carol), 4);
        assertEq(token.balanceOf(fresh), 6);
    }

    function testFuzz_unverifiedSenderNeverSends(uint64 expiryOffset, uint256 amount, uint256 wait) public {
        amount = bound(amount, 1, 100);
        expiryOffset = uint64(bound(expiryOffset, 0, 400 days));
        wait = bound(wait, 0, 400 days);
        _mint(alice, 100);
        vm.prank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(block.timestamp) + expiryOffset);
        vm.warp(block.timestamp + wait);
        // keep bob verified throughout
        vm.prank(agent);
        registry.updateInvestor(BOB, HK, PROFESSIONAL, uint64(block.timestamp + 1 days));
        bool verified = registry.isVerified(alice);
        uint8 code = token.canTransfer(alice, bob, amount);
        if (!verified) assertEq(code, TRANSFER_SENDER_NOT_VERIFIED);
        vm.prank(alice);
        if (code == TRANSFER_OK) {
            token.transfer(bob, amount);
            assertTrue(verified);
        } else {
            vm.expectRevert(_refused(code));
            token.transfer(bob, amount);
        }
    }

    // ------------------------------------------------------------ item 2: supply, roles, ownership

    function test_maxSupply_fixedAtInitialize_andNeverExceeded() public {
        ArtworkShareToken t = _deploy(_rules(0, 0, 0), 100);
        assertEq(t.maxSupply(), 100);
        vm.startPrank(address(offering));
        t.mint(alice, 60);
        // canTransfer(0, …) is the receiver's rules; the supply limit is the mint's own refusal.
        assertEq(t.canTransfer(address(0), bob, 41), TRANSFER_OK);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareMaxSupplyExceeded.selector, 100, 101));
        t.mint(bob, 41);
        assertEq(t.canTransfer(address(0), bob, 40), TRANSFER_OK);
        t.mint(bob, 40);
        vm.stopPrank();
        assertEq(t.totalSupply(), 100);
        // burning frees room again, and still no more than the maximum
        vm.prank(address(desk));
        t.burn(bob, 10);
        vm.startPrank(address(offering));
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareMaxSupplyExceeded.selector, 100, 101));
        t.mint(bob, 11);
        t.mint(bob, 10);
        vm.stopPrank();
        assertEq(t.totalSupply(), 100);
    }

    /// The token's implementation must deploy on a real chain: EIP-170 caps runtime code at 24,576 bytes (forge's
    /// test EVM does not enforce it, anvil and every network do).
    function test_implementationFitsTheContractSizeLimit() public {
        ArtworkShareToken impl = new ArtworkShareToken(registry, address(offering), address(desk), address(migrator), address(sale));
        assertLe(address(impl).code.length, 24_576);
    }

    function test_maxSupply_outOfRangeRefused() public {
        vm.startPrank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareInvalidMaxSupply.selector, 0));
        factory.deployToken("x", "x", 0, _rules(0, 0, 0), "", bytes32(0));
        uint256 tooBig = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareInvalidMaxSupply.selector, tooBig));
        factory.deployToken("x", "x", tooBig, _rules(0, 0, 0), "", bytes32(0));
        vm.stopPrank();
    }

    function test_primaryPurchaseBeyondMaxSupply_refusedWithTheTokensCode() public {
        token = _deploy(_rules(0, 0, 0), 50);
        uint256 id = _createOffering(_terms(1e6, 100, 1, 100)); // the offering claims more than the artwork has
        _fund(alice, 100e6);
        (uint8 code, uint8 tokenCode) = offering.canBuy(id, alice, 51);
        assertEq(code, 8); // BUY_TOKEN_REFUSED
        assertEq(tokenCode, TRANSFER_MAX_SUPPLY_EXCEEDED);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareMaxSupplyExceeded.selector, 50, 51));
        offering.buy(id, 51);
        vm.prank(alice);
        offering.buy(id, 50);
        assertEq(token.totalSupply(), 50);
    }

    function test_issuerCannotGrantRolesThatMoveOthersShares() public {
        bytes32[4] memory roles =
            [token.ENFORCER_ROLE(), token.RECOVERY_ROLE(), token.BURNER_ROLE(), token.MINTER_ROLE()];
        for (uint256 i; i < roles.length; ++i) {
            for (uint256 k; k < 2; ++k) {
                address to = k == 0 ? issuer : stranger;
                vm.prank(issuer);
                vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareRoleNotGrantable.selector, roles[i]));
                token.grantRole(roles[i], to);
                assertFalse(token.hasRole(roles[i], to));
            }
        }
        // the offering is the only minter; the issuer cannot mint
        assertTrue(token.hasRole(token.MINTER_ROLE(), address(offering)));
        assertFalse(token.hasRole(token.MINTER_ROLE(), issuer));
        vm.prank(issuer);
        vm.expectRevert(_unauthorized(issuer, keccak256("MINTER_ROLE")));
        token.mint(issuer, 1);
        // protective roles stay grantable
        bytes32 freezer = token.FREEZER_ROLE();
        vm.prank(issuer);
        token.grantRole(freezer, stranger);
        assertTrue(token.hasRole(freezer, stranger));
    }

    function test_ownership_handsOverInTwoSteps() public {
        vm.expectEmit(address(token));
        emit OwnershipTransferStarted(issuer, bob);
        vm.prank(issuer);
        token.transferOwnership(bob);
        assertEq(token.owner(), issuer);
        assertEq(token.pendingOwner(), bob);
        assertFalse(token.hasRole(token.DEFAULT_ADMIN_ROLE(), bob));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotPendingOwner.selector, stranger));
        token.acceptOwnership();
        // the owner may still change its mind
        vm.prank(issuer);
        token.transferOwnership(carol);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotPendingOwner.selector, bob));
        token.acceptOwnership();
        vm.expectEmit(address(token));
        emit OwnershipTransferred(issuer, carol);
        vm.prank(carol);
        token.acceptOwnership();
        assertEq(token.owner(), carol);
        assertEq(token.pendingOwner(), address(0));
        assertTrue(token.hasRole(token.DEFAULT_ADMIN_ROLE(), carol));
        assertFalse(token.hasRole(token.DEFAULT_ADMIN_ROLE(), issuer));
        assertEq(token.maxSupply(), type(uint96).max); // packed next to the owner, untouched
    }

    function testFuzz_mintNeverExceedsMaxSupply(uint96 maxSupply, uint256 a, uint256 b) public {
        maxSupply = uint96(bound(maxSupply, 1, 1e24));
        ArtworkShareToken t = _deploy(_rules(0, 0, 0), maxSupply);
        a = bound(a, 0, maxSupply);
        b = bound(b, 0, 2e24);
        vm.startPrank(address(offering));
        t.mint(alice, a);
        if (a + b > maxSupply) {
            vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareMaxSupplyExceeded.selector, maxSupply, a + b));
            t.mint(bob, b);
        } else {
            t.mint(bob, b);
        }
        vm.stopPrank();
        assertLe(t.totalSupply(), maxSupply);
    }

    // ------------------------------------------------------------ item 10: initialize emits what an indexer needs

    function test_initialize_emitsMaxSupplyRulesAndMetadata() public {
        IArtworkShareToken.Rules memory r = _rules(5, 50, 30 days);
        vm.expectEmit(false, false, false, true);
        emit MaxSupplySet(1000);
        vm.expectEmit(false, false, false, true);
        emit RulesUpdated(r);
        vm.expectEmit(false, false, false, true);
        emit MetadataUpdated("ipfs://meta", keccak256("meta"));
        _deploy(r, 1000);
    }

    // ------------------------------------------------------------ item 7: the lost wallet after a recovery

    function test_recover_lostWalletEndsFrozenAndEmpty() public {
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 100);
        uint64 release = uint64(block.timestamp + 30 days);
        vm.startPrank(agent);
        token.freezePartialShares(alice, 10);
        address fresh = makeAddr("alice-new");
        registry.linkWallet(fresh, ALICE);
        vm.stopPrank();
        vm.startPrank(address(desk));
        vm.expectEmit(address(token));
        emit FreezeMoved(alice, fresh, false, 10);
        vm.expectEmit(address(token));
        emit LockMoved(alice, fresh, 100, release);
        vm.expectEmit(address(token));
        emit WalletFrozenSet(alice, true, address(desk));
        token.recoverWallet(alice, fresh);
        vm.stopPrank();
        assertTrue(token.isFrozen(alice));
        assertFalse(token.isFrozen(fresh));
        assertEq(token.balanceOf(alice), 0);
        assertEq(token.frozenShares(fresh), 10);
        // the lost wallet can receive nothing (neither a transfer nor a purchase) and send nothing
        _mint(bob, 5);
        assertEq(token.canTransfer(bob, alice, 1), TRANSFER_RECEIVER_FROZEN);
        assertEq(token.canTransfer(address(0), alice, 1), TRANSFER_RECEIVER_FROZEN);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_FROZEN));
        token.transfer(alice, 1);
    }

    // ------------------------------------------------------------ item 8 / issue 11 item 4: lock-up per lot

    function test_lowerLockup_neverMovesAnExistingReleaseEarlier() public {
        uint256 t0 = block.timestamp;
        vm.startPrank(agent);
        registry.updateInvestor(ALICE, HK, RETAIL, uint64(t0 + 500 days));
        registry.updateInvestor(BOB, HK, PROFESSIONAL, uint64(t0 + 500 days));
        vm.stopPrank();
        _setRules(_rules(0, 0, 400 days));
        _mint(alice, 100);
        _setRules(_rules(0, 0, 1 days));
        _mint(alice, 10);
        (uint256[] memory amounts, uint64[] memory releases) = token.lockLots(alice);
        assertEq(amounts.length, 2);
        assertEq(amounts[0], 10);
        assertEq(releases[0], t0 + 1 days);
        assertEq(amounts[1], 100);
        assertEq(releases[1], t0 + 400 days);
        (,, uint256 locked, uint64 until) = token.walletState(alice);
        assertEq(locked, 110);
        assertEq(until, t0 + 400 days);
        vm.warp(t0 + 2 days);
        assertEq(token.canTransfer(alice, bob, 10), TRANSFER_OK);
        assertEq(token.canTransfer(alice, bob, 11), TRANSFER_SHARES_LOCKED);
        vm.warp(t0 + 400 days - 1);
        assertEq(token.canTransfer(alice, bob, 11), TRANSFER_SHARES_LOCKED);
        vm.warp(t0 + 400 days);
        assertEq(token.canTransfer(alice, bob, 110), TRANSFER_OK);
    }

    /// Four running lots; a fifth purchase merges the two closest releases into the later one, and
    /// {lockMergePreview} says so before the purchase.
    function test_fifthLot_mergesIntoTheLaterRelease_asPreviewed() public {
        uint256 t0 = block.timestamp;
        _setRules(_rules(0, 0, 30 days));
        uint256[4] memory at = [t0, t0 + 1 days, t0 + 3 days, t0 + 10 days];
        for (uint256 i; i < 4; ++i) {
            vm.warp(at[i]);
            _mint(alice, 10 * (i + 1));
            (bool m,,,,) = token.lockMergePreview(alice);
            assertFalse(m); // a purchase in the same second joins the lot just made
        }
        vm.warp(t0 + 11 days); // new release t0 + 41 days; gaps 1, 2, 7, 1 days: lot 1 (t0+30d) joins t0+31d
        (bool merges, bool purchaseMoves, uint256 moved, uint64 fromRelease, uint64 toRelease) =
            token.lockMergePreview(alice);
        assertTrue(merges);
        assertFalse(purchaseMoves);
        assertEq(moved, 10);
        assertEq(fromRelease, t0 + 30 days);
        assertEq(toRelease, t0 + 31 days);
        vm.expectEmit(address(token));
        emit LockMerged(alice, 10, uint64(t0 + 30 days), uint64(t0 + 31 days));
        _mint(alice, 50);
        (uint256[] memory amounts, uint64[] memory releases) = token.lockLots(alice);
        assertEq(amounts.length, 4);
        assertEq(amounts[0], 30);
        assertEq(releases[0], t0 + 31 days);
        assertEq(amounts[1], 30);
        assertEq(releases[1], t0 + 33 days);
        assertEq(amounts[2], 40);
        assertEq(releases[2], t0 + 40 days);
        assertEq(amounts[3], 50);
        assertEq(releases[3], t0 + 41 days);
        // once a lot ends its place is free again: no merge
        vm.warp(t0 + 31 days);
        (merges,,,,) = token.lockMergePreview(alice);
        assertFalse(merges);
    }

    /// After a lowered lock-up the purchase's own release is the earliest: the purchase joins the next later lot
    /// (its own shares are locked longer), and no held share moves.
    function test_fifthLot_purchaseJoinsTheNextLaterLot() public {
        uint256 t0 = block.timestamp;
        _setRules(_rules(0, 0, 100 days));
        for (uint256 i; i < 4; ++i) {
            vm.warp(t0 + i * 20 days);
            _mint(alice, 10);
        }
        // now t0 + 60 days: the new release is t0 + 90 days; held lots t0 + 100, 120, 140, 160 days
        _setRules(_rules(0, 0, 30 days));
        (bool merges, bool purchaseMoves, uint256 moved, uint64 fromRelease, uint64 toRelease) =
            token.lockMergePreview(alice);
        assertTrue(merges && purchaseMoves);
        assertEq(moved, 0);
        assertEq(fromRelease, t0 + 90 days);
        assertEq(toRelease, t0 + 100 days);
        vm.expectEmit(address(token));
        emit LockMerged(alice, 5, uint64(t0 + 90 days), uint64(t0 + 100 days));
        _mint(alice, 5);
        (uint256[] memory amounts, uint64[] memory releases) = token.lockLots(alice);
        assertEq(amounts.length, 4);
        assertEq(amounts[0], 15);
        assertEq(releases[0], t0 + 100 days);
    }

    function test_forcedTransfer_consumesSoonestLotsFirst_andSaysSo() public {
        uint256 t0 = block.timestamp;
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 10);
        vm.warp(t0 + 5 days);
        _mint(alice, 20);
        vm.expectEmit(address(token));
        emit LockConsumed(alice, 10, uint64(t0 + 30 days), address(desk));
        vm.expectEmit(address(token));
        emit LockConsumed(alice, 5, uint64(t0 + 35 days), address(desk));
        vm.prank(address(desk));
        token.forcedTransfer(alice, bob, 15);
        (uint256[] memory amounts, uint64[] memory releases) = token.lockLots(alice);
        assertEq(amounts.length, 1);
        assertEq(amounts[0], 15);
        assertEq(releases[0], t0 + 35 days);
        vm.expectEmit(address(token));
        emit LockConsumed(alice, 15, uint64(t0 + 35 days), address(desk));
        vm.prank(address(desk));
        token.burn(alice, 15);
        (,, uint256 locked, uint64 until) = token.walletState(alice);
        assertEq(locked + until, 0);
    }

    function test_recover_keepsEachLotsRelease() public {
        uint256 t0 = block.timestamp;
        _setRules(_rules(0, 0, 30 days));
        _mint(alice, 100);
        vm.warp(t0 + 10 days);
        _mint(alice2, 5);
        vm.prank(address(desk));
        token.recoverWallet(alice, alice2);
        (uint256[] memory amounts, uint64[] memory releases) = token.lockLots(alice2);
        assertEq(amounts.length, 2);
        assertEq(amounts[0], 100);
        assertEq(releases[0], t0 + 30 days);
        assertEq(amounts[1], 5);
        assertEq(releases[1], t0 + 40 days);
        vm.warp(t0 + 30 days);
        assertEq(token.canTransfer(alice2, bob, 100), TRANSFER_OK);
        assertEq(token.canTransfer(alice2, bob, 101), TRANSFER_SHARES_LOCKED);
    }

    /// Random purchases with random lock-ups: at no future moment are fewer of the shares held before a purchase
    /// locked than before it (a release never moves earlier), and at most the new ones are added on top.
    function testFuzz_purchasesNeverReleaseHeldSharesEarlier(uint64[8] memory lockups, uint32[8] memory gaps) public {
        for (uint256 i; i < 8; ++i) {
            _setRules(_rules(0, 0, uint64(bound(lockups[i], 0, 90 days))));
            vm.warp(block.timestamp + bound(gaps[i], 0, 20 days));
            (uint256[] memory a0, uint64[] memory r0) = token.lockLots(alice);
            _mint(alice, 7);
            (uint256[] memory a1, uint64[] memory r1) = token.lockLots(alice);
            assertLe(a1.length, 4);
            for (uint256 k; k < r0.length; ++k) {
                uint256 t = r0[k] - 1;
                assertGe(_lockedAt(a1, r1, t), _lockedAt(a0, r0, t));
            }
            (,, uint256 locked,) = token.walletState(alice);
            assertEq(locked, _lockedAt(a1, r1, block.timestamp));
            assertEq(locked, _lockedAt(a0, r0, block.timestamp) + (token.rules().lockupSeconds == 0 ? 0 : 7));
        }
    }

    function _lockedAt(uint256[] memory amounts, uint64[] memory releases, uint256 t) internal pure returns (uint256 n) {
        for (uint256 i; i < amounts.length; ++i) {
            if (releases[i] > t) n += amounts[i];
        }
    }
}
