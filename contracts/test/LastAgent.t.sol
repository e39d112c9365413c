// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {IEnforcementDesk} from "../src/interfaces/IEnforcementDesk.sol";

/// Issue 16 (admin console): revoking the last agent is refused — by the contracts, not only the portal. The registry
/// with no agent could register, update or link no investor; the desk with none could freeze or pause nothing.
contract LastAgentTest is Base {
    /// Granting a holder again or revoking a non-holder changes nothing: the count still stops at the last agent.
    function test_registry_regrantAndRepeatRevokeDoNotMiscount() public {
        bytes32 role = registry.AGENT_ROLE();
        vm.startPrank(admin);
        registry.grantRole(role, agent2); // granted again
        registry.revokeRole(role, agent2);
        registry.revokeRole(role, agent2); // revoked again: no refusal, no change
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryLastAgent.selector, agent));
        registry.revokeRole(role, agent);
        vm.stopPrank();
    }

    function test_registry_refusesRevokingTheLastAgent() public {
        bytes32 role = registry.AGENT_ROLE();
        vm.startPrank(admin);
        registry.revokeRole(role, agent2);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryLastAgent.selector, agent));
        registry.revokeRole(role, agent);
        vm.stopPrank();
        assertTrue(registry.hasRole(role, agent));
        // Nor may the last agent renounce.
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryLastAgent.selector, agent));
        registry.renounceRole(role, agent);
        // With a successor granted first, the old agent can go.
        vm.startPrank(admin);
        registry.grantRole(role, stranger);
        registry.revokeRole(role, agent);
        vm.stopPrank();
        assertTrue(registry.hasRole(role, stranger));
        assertFalse(registry.hasRole(role, agent));
    }

    function test_desk_refusesRevokingTheLastAgent() public {
        bytes32 role = desk.AGENT_ROLE();
        vm.startPrank(admin);
        desk.revokeRole(role, agent2);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskLastAgent.selector, agent));
        desk.revokeRole(role, agent);
        vm.stopPrank();
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IEnforcementDesk.DeskLastAgent.selector, agent));
        desk.renounceRole(role, agent);
        assertTrue(desk.isAgent(agent));
    }

    /// Fuzz: whatever order the admin grants and revokes agents in, a revoke is refused exactly when it would remove the
    /// last member, and the registry is never without an agent.
    function testFuzz_registry_neverWithoutAgent(uint8[16] calldata ops) public {
        address[4] memory pool = [agent, agent2, stranger, makeAddr("fourth")];
        bytes32 role = registry.AGENT_ROLE();
        vm.startPrank(admin);
        for (uint256 i; i < ops.length; ++i) {
            address who = pool[ops[i] % 4];
            if (ops[i] & 0x80 == 0) {
                registry.grantRole(role, who);
            } else if (_members(pool, role) == 1 && registry.hasRole(role, who)) {
                vm.expectRevert(abi.encodeWithSelector(IdentityRegistry.IdentityRegistryLastAgent.selector, who));
                registry.revokeRole(role, who);
            } else {
                registry.revokeRole(role, who);
            }
            assertGt(_members(pool, role), 0);
        }
        vm.stopPrank();
    }

    function _members(address[4] memory pool, bytes32 role) private view returns (uint256 members) {
        for (uint256 j; j < pool.length; ++j) {
            if (registry.hasRole(role, pool[j])) ++members;
        }
    }
}
