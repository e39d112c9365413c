// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {IIdentityRegistry} from "../src/interfaces/IIdentityRegistry.sol";

/// Four eyes on-chain: registering a professional or institutional investor, and any category change to or from
/// those, needs two different agents (propose by one, confirm by another). Retail registration stays single-agent.
contract IdentityRegistryFourEyesTest is Base {
    event InvestorChangeProposed(
        bytes32 indexed investorId,
        address indexed proposer,
        address wallet,
        uint16 country,
        uint8 category,
        uint64 kycExpiry
    );
    event InvestorChangeConfirmed(bytes32 indexed investorId, address indexed proposer, address indexed confirmer);
    event InvestorChangeCancelled(bytes32 indexed investorId, address indexed by);
    event InvestorRegistered(
        bytes32 indexed investorId, address indexed wallet, uint16 country, uint8 category, uint64 kycExpiry
    );
    event InvestorUpdated(bytes32 indexed investorId, uint16 country, uint8 category, uint64 kycExpiry);

    bytes32 internal constant EVE = keccak256("investor:eve");
    address internal eve = makeAddr("eve");

    function _needsSecond(bytes32 id, uint8 fromCat, uint8 toCat) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNeedsSecondAgent.selector, id, fromCat, toCat);
    }

    function test_singleAgent_cannotRegisterProfessionalOrInstitutional() public {
        vm.startPrank(agent);
        vm.expectRevert(_needsSecond(EVE, 0, PROFESSIONAL));
        registry.registerInvestor(eve, EVE, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(_needsSecond(EVE, 0, INSTITUTIONAL));
        registry.registerInvestor(eve, EVE, HK, INSTITUTIONAL, kycExpiry);
        // Retail stays single-agent.
        registry.registerInvestor(eve, EVE, HK, RETAIL, kycExpiry);
        vm.stopPrank();
        (, uint8 cat,,) = registry.investor(EVE);
        assertEq(cat, RETAIL);
    }

    function test_singleAgent_cannotUpgradeOrDowngrade() public {
        vm.startPrank(agent);
        vm.expectRevert(_needsSecond(ALICE, RETAIL, PROFESSIONAL));
        registry.updateInvestor(ALICE, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(_needsSecond(BOB, PROFESSIONAL, RETAIL));
        registry.updateInvestor(BOB, HK, RETAIL, kycExpiry);
        vm.expectRevert(_needsSecond(BOB, PROFESSIONAL, INSTITUTIONAL));
        registry.updateInvestor(BOB, HK, INSTITUTIONAL, kycExpiry);
        vm.expectRevert(_needsSecond(DAVE, INSTITUTIONAL, RETAIL));
        registry.updateInvestor(DAVE, US, RETAIL, kycExpiry);
        // Keeping the category (a renewal of the expiry, a new country) stays single-agent.
        registry.updateInvestor(BOB, SG, PROFESSIONAL, kycExpiry + 30 days);
        registry.updateInvestor(ALICE, SG, RETAIL, kycExpiry + 30 days);
        vm.stopPrank();
        (uint16 country, uint8 cat, uint64 expiry,) = registry.investor(BOB);
        assertEq(country, SG);
        assertEq(cat, PROFESSIONAL);
        assertEq(expiry, kycExpiry + 30 days);
    }

    function test_proposeThenConfirm_registration() public {
        vm.expectEmit(address(registry));
        emit InvestorChangeProposed(EVE, agent, eve, HK, PROFESSIONAL, kycExpiry);
        vm.prank(agent);
        registry.proposeRegistration(eve, EVE, HK, PROFESSIONAL, kycExpiry);
        // The proposal records the exact record, and nothing is registered yet.
        (address proposer, address wallet, uint16 country, uint8 category, uint64 expiry) = registry.proposalOf(EVE);
        assertEq(proposer, agent);
        assertEq(wallet, eve);
        assertEq(country, HK);
        assertEq(category, PROFESSIONAL);
        assertEq(expiry, kycExpiry);
        assertFalse(registry.isVerified(eve));

        vm.expectEmit(address(registry));
        emit InvestorChangeConfirmed(EVE, agent, agent2);
        vm.expectEmit(address(registry));
        emit InvestorRegistered(EVE, eve, HK, PROFESSIONAL, kycExpiry);
        vm.prank(agent2);
        registry.confirmProposal(EVE, eve, HK, PROFESSIONAL, kycExpiry);
        assertTrue(registry.isVerified(eve));
        (,, uint8 cat,) = registry.identityOf(eve);
        assertEq(cat, PROFESSIONAL);
        (proposer,,,,) = registry.proposalOf(EVE);
        assertEq(proposer, address(0));
    }

    function test_proposeThenConfirm_downgrade() public {
        vm.prank(agent);
        registry.proposeUpdate(BOB, HK, RETAIL, kycExpiry + 1);
        (, uint8 before,,) = registry.investor(BOB);
        assertEq(before, PROFESSIONAL);
        vm.expectEmit(address(registry));
        emit InvestorUpdated(BOB, HK, RETAIL, kycExpiry + 1);
        vm.prank(agent2);
        registry.confirmProposal(BOB, address(0), HK, RETAIL, kycExpiry + 1);
        (, uint8 cat, uint64 expiry,) = registry.investor(BOB);
        assertEq(cat, RETAIL);
        assertEq(expiry, kycExpiry + 1);
    }

    function test_confirm_refusals() public {
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNoProposal.selector, EVE));
        registry.confirmProposal(EVE, eve, HK, PROFESSIONAL, kycExpiry);

        vm.prank(agent);
        registry.proposeRegistration(eve, EVE, HK, PROFESSIONAL, kycExpiry);
        // The proposer cannot confirm.
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistrySameAgent.selector, agent));
        registry.confirmProposal(EVE, eve, HK, PROFESSIONAL, kycExpiry);
        // Nor can a non-agent.
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("AGENT_ROLE")));
        registry.confirmProposal(EVE, eve, HK, PROFESSIONAL, kycExpiry);
        // The second agent confirms exactly what was proposed, nothing else.
        vm.startPrank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalMismatch.selector, EVE));
        registry.confirmProposal(EVE, eve, HK, INSTITUTIONAL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalMismatch.selector, EVE));
        registry.confirmProposal(EVE, eve, SG, PROFESSIONAL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalMismatch.selector, EVE));
        registry.confirmProposal(EVE, eve, HK, PROFESSIONAL, kycExpiry + 1);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalMismatch.selector, EVE));
        registry.confirmProposal(EVE, address(0), HK, PROFESSIONAL, kycExpiry);
        vm.stopPrank();
        // A second proposal while one is pending is refused (no silent replacement).
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalPending.selector, EVE));
        registry.proposeRegistration(eve, EVE, HK, RETAIL, kycExpiry);
        // A proposer who lost the agent role can no longer have the proposal confirmed.
        vm.startPrank(admin);
        registry.revokeRole(registry.AGENT_ROLE(), agent);
        vm.stopPrank();
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposerNotAgent.selector, agent));
        registry.confirmProposal(EVE, eve, HK, PROFESSIONAL, kycExpiry);
        assertFalse(registry.isVerified(eve));
    }

    function test_propose_refusals() public {
        vm.startPrank(agent);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryWalletAlreadyLinked.selector, alice, ALICE)
        );
        registry.proposeRegistration(alice, EVE, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvestorExists.selector, BOB));
        registry.proposeRegistration(eve, BOB, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryUnknownInvestor.selector, EVE));
        registry.proposeUpdate(EVE, HK, PROFESSIONAL, kycExpiry);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryInvalidCategory.selector, 4));
        registry.proposeUpdate(BOB, HK, 4, kycExpiry);
        vm.stopPrank();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("AGENT_ROLE")));
        registry.proposeUpdate(BOB, HK, RETAIL, kycExpiry);
    }

    function test_cancel() public {
        vm.prank(agent);
        registry.proposeUpdate(ALICE, HK, PROFESSIONAL, kycExpiry);
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("AGENT_ROLE")));
        registry.cancelProposal(ALICE);
        vm.expectEmit(address(registry));
        emit InvestorChangeCancelled(ALICE, agent2);
        vm.prank(agent2);
        registry.cancelProposal(ALICE);
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNoProposal.selector, ALICE));
        registry.confirmProposal(ALICE, address(0), HK, PROFESSIONAL, kycExpiry);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNoProposal.selector, ALICE));
        registry.cancelProposal(ALICE);
        (, uint8 cat,,) = registry.investor(ALICE);
        assertEq(cat, RETAIL);
        // After a cancel a new proposal can be made.
        vm.prank(agent);
        registry.proposeUpdate(ALICE, HK, INSTITUTIONAL, kycExpiry);
    }

    function test_needsTwoAgents() public view {
        assertFalse(registry.needsTwoAgents(0, RETAIL));
        assertTrue(registry.needsTwoAgents(0, PROFESSIONAL));
        assertTrue(registry.needsTwoAgents(0, INSTITUTIONAL));
        assertTrue(registry.needsTwoAgents(RETAIL, PROFESSIONAL));
        assertTrue(registry.needsTwoAgents(PROFESSIONAL, RETAIL));
        assertTrue(registry.needsTwoAgents(PROFESSIONAL, INSTITUTIONAL));
        assertFalse(registry.needsTwoAgents(PROFESSIONAL, PROFESSIONAL));
        assertFalse(registry.needsTwoAgents(RETAIL, RETAIL));
    }

    /// Fuzz: whatever one agent sends through the single-agent paths (register, update, batches), no investor ever
    /// changes to or from a professional or institutional category, and none is registered as one.
    function testFuzz_noSingleAgentSetsProfessional(uint8 which, uint8 category, uint16 country, uint64 expiry)
        public
    {
        category = uint8(bound(category, 1, 3));
        country = uint16(bound(country, 1, 999));
        bytes32[4] memory ids = [ALICE, BOB, DAVE, EVE];
        uint8[4] memory before;
        for (uint256 i; i < 4; ++i) {
            (, before[i],,) = registry.investor(ids[i]);
        }
        uint256 path = which % 5;
        bytes32 id = ids[(which / 5) % 4];
        vm.startPrank(agent);
        if (path == 0) {
            try registry.registerInvestor(eve, EVE, country, category, expiry) {} catch {}
        } else if (path == 1) {
            try registry.updateInvestor(id, country, category, expiry) {} catch {}
        } else if (path == 2) {
            address[] memory ws = new address[](1);
            ws[0] = eve;
            bytes32[] memory is_ = new bytes32[](1);
            is_[0] = EVE;
            uint16[] memory cs = new uint16[](1);
            cs[0] = country;
            uint8[] memory cats = new uint8[](1);
            cats[0] = category;
            uint64[] memory es = new uint64[](1);
            es[0] = expiry;
            try registry.batchRegisterInvestor(ws, is_, cs, cats, es) {} catch {}
        } else if (path == 3) {
            bytes32[] memory is_ = new bytes32[](1);
            is_[0] = id;
            uint16[] memory cs = new uint16[](1);
            cs[0] = country;
            uint8[] memory cats = new uint8[](1);
            cats[0] = category;
            uint64[] memory es = new uint64[](1);
            es[0] = expiry;
            try registry.batchUpdateInvestor(is_, cs, cats, es) {} catch {}
        } else {
            // The same agent proposing and then trying to confirm its own proposal.
            try registry.proposeUpdate(id, country, category, expiry) {} catch {}
            try registry.confirmProposal(id, address(0), country, category, expiry) {} catch {}
        }
        vm.stopPrank();
        for (uint256 i; i < 4; ++i) {
            (, uint8 cat,,) = registry.investor(ids[i]);
            if (cat != before[i]) {
                assertTrue(cat <= RETAIL && before[i] <= RETAIL, "a single agent changed a professional category");
            }
        }
    }

    // ---------------------------------------------------------------- linking a wallet (issue 13 trust gap)

    event WalletLinkProposed(bytes32 indexed investorId, address indexed proposer, address indexed wallet);
    event WalletLinkConfirmed(bytes32 indexed investorId, address indexed proposer, address indexed confirmer);
    event WalletLinked(address indexed wallet, bytes32 indexed investorId);

    /// One agent alone cannot give a new wallet professional or institutional status by linking it (single or batch);
    /// linking to a retail investor stays single-agent.
    function test_singleAgent_cannotLinkWalletToProfessionalOrInstitutional() public {
        address[] memory ws = new address[](1);
        ws[0] = eve;
        bytes32[] memory ids = new bytes32[](1);
        vm.startPrank(agent);
        vm.expectRevert(_needsSecond(BOB, PROFESSIONAL, PROFESSIONAL));
        registry.linkWallet(eve, BOB);
        vm.expectRevert(_needsSecond(DAVE, INSTITUTIONAL, INSTITUTIONAL));
        registry.linkWallet(eve, DAVE);
        ids[0] = CAROL;
        vm.expectRevert(_needsSecond(CAROL, PROFESSIONAL, PROFESSIONAL));
        registry.batchLinkWallet(ws, ids);
        assertEq(registry.investorOf(eve), bytes32(0));
        assertFalse(registry.isVerified(eve));
        registry.linkWallet(eve, ALICE);
        vm.stopPrank();
        assertEq(registry.investorOf(eve), ALICE);
    }

    function test_proposeThenConfirm_link() public {
        vm.expectEmit(address(registry));
        emit WalletLinkProposed(BOB, agent, eve);
        vm.prank(agent);
        registry.proposeLink(eve, BOB);
        (address proposer, address wallet) = registry.linkProposalOf(BOB);
        assertEq(proposer, agent);
        assertEq(wallet, eve);
        assertFalse(registry.isVerified(eve));
        // The proposer cannot confirm its own proposal; another wallet than proposed is refused.
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistrySameAgent.selector, agent));
        registry.confirmLink(eve, BOB);
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalMismatch.selector, BOB));
        registry.confirmLink(stranger, BOB);
        // A second proposal for the same investor waits for the first to be settled.
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposalPending.selector, BOB));
        registry.proposeLink(stranger, BOB);

        vm.expectEmit(address(registry));
        emit WalletLinkConfirmed(BOB, agent, agent2);
        vm.expectEmit(address(registry));
        emit WalletLinked(eve, BOB);
        vm.prank(agent2);
        registry.confirmLink(eve, BOB);
        assertEq(registry.investorOf(eve), BOB);
        assertTrue(registry.isVerified(eve));
        (,,, uint32 wallets) = registry.investor(BOB);
        assertEq(wallets, 2);
        (proposer,) = registry.linkProposalOf(BOB);
        assertEq(proposer, address(0));
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNoProposal.selector, BOB));
        registry.confirmLink(eve, BOB);
    }

    function test_linkProposal_checksAndCancel() public {
        vm.startPrank(agent);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryUnknownInvestor.selector, EVE));
        registry.proposeLink(eve, EVE);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryWalletAlreadyLinked.selector, alice, ALICE)
        );
        registry.proposeLink(alice, BOB);
        vm.expectRevert(IIdentityRegistry.IdentityRegistryZeroAddress.selector);
        registry.proposeLink(address(0), BOB);
        registry.proposeLink(eve, BOB);
        vm.stopPrank();
        // Any agent may withdraw it (the second agent refuses it this way); only agents.
        bytes32 role = registry.AGENT_ROLE();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, role));
        registry.cancelLinkProposal(BOB);
        vm.prank(agent2);
        registry.cancelLinkProposal(BOB);
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryNoProposal.selector, BOB));
        registry.confirmLink(eve, BOB);
        // The wallet got linked elsewhere meanwhile: the confirmation is refused by the link itself.
        vm.prank(agent);
        registry.proposeLink(eve, BOB);
        vm.prank(agent2);
        registry.linkWallet(eve, ALICE);
        vm.prank(agent2);
        vm.expectRevert(
            abi.encodeWithSelector(IIdentityRegistry.IdentityRegistryWalletAlreadyLinked.selector, eve, ALICE)
        );
        registry.confirmLink(eve, BOB);
    }

    /// A proposer who lost the agent role cannot have its link confirmed.
    function test_linkProposal_proposerRevoked() public {
        vm.prank(agent);
        registry.proposeLink(eve, BOB);
        bytes32 role = registry.AGENT_ROLE();
        vm.prank(admin);
        registry.revokeRole(role, agent);
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryProposerNotAgent.selector, agent));
        registry.confirmLink(eve, BOB);
    }

    /// Fuzz: whatever wallet a single agent links to a professional or institutional investor, through any path it has
    /// alone (link, batch link, propose-and-confirm-itself), the wallet stays unlinked.
    function testFuzz_singleAgentNeverLinksToProfessional(address w, uint256 idSeed, uint8 path) public {
        vm.assume(w != address(0) && registry.investorOf(w) == bytes32(0));
        bytes32[3] memory pro = [BOB, CAROL, DAVE];
        bytes32 id = pro[idSeed % 3];
        vm.startPrank(idSeed % 2 == 0 ? agent : agent2);
        path %= 3;
        if (path == 0) {
            try registry.linkWallet(w, id) {} catch {}
        } else if (path == 1) {
            address[] memory ws = new address[](1);
            ws[0] = w;
            bytes32[] memory ids = new bytes32[](1);
            ids[0] = id;
            try registry.batchLinkWallet(ws, ids) {} catch {}
        } else {
            try registry.proposeLink(w, id) {} catch {}
            try registry.confirmLink(w, id) {} catch {}
        }
        vm.stopPrank();
        assertEq(registry.investorOf(w), bytes32(0));
    }
}
