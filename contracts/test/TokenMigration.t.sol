// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/Test.sol";
import {Base} from "./utils/Base.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {TokenMigrator} from "../src/TokenMigrator.sol";
import {IArtworkShareToken} from "../src/interfaces/IArtworkShareToken.sol";
import {IShareTokenFactory} from "../src/interfaces/IShareTokenFactory.sol";
import {TRANSFER_PAUSED} from "../src/interfaces/IArtworkShareToken.sol";

/// The upgrade path for immutable clones: pause → start (successor cloned, predecessor retired) → copy every holder →
/// finish (supply equal, migrator's power renounced). Registers must be equal; nothing else may use the path.
contract TokenMigrationTest is Base {
    uint64 internal constant LOCKUP = 30 days;

    function setUp() public override {
        super.setUp();
        token = _deploy(_rules(0, 0, LOCKUP), 1_000);
        vm.prank(agent);
        registry.registerInvestor(makeAddr("erin"), keccak256("investor:erin"), HK, RETAIL, kycExpiry);
    }

    // ------------------------------------------------------------------ helpers

    function _seed() internal {
        _mint(alice, 100); // lot 1: now + 30 days
        vm.warp(block.timestamp + 10 days);
        _mint(alice, 50); // lot 2: now + 30 days (10 days later than lot 1)
        _mint(alice2, 20); // same investor, second wallet
        _mint(bob, 70);
        _mint(carol, 10);
        vm.warp(block.timestamp + 1 days);
        vm.startPrank(agent);
        token.freezePartialShares(bob, 30); // a partial freeze
        token.setWalletFrozen(carol, true); // a frozen wallet
        vm.stopPrank();
        vm.startPrank(issuer);
        token.setDocument("prospectus", "ipfs://prospectus", keccak256("prospectus"));
        token.setDocument("valuation", "ipfs://valuation", keccak256("valuation"));
        vm.stopPrank();
    }

    function _holders(ArtworkShareToken t) internal view returns (address[] memory) {
        return t.holders(0, 100);
    }

    function _start() internal returns (ArtworkShareToken next) {
        vm.prank(agent);
        token.pause();
        vm.prank(issuer);
        next = ArtworkShareToken(migrator.start(address(token)));
    }

    function _migrate() internal returns (ArtworkShareToken next) {
        next = _start();
        migrator.copyHolders(address(token), _holders(token));
        migrator.finish(address(token));
    }

    function _assertSameRegister(ArtworkShareToken a, ArtworkShareToken b) internal view {
        assertEq(b.totalSupply(), a.totalSupply(), "supply");
        assertEq(b.maxSupply(), a.maxSupply(), "max supply");
        assertEq(b.holderCount(), a.holderCount(), "holder count");
        assertEq(b.holderWalletCount(), a.holderWalletCount(), "wallet count");
        address[] memory ws = _holders(a);
        for (uint256 i; i < ws.length; ++i) {
            address w = ws[i];
            assertEq(b.balanceOf(w), a.balanceOf(w), "balance");
            assertEq(b.isFrozen(w), a.isFrozen(w), "frozen flag");
            assertEq(b.frozenShares(w), a.frozenShares(w), "frozen shares");
            assertEq(b.freeBalanceOf(w), a.freeBalanceOf(w), "free balance");
            assertEq(b.holderInvestorOf(w), a.holderInvestorOf(w), "investor");
            assertEq(b.investorBalanceOf(a.holderInvestorOf(w)), a.investorBalanceOf(a.holderInvestorOf(w)));
            (uint256[] memory aa, uint64[] memory ar) = a.lockLots(w);
            (uint256[] memory ba, uint64[] memory br) = b.lockLots(w);
            assertEq(ba, aa, "lot amounts");
            assertEq(ba.length, br.length);
            for (uint256 j; j < ar.length; ++j) {
                assertEq(br[j], ar[j], "lot release");
            }
        }
    }

    // ------------------------------------------------------------------ the whole path

    function test_migration_copiesTheRegister_andRetiresThePredecessor() public {
        _seed();
        ArtworkShareToken next = _migrate();

        _assertSameRegister(token, next);
        assertEq(next.totalSupply(), 250);
        (uint256[] memory amounts, uint64[] memory releases) = next.lockLots(alice);
        assertEq(amounts.length, 2);
        assertEq(releases[1] - releases[0], 10 days);
        assertTrue(next.isFrozen(carol));
        assertEq(next.frozenShares(bob), 30);

        // Same metadata, rules and owner; enumerated by the factory.
        assertEq(next.owner(), issuer);
        assertEq(next.name(), token.name());
        assertEq(next.symbol(), token.symbol());
        assertEq(next.metadataURI(), token.metadataURI());
        assertEq(next.metadataHash(), token.metadataHash());
        assertEq(abi.encode(next.rules()), abi.encode(token.rules()));
        assertTrue(factory.isToken(address(next)));

        // Both ends name each other; the migrator's power on the successor is gone.
        (address pred, address succ, bool migrating) = token.migration();
        assertEq(pred, address(0));
        assertEq(succ, address(next));
        assertFalse(migrating);
        (pred, succ, migrating) = next.migration();
        assertEq(pred, address(token));
        assertEq(succ, address(0));
        assertFalse(migrating);
        TokenMigrator.Migration memory m = migrator.migrationOf(address(token));
        assertTrue(m.finished);
        assertEq(m.copiedShares, 250);
        assertEq(m.copiedWallets, 4);

        // The successor starts paused; an agent opens it once the copy is complete.
        assertTrue(next.paused());
        vm.prank(agent);
        next.unpause();
        vm.warp(block.timestamp + 30 days); // bob's purchase lot ends, as it would have on the old token
        vm.prank(bob);
        next.transfer(alice, 40);
        assertEq(next.balanceOf(alice), 190);
    }

    function test_lockReleases_unchanged_afterMigration() public {
        _seed();
        ArtworkShareToken next = _migrate();
        vm.prank(agent);
        next.unpause();
        // Before lot 1 ends alice2's and alice's shares are all locked, on both tokens.
        assertEq(next.freeBalanceOf(alice), 0);
        vm.prank(alice);
        vm.expectRevert(_refused(10));
        next.transfer(bob, 1);
        // Lot 1 ends 19 days after the seed's last step: 100 free; lot 2 ten days later.
        vm.warp(block.timestamp + 19 days);
        assertEq(next.freeBalanceOf(alice), 100);
        assertEq(next.freeBalanceOf(alice), token.freeBalanceOf(alice));
        vm.prank(alice);
        vm.expectRevert(_refused(10));
        next.transfer(bob, 101);
        vm.warp(block.timestamp + 10 days);
        assertEq(next.freeBalanceOf(alice), 150);
        vm.prank(alice);
        next.transfer(bob, 150);
    }

    function test_retiredToken_nothingMovesOrChanges() public {
        _seed();
        _migrate();
        bytes memory retired = abi.encodeWithSelector(IArtworkShareToken.ShareRetired.selector, _successor());

        // Even unpaused (or with its freezes lifted) a retired token moves nothing.
        vm.startPrank(agent);
        token.unpause();
        token.setWalletFrozen(carol, false);
        token.unfreezePartialShares(bob, 30);
        vm.stopPrank();

        assertEq(token.canTransfer(bob, alice, 1), TRANSFER_PAUSED);
        assertEq(token.canTransfer(carol, alice, 1), TRANSFER_PAUSED);
        vm.prank(bob);
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        token.transfer(alice, 1);

        // Not even two agents move, burn or recover anything on a retired token.
        vm.prank(agent);
        uint256 id = desk.propose(address(token), abi.encodeCall(token.forcedTransfer, (bob, alice, 1)));
        vm.prank(agent2);
        vm.expectRevert();
        desk.execute(id, address(token), abi.encodeCall(token.forcedTransfer, (bob, alice, 1)));
        vm.prank(address(desk));
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        token.burn(bob, 1);
        vm.prank(address(desk));
        vm.expectRevert(retired);
        token.recoverWallet(alice, alice2);
        // The offering cannot mint into it either.
        vm.prank(address(offering));
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        token.mint(alice, 1);
    }

    function _successor() internal view returns (address s) {
        (, s,) = token.migration();
    }

    // ------------------------------------------------------------------ nothing else can use the path

    function test_start_refusals() public {
        _seed();
        // Not paused.
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorCannotStart.selector, address(token), issuer));
        migrator.start(address(token));
        vm.prank(agent);
        token.pause();
        // Not the owner (an agent, a stranger).
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorCannotStart.selector, address(token), agent));
        migrator.start(address(token));
        // Not a factory token: a clone initialised outside the factory, owned by the caller.
        ArtworkShareToken rogue = ArtworkShareToken(_clone(address(impl)));
        rogue.initialize(stranger, "R", "R", 10, _rules(0, 0, 0), "", bytes32(0), address(0));
        vm.prank(agent);
        rogue.pause();
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IShareTokenFactory.FactoryNotMigration.selector, address(migrator), address(rogue))
        );
        migrator.start(address(rogue));
        // Started once only.
        vm.prank(issuer);
        migrator.start(address(token));
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorCannotStart.selector, address(token), issuer));
        migrator.start(address(token));
    }

    function test_onlyTheMigrator_andOnlyWhileCopying_mintsIntoASuccessor() public {
        _seed();
        // A token that is not a successor: not even the migrator mints into it or freezes on it.
        bytes32 freezer = token.FREEZER_ROLE();
        vm.prank(address(migrator));
        vm.expectRevert(_unauthorized(address(migrator), freezer));
        token.freezePartialShares(alice, 1);
        vm.prank(address(migrator));
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotMigrator.selector, address(migrator)));
        token.migrateHolder(alice, ALICE, 1, 0);

        ArtworkShareToken next = _start();
        // The issuer, an agent, the offering: refused.
        address[3] memory others = [issuer, agent, address(offering)];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotMigrator.selector, others[i]));
            next.migrateHolder(others[i], ALICE, 1, 0);
        }
        // Nobody but the migrator retires or ends a migration.
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotMigrator.selector, issuer));
        next.endMigration();
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotMigrator.selector, issuer));
        next.retire(issuer);
        // The successor cannot be opened while copying, and the offering cannot mint into it.
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareMigrating.selector, address(token)));
        next.unpause();
        vm.prank(address(offering));
        vm.expectRevert(_refused(TRANSFER_PAUSED));
        next.mint(alice, 1);
        // The factory deploys successors for the migrator only.
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IShareTokenFactory.FactoryNotMigration.selector, issuer, address(token)));
        factory.deploySuccessor(address(token));

        migrator.copyHolders(address(token), _holders(token));
        migrator.finish(address(token));
        // After the end even the migrator cannot mint or freeze, and the migration cannot be reopened.
        freezer = next.FREEZER_ROLE();
        vm.prank(address(migrator));
        vm.expectRevert(_unauthorized(address(migrator), freezer));
        next.setWalletFrozen(alice, true);
        vm.prank(address(migrator));
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotMigrator.selector, address(migrator)));
        next.migrateHolder(stranger, ALICE, 1, 0);
        address[] memory all = _holders(token);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorNotRunning.selector, address(token)));
        migrator.copyHolders(address(token), all);
        assertEq(next.totalSupply(), token.totalSupply());
    }

    function test_copy_isResumable_andCopiesEachWalletOnce() public {
        _seed();
        ArtworkShareToken next = _start();
        address[] memory all = _holders(token);
        address[] memory firstTwo = new address[](2);
        (firstTwo[0], firstTwo[1]) = (all[0], all[1]);
        assertEq(migrator.copyHolders(address(token), firstTwo), 2);
        // Interrupted: finishing now is refused.
        vm.expectRevert(
            abi.encodeWithSelector(TokenMigrator.MigratorIncomplete.selector, address(token), 250, next.totalSupply())
        );
        migrator.finish(address(token));
        // Re-run over everyone plus a non-holder and a duplicate: only the rest is copied.
        address[] memory again = new address[](all.length + 2);
        for (uint256 i; i < all.length; ++i) {
            again[i] = all[i];
        }
        again[all.length] = stranger;
        again[all.length + 1] = all[0];
        assertEq(migrator.copyHolders(address(token), again), all.length - 2);
        assertEq(migrator.copyHolders(address(token), again), 0);
        assertTrue(migrator.isCopied(address(token), all[0]));
        assertFalse(migrator.isCopied(address(token), stranger));
        migrator.finish(address(token));
        _assertSameRegister(token, next);
    }

    function test_migratorSetFactory_onceByAdmin() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorUnauthorized.selector, stranger));
        migrator.setFactory(stranger);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorFactoryState.selector, address(factory)));
        migrator.setFactory(stranger);
    }

    function test_gas_migrationPerHolder() public {
        _seed();
        ArtworkShareToken next = _start();
        address[] memory all = _holders(token);
        uint256 g = gasleft();
        migrator.copyHolders(address(token), all);
        g -= gasleft();
        console.log("copyHolders, 4 wallets / 5 lots (gas, execution):", g);
        migrator.finish(address(token));
        assertEq(next.totalSupply(), token.totalSupply());
    }

    // ------------------------------------------------------------------ fuzz

    /// Any mix of purchases at different times, partial freezes and wallet freezes: after the migration the registers
    /// are equal, and at any later time each wallet frees exactly the same shares on both tokens.
    function testFuzz_migration_registersEqual(
        uint96[4] memory amounts,
        uint32[4] memory gaps,
        uint96 bobFrozen,
        bool freezeAlice2,
        uint32 laterSeconds
    ) public {
        address[4] memory ws = [alice, alice2, bob, alice];
        for (uint256 i; i < 4; ++i) {
            uint256 a = bound(amounts[i], 1, 200);
            vm.warp(block.timestamp + bound(gaps[i], 0, 20 days));
            _mint(ws[i], a);
        }
        vm.startPrank(agent);
        token.freezePartialShares(bob, bound(bobFrozen, 0, token.balanceOf(bob)));
        if (freezeAlice2) token.setWalletFrozen(alice2, true);
        vm.stopPrank();

        ArtworkShareToken next = _migrate();
        _assertSameRegister(token, next);

        vm.warp(block.timestamp + bound(laterSeconds, 0, 90 days));
        for (uint256 i; i < 3; ++i) {
            assertEq(next.freeBalanceOf(ws[i]), token.freeBalanceOf(ws[i]), "free later");
        }
        _assertSameRegister(token, next);
    }

    function _clone(address implementation) internal returns (address instance) {
        // EIP-1167 minimal proxy, as OpenZeppelin's Clones.clone builds it.
        assembly ("memory-safe") {
            mstore(0x00, or(shr(0xe8, shl(0x60, implementation)), 0x3d602d80600a3d3981f3363d3d373d3d3d363d73000000))
            mstore(0x20, or(shl(0x78, implementation), 0x5af43d82803e903d91602b57fd5bf3))
            instance := create(0, 0x09, 0x37)
        }
    }
}
