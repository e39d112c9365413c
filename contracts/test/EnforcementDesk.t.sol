// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {IEnforcementDesk} from "../src/interfaces/IEnforcementDesk.sol";
import "../src/interfaces/IArtworkShareToken.sol";

/// Issue 13 item 1 (and issue 19 item 2): moving or burning someone's shares takes two different enforcement agents;
/// identity writers (registry agents) hold no power on tokens; freezing and pausing stay immediate.
contract EnforcementDeskTest is Base {
    event EnforcementProposed(
        uint256 indexed id, address indexed token, bytes4 indexed action, address proposer, uint64 expiresAt, bytes data
    );
    event EnforcementExecuted(uint256 indexed id, address indexed token, address indexed executor, address proposer);
    event EnforcementCancelled(uint256 indexed id, address indexed token, address indexed by);

    address internal registrar = makeAddr("registrar"); // identity writer only
    address internal attacker = makeAddr("attacker");

    function setUp() public override {
        super.setUp();
        bytes32 role = registry.AGENT_ROLE();
        vm.prank(admin);
        registry.grantRole(role, registrar);
        _mint(alice, 100);
        _mint(bob, 50);
    }

    function _ft(address from, address to, uint256 amount) internal view returns (bytes memory) {
        return abi.encodeCall(token.forcedTransfer, (from, to, amount));
    }

    function _propose(address who, bytes memory data) internal returns (uint256 id) {
        vm.prank(who);
        id = desk.propose(address(token), data);
    }

    // ------------------------------------------------------------ one agent alone

    /// Every desk agent was implicitly enforcer, recovery and burner on every token: now none of them is.
    function test_singleAgentCannotForcedTransferRecoverOrBurn() public {
        vm.startPrank(agent);
        vm.expectRevert(_unauthorized(agent, keccak256("ENFORCER_ROLE")));
        token.forcedTransfer(alice, bob, 10);
        vm.expectRevert(_unauthorized(agent, keccak256("RECOVERY_ROLE")));
        token.recoverWallet(alice, alice2);
        vm.expectRevert(_unauthorized(agent, keccak256("BURNER_ROLE")));
        token.burn(alice, 10);
        address[] memory ws = new address[](1);
        ws[0] = alice;
        uint256[] memory amts = new uint256[](1);
        amts[0] = 10;
        vm.expectRevert(_unauthorized(agent, keccak256("ENFORCER_ROLE")));
        token.batchForcedTransfer(ws, ws, amts);
        vm.expectRevert(_unauthorized(agent, keccak256("BURNER_ROLE")));
        token.batchBurn(ws, amts);
        vm.expectRevert(_unauthorized(agent, keccak256("RECOVERY_ROLE")));
        token.batchRecoverWallet(ws, ws);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 100);
        assertFalse(token.hasRole(token.ENFORCER_ROLE(), agent));
        assertFalse(token.hasRole(token.RECOVERY_ROLE(), agent));
        assertFalse(token.hasRole(token.BURNER_ROLE(), agent));
        // The desk holds them, and nothing else it is not given.
        assertTrue(token.hasRole(token.ENFORCER_ROLE(), address(desk)));
        assertTrue(token.hasRole(token.RECOVERY_ROLE(), address(desk)));
        assertTrue(token.hasRole(token.BURNER_ROLE(), address(desk)));
        assertFalse(token.hasRole(token.DOCUMENT_ROLE(), address(desk)));
        assertFalse(token.hasRole(token.DEFAULT_ADMIN_ROLE(), address(desk)));
        assertFalse(token.hasRole(token.MINTER_ROLE(), address(desk)));
    }

    /// The attack of the issue: a registry agent links its own wallet to the victim's investor id, then recovers the
    /// victim's wallet to it, or force-transfers the victim's shares. An identity writer has no token power at all.
    function test_registryAgentCannotMoveShares() public {
        vm.startPrank(registrar);
        registry.linkWallet(attacker, ALICE);
        vm.expectRevert(_unauthorized(registrar, keccak256("RECOVERY_ROLE")));
        token.recoverWallet(alice, attacker);
        vm.expectRevert(_unauthorized(registrar, keccak256("ENFORCER_ROLE")));
        token.forcedTransfer(alice, attacker, 100);
        vm.expectRevert(_unauthorized(registrar, keccak256("BURNER_ROLE")));
        token.burn(alice, 100);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskNotAgent.selector, registrar));
        desk.propose(address(token), abi.encodeCall(token.recoverWallet, (alice, attacker)));
        // Nor pause or freeze: those are the enforcement agents'.
        vm.expectRevert(_unauthorized(registrar, keccak256("PAUSER_ROLE")));
        token.pause();
        vm.expectRevert(_unauthorized(registrar, keccak256("FREEZER_ROLE")));
        token.setWalletFrozen(alice, true);
        vm.stopPrank();
        assertEq(token.balanceOf(alice), 100);
        assertEq(token.balanceOf(attacker), 0);
    }

    /// Freezing and pausing stay immediate: one desk agent, no proposal.
    function test_freezeAndPauseStayImmediate() public {
        vm.startPrank(agent2);
        token.setWalletFrozen(alice, true);
        token.freezePartialShares(bob, 5);
        token.pause();
        vm.stopPrank();
        assertTrue(token.isFrozen(alice));
        assertEq(token.frozenShares(bob), 5);
        assertTrue(token.paused());
        assertEq(desk.proposalCount(), 0);
    }

    // ------------------------------------------------------------ propose, execute, cancel

    function test_twoAgentForcedTransfer_emitsAndMoves() public {
        bytes memory data = _ft(alice, bob, 30);
        uint64 expiresAt = uint64(block.timestamp) + desk.PROPOSAL_LIFETIME();
        vm.expectEmit(address(desk));
        emit EnforcementProposed(1, address(token), token.forcedTransfer.selector, agent, expiresAt, data);
        uint256 id = _propose(agent, data);
        assertEq(id, 1);
        assertEq(token.balanceOf(alice), 100); // nothing moves on a proposal
        uint256[] memory pending = desk.pendingProposals();
        assertEq(pending.length, 1);
        (address t, address proposer, uint64 exp, IEnforcementDesk.Status status, bytes memory stored) =
            desk.proposal(id);
        assertEq(t, address(token));
        assertEq(proposer, agent);
        assertEq(exp, expiresAt);
        assertEq(uint8(status), uint8(IEnforcementDesk.Status.Pending));
        assertEq(stored, data);

        vm.expectEmit(address(token));
        emit IArtworkShareToken.ForcedTransferred(alice, bob, 30, address(desk));
        vm.expectEmit(address(desk));
        emit EnforcementExecuted(id, address(token), agent2, agent);
        vm.prank(agent2);
        desk.execute(id, address(token), data);
        assertEq(token.balanceOf(alice), 70);
        assertEq(token.balanceOf(bob), 80);
        assertEq(desk.pendingProposals().length, 0);
        (,,, status,) = desk.proposal(id);
        assertEq(uint8(status), uint8(IEnforcementDesk.Status.Executed));
        // Executed once: no replay.
        vm.prank(agent);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEnforcementDesk.DeskProposalNotPending.selector, id, IEnforcementDesk.Status.Executed
            )
        );
        desk.execute(id, address(token), data);
    }

    function test_proposerCannotExecute() public {
        bytes memory data = abi.encodeCall(token.burn, (alice, 10));
        uint256 id = _propose(agent, data);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskSecondAgentRequired.selector, id, agent));
        desk.execute(id, address(token), data);
        // Neither can a non-agent, nor a registry agent.
        vm.prank(registrar);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskNotAgent.selector, registrar));
        desk.execute(id, address(token), data);
        vm.prank(agent2);
        desk.execute(id, address(token), data);
        assertEq(token.balanceOf(alice), 90);
    }

    /// The proposal binds the exact token and arguments: the executor must repeat what was proposed.
    function testFuzz_argumentsBound(address to, uint256 amount, bool otherToken) public {
        bytes memory data = _ft(alice, bob, 30);
        uint256 id = _propose(agent, data);
        bytes memory other = _ft(alice, to, amount);
        vm.assume(keccak256(other) != keccak256(data) || otherToken);
        ArtworkShareToken t = otherToken ? _deploy(_rules(0, 0, 0)) : token;
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskArgumentsMismatch.selector, id));
        desk.execute(id, address(t), other);
        assertEq(token.balanceOf(alice), 100);
    }

    function testFuzz_expiry(uint256 wait) public {
        wait = bound(wait, 0, 30 days);
        bytes memory data = abi.encodeCall(token.recoverWallet, (alice, alice2));
        uint256 id = _propose(agent, data);
        uint64 expiresAt = uint64(block.timestamp) + desk.PROPOSAL_LIFETIME();
        vm.warp(block.timestamp + wait);
        vm.prank(agent2);
        if (block.timestamp >= expiresAt) {
            vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskProposalExpired.selector, id, expiresAt));
            desk.execute(id, address(token), data);
            assertEq(token.balanceOf(alice), 100);
            // An expired proposal is cleared by cancelling it.
            vm.prank(agent);
            desk.cancel(id);
            assertEq(desk.pendingProposals().length, 0);
        } else {
            desk.execute(id, address(token), data);
            assertEq(token.balanceOf(alice2), 100);
        }
    }

    function test_cancel() public {
        bytes memory data = _ft(alice, bob, 1);
        uint256 id = _propose(agent, data);
        vm.prank(registrar);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskNotAgent.selector, registrar));
        desk.cancel(id);
        vm.expectEmit(address(desk));
        emit EnforcementCancelled(id, address(token), agent2);
        vm.prank(agent2);
        desk.cancel(id);
        vm.prank(agent2);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEnforcementDesk.DeskProposalNotPending.selector, id, IEnforcementDesk.Status.Cancelled
            )
        );
        desk.execute(id, address(token), data);
        vm.prank(agent);
        vm.expectRevert(
            abi.encodeWithSelector(IEnforcementDesk.DeskProposalNotPending.selector, 99, IEnforcementDesk.Status.None)
        );
        desk.cancel(99);
    }

    /// Only the powers that move or burn shares go through the desk (it must not be a general proxy).
    function test_onlyMoveAndBurnActions() public {
        vm.startPrank(agent);
        bytes4 sel = token.pause.selector;
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskActionNotAllowed.selector, sel));
        desk.propose(address(token), abi.encodeCall(token.pause, ()));
        sel = token.setDocument.selector;
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskActionNotAllowed.selector, sel));
        desk.propose(address(token), abi.encodeCall(token.setDocument, (bytes32("x"), "u", bytes32(0))));
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskActionNotAllowed.selector, bytes4(0)));
        desk.propose(address(token), hex"01");
        vm.expectRevert(IEnforcementDesk.DeskZeroAddress.selector);
        desk.propose(address(0), _ft(alice, bob, 1));
        vm.stopPrank();
    }

    /// A token refusal bubbles up with the token's own error, and the proposal stays pending (it can be cancelled).
    function test_tokenRefusalBubbles() public {
        bytes memory data = _ft(alice, stranger, 1);
        uint256 id = _propose(agent, data);
        vm.prank(agent2);
        vm.expectRevert(_refused(TRANSFER_RECEIVER_NOT_VERIFIED));
        desk.execute(id, address(token), data);
        assertEq(desk.pendingProposals().length, 1);
    }

    function test_batchFormsNeedTwoAgents() public {
        address[] memory from = new address[](2);
        (from[0], from[1]) = (alice, bob);
        address[] memory to = new address[](2);
        (to[0], to[1]) = (carol, carol);
        uint256[] memory amts = new uint256[](2);
        (amts[0], amts[1]) = (10, 5);
        _enforce(address(token), abi.encodeCall(token.batchForcedTransfer, (from, to, amts)));
        assertEq(token.balanceOf(carol), 15);
        _enforce(address(token), abi.encodeCall(token.batchBurn, (from, amts)));
        assertEq(token.totalSupply(), 150 - 15);
        address aliceNew = makeAddr("alice-new");
        vm.prank(agent);
        registry.linkWallet(aliceNew, ALICE);
        address[] memory lost = new address[](1);
        lost[0] = alice;
        address[] memory next = new address[](1);
        next[0] = aliceNew;
        _enforce(address(token), abi.encodeCall(token.batchRecoverWallet, (lost, next)));
        assertEq(token.balanceOf(aliceNew), 80);
    }

    /// Who can act on a token, for the issuer's view: the desk and its agents.
    function test_agentsView() public {
        address[] memory a = desk.agents();
        assertEq(a.length, 2);
        assertEq(a[0], agent);
        assertEq(a[1], agent2);
        assertTrue(desk.isAgent(agent2));
        assertFalse(desk.isAgent(registrar));
        assertTrue(token.hasRole(token.FREEZER_ROLE(), agent2));
        assertFalse(token.hasRole(token.FREEZER_ROLE(), registrar));
        bytes32 role = desk.AGENT_ROLE();
        vm.prank(admin);
        desk.revokeRole(role, agent2);
        assertFalse(token.hasRole(token.PAUSER_ROLE(), agent2));
        vm.prank(agent2);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskNotAgent.selector, agent2));
        desk.propose(address(token), _ft(alice, bob, 1));
    }
}
