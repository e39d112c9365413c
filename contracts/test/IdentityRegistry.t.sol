// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {IIdentityRegistry} from "../src/interfaces/IIdentityRegistry.sol";

contract IdentityRegistryTest is Base {
    event InvestorRegistered(
        bytes32 indexed investorId, address indexed wallet, uint16 country, uint8 category, uint64 kycExpiry
    );
    event InvestorUpdated(bytes32 indexed investorId, uint16 country, uint8 category, uint64 kycExpiry);
    event InvestorRemoved(bytes32 indexed investorId);
    event WalletLinked(address indexed wallet, bytes32 indexed investorId);
    event WalletUnlinked(address indexed wallet, bytes32 indexed investorId);

    bytes32 internal constant EVE = keccak256("investor:eve");
    address internal eve = makeAddr("eve");

    function test_register_andViews() public {
        vm.prank(agent);
        registry.proposeRegistration(eve, EVE, SG, INSTITUTIONAL, kycExpiry);
        vm.expectEmit(address(registry));
        emit InvestorRegistered(EVE, eve, SG, INSTITUTIONAL, kycExpiry);
        vm.expectEmit(address(registry));
        emit WalletLinked(eve, EVE);
        vm.prank(agent2);
        registry.confirmProposal(EVE, eve, SG, INSTITUTIONAL, kycExpiry);
        assertTrue(registry.isVerified(eve));
        assertEq(registry.investorOf(eve), EVE);
        (bytes32 id, uint16 country, uint8 category, uint64 expiry) = registry.identityOf(eve);
        assertEq(id, EVE);
        assertEq(country, SG);
        assertEq(category, INSTITUTIONAL);
        assertEq(expiry, kycExpiry);
        (country, category, expiry,) = registry.investor(EVE);
        (,,, uint32 wallets) = registry.investor(EVE);
        assertEq(wallets, 1);
        assertTrue(registry.isAgent(agent));
        assertFalse(registry.isAgent(stranger));
        assertFalse(registry.isVerified(stranger));
        (id,,,) = registry.identityOf(stranger);
        assertEq(id, bytes32(0));
    }

    function test_register_refusals() public {
        vm.startPrank(agent);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryZeroAddress.selector);
        registry.registerInvestor(address(0), EVE, HK, RETAIL, kycExpiry);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryZeroInvestorId.selector);
        registry.registerInvestor(eve, bytes32(0), HK, RETAIL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvalidCountry.selector, 0));
        registry.registerInvestor(eve, EVE, 0, RETAIL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvalidCountry.selector, 1000));
        registry.registerInvestor(eve, EVE, 1000, RETAIL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvalidCategory.selector, 0));
        registry.registerInvestor(eve, EVE, HK, 0, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvalidCategory.selector, 4));
        registry.registerInvestor(eve, EVE, HK, 4, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvestorExists.selector, ALICE));
        registry.registerInvestor(eve, ALICE, HK, RETAIL, kycExpiry);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryWalletAlreadyLinked.selector, alice, ALICE)
        );
        registry.registerInvestor(alice, EVE, HK, RETAIL, kycExpiry);
        vm.stopPrank();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("AGENT_ROLE")));
        registry.registerInvestor(eve, EVE, HK, RETAIL, kycExpiry);
    }

    function test_update_andExpiry() public {
        vm.prank(agent);
        registry.proposeUpdate(ALICE, SG, PROFESSIONAL, uint64(block.timestamp + 10));
        vm.expectEmit(address(registry));
        emit InvestorUpdated(ALICE, SG, PROFESSIONAL, uint64(block.timestamp + 10));
        vm.prank(agent2);
        registry.confirmProposal(ALICE, address(0), SG, PROFESSIONAL, uint64(block.timestamp + 10));
        (uint16 c, uint8 cat,, uint32 w) = registry.investor(ALICE);
        assertEq(c, SG);
        assertEq(cat, PROFESSIONAL);
        assertEq(w, 2);
        assertTrue(registry.isVerified(alice2));
        vm.warp(block.timestamp + 10);
        assertFalse(registry.isVerified(alice2));
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryUnknownInvestor.selector, EVE));
        registry.updateInvestor(EVE, SG, PROFESSIONAL, 1);
    }

    function test_link_unlink_remove() public {
        vm.startPrank(agent);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryUnknownInvestor.selector, EVE));
        registry.linkWallet(eve, EVE);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryWalletAlreadyLinked.selector, bob, BOB)
        );
        registry.linkWallet(bob, ALICE);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryZeroAddress.selector);
        registry.linkWallet(address(0), ALICE);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryWalletNotLinked.selector, eve));
        registry.unlinkWallet(eve);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvestorHasWallets.selector, ALICE, uint32(2))
        );
        registry.removeInvestor(ALICE);
        vm.expectEmit(address(registry));
        emit WalletUnlinked(alice, ALICE);
        registry.unlinkWallet(alice);
        registry.unlinkWallet(alice2);
        assertEq(registry.investorOf(alice), bytes32(0));
        vm.expectEmit(address(registry));
        emit InvestorRemoved(ALICE);
        registry.removeInvestor(ALICE);
        (, uint8 cat,,) = registry.investor(ALICE);
        assertEq(cat, 0);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryUnknownInvestor.selector, ALICE));
        registry.removeInvestor(ALICE);
        // the id can be registered again afterwards
        registry.registerInvestor(alice, ALICE, HK, RETAIL, kycExpiry);
        vm.stopPrank();
    }

    function test_batches() public {
        address[] memory ws = new address[](2);
        ws[0] = eve;
        ws[1] = makeAddr("frank");
        bytes32[] memory ids = new bytes32[](2);
        ids[0] = EVE;
        ids[1] = keccak256("frank");
        uint16[] memory cs = new uint16[](2);
        cs[0] = HK;
        cs[1] = SG;
        uint8[] memory cats = new uint8[](2);
        cats[0] = RETAIL;
        cats[1] = RETAIL;
        uint64[] memory exps = new uint64[](2);
        exps[0] = kycExpiry;
        exps[1] = kycExpiry;
        vm.startPrank(agent);
        registry.batchRegisterInvestor(ws, ids, cs, cats, exps);
        assertTrue(registry.isVerified(ws[1]));
        exps[0] = kycExpiry + 1;
        cs[1] = HK;
        registry.batchUpdateInvestor(ids, cs, cats, exps);
        (uint16 country,, uint64 expiry,) = registry.investor(EVE);
        assertEq(expiry, kycExpiry + 1);
        (country,,,) = registry.investor(ids[1]);
        assertEq(country, HK);
        // A batch cannot carry a professional category past the four-eyes rule either.
        cats[0] = PROFESSIONAL;
        vm.expectRevert(
            abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNeedsSecondAgent.selector, EVE, RETAIL, PROFESSIONAL)
        );
        registry.batchUpdateInvestor(ids, cs, cats, exps);
        cats[0] = RETAIL;
        registry.batchUnlinkWallet(ws);
        assertFalse(registry.isVerified(eve));
        registry.batchLinkWallet(ws, ids);
        assertEq(registry.investorOf(ws[1]), ids[1]);

        bytes32[] memory short = new bytes32[](1);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryArrayLengthMismatch.selector);
        registry.batchRegisterInvestor(ws, short, cs, cats, exps);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryArrayLengthMismatch.selector);
        registry.batchUpdateInvestor(short, cs, cats, exps);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryArrayLengthMismatch.selector);
        registry.batchLinkWallet(ws, short);
        vm.stopPrank();
    }

    function test_batchRemoveInvestor() public {
        address frank = makeAddr("frank");
        bytes32 frankId = keccak256("frank");
        _registerTwoAgents(eve, EVE, SG, INSTITUTIONAL, kycExpiry);
        vm.startPrank(agent);
        registry.registerInvestor(frank, frankId, HK, RETAIL, kycExpiry);
        bytes32[] memory ids = new bytes32[](2);
        (ids[0], ids[1]) = (EVE, frankId);
        // All or nothing: frank still has a wallet.
        registry.unlinkWallet(eve);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvestorHasWallets.selector, frankId, uint32(1))
        );
        registry.batchRemoveInvestor(ids);
        (, uint8 cat,,) = registry.investor(EVE);
        assertEq(cat, INSTITUTIONAL);
        registry.unlinkWallet(frank);
        // One InvestorRemoved per item, as {removeInvestor} emits.
        vm.expectEmit(address(registry));
        emit InvestorRemoved(EVE);
        vm.expectEmit(address(registry));
        emit InvestorRemoved(frankId);
        registry.batchRemoveInvestor(ids);
        (, cat,,) = registry.investor(EVE);
        assertEq(cat, 0);
        (, cat,,) = registry.investor(frankId);
        assertEq(cat, 0);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryUnknownInvestor.selector, EVE));
        registry.batchRemoveInvestor(ids);
        vm.stopPrank();
    }

    function test_batches_agentOnly() public {
        address[] memory ws = new address[](1);
        ws[0] = eve;
        bytes32[] memory ids = new bytes32[](1);
        ids[0] = EVE;
        uint16[] memory cs = new uint16[](1);
        cs[0] = HK;
        uint8[] memory cats = new uint8[](1);
        cats[0] = RETAIL;
        uint64[] memory exps = new uint64[](1);
        exps[0] = kycExpiry;
        bytes32 role = registry.AGENT_ROLE();
        // Same role as the single forms; the platform admin is not an agent either.
        address[2] memory callers = [stranger, admin];
        for (uint256 i; i < callers.length; ++i) {
            vm.startPrank(callers[i]);
            vm.expectRevert(_unauthorized(callers[i], role));
            registry.batchRegisterInvestor(ws, ids, cs, cats, exps);
            vm.expectRevert(_unauthorized(callers[i], role));
            registry.batchUpdateInvestor(ids, cs, cats, exps);
            vm.expectRevert(_unauthorized(callers[i], role));
            registry.batchLinkWallet(ws, ids);
            vm.expectRevert(_unauthorized(callers[i], role));
            registry.batchUnlinkWallet(ws);
            vm.expectRevert(_unauthorized(callers[i], role));
            registry.batchRemoveInvestor(ids);
            vm.stopPrank();
        }
    }

    function test_constructor_zeroAdmin() public {
        vm.expectRevert(IIdentityRegistry.IdentityRegistryZeroAddress.selector);
        new IdentityRegistry(address(0));
    }
}
