// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {DistributorBase} from "./utils/DistributorBase.sol";
import {Distributor} from "../src/Distributor.sol";
import {HKDStablecoin} from "../src/HKDStablecoin.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {IDistributor} from "../src/interfaces/IDistributor.sol";

/// Drives a distributor with random claims (right and wrong amounts, any caller), freezes, holds, time and closes.
contract DistributorHandler is Test {
    Distributor internal d;
    HKDStablecoin internal hkd;
    ArtworkShareToken internal token;
    address internal issuer;
    address internal agent;
    address[] internal holders;
    uint256[][] internal amounts; // per distribution, per index
    bytes32[][][] internal proofs;
    uint256[] internal ids;

    /// Ghosts: HKD the distributor paid out by claims, per distribution; how often each (id, index) was paid.
    mapping(uint256 => uint256) public paid;
    mapping(uint256 => mapping(uint256 => uint256)) public timesPaid;
    uint256 public totalPaid;
    uint256 public totalReturned;

    constructor(
        Distributor d_,
        HKDStablecoin hkd_,
        ArtworkShareToken token_,
        address issuer_,
        address agent_,
        address[] memory holders_
    ) {
        (d, hkd, token, issuer, agent, holders) = (d_, hkd_, token_, issuer_, agent_, holders_);
    }

    function addDistribution(uint256 id, uint256[] memory amounts_, bytes32[][] memory proofs_) external {
        ids.push(id);
        amounts.push(amounts_);
        proofs.push(proofs_);
    }

    function distributionIds() external view returns (uint256[] memory) {
        return ids;
    }

    function claim(uint256 which, uint256 index, uint256 callerSeed, bool wrongAmount) external {
        which = bound(which, 0, ids.length - 1);
        index = bound(index, 0, holders.length - 1);
        address caller = holders[bound(callerSeed, 0, holders.length - 1)];
        uint256 amount = amounts[which][index] + (wrongAmount ? 1 : 0);
        uint256 before = hkd.balanceOf(caller);
        vm.prank(caller);
        try d.claim(ids[which], index, holders[index], amount, proofs[which][index]) {
            uint256 got = hkd.balanceOf(caller) - before;
            paid[ids[which]] += got;
            totalPaid += got;
            timesPaid[ids[which]][index] += 1;
        } catch {}
    }

    function freeze(uint256 who, bool frozen) external {
        vm.prank(agent);
        token.setWalletFrozen(holders[bound(who, 0, holders.length - 1)], frozen);
    }

    function hold(uint256 which, bool held) external {
        which = bound(which, 0, ids.length - 1);
        vm.prank(agent);
        try d.hold(ids[which], held, "invariant run") {} catch {}
    }

    function warp(uint256 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 10 days));
    }

    function close(uint256 which) external {
        which = bound(which, 0, ids.length - 1);
        uint256 before = hkd.balanceOf(issuer);
        vm.prank(issuer);
        try d.close(ids[which]) returns (uint256 returned) {
            assertEq(hkd.balanceOf(issuer) - before, returned);
            totalReturned += returned;
        } catch {}
    }
}

/// Invariants: claimed ≤ deposited for every distribution (and equals what holders received); no entitlement is paid
/// twice; the distributor holds exactly the deposits less what was claimed and returned; a closed distribution's
/// remainder is zero.
contract DistributorInvariantTest is DistributorBase {
    DistributorHandler internal handler;
    uint256 internal deposits;

    function setUp() public override {
        super.setUp();
        _mint(alice, 1000);
        _mint(bob, 600);
        _mint(carol, 401);
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, carol);
        uint256[] memory balances = new uint256[](3);
        (balances[0], balances[1], balances[2]) = (1000, 600, 401);
        handler = new DistributorHandler(distributor, hkd, token, issuer, agent, holders);
        // Freezing needs the handler to act as the agent: it pranks `agent`, which holds the role already.
        for (uint256 k; k < 3; ++k) {
            uint256 amount = (k + 1) * 333_333e6 + k;
            (Entitlement[] memory e,) = _entitlements(holders, balances, amount);
            if (k == 2) e[2].amount += 1_000e6; // an over-full tree: it must never pay beyond its own deposit
            uint256 id = _create(e, amount);
            deposits += amount;
            uint256[] memory amounts = new uint256[](3);
            bytes32[][] memory proofs = new bytes32[][](3);
            for (uint256 i; i < 3; ++i) {
                amounts[i] = e[i].amount;
                proofs[i] = _proof(e, i);
            }
            handler.addDistribution(id, amounts, proofs);
        }
        targetContract(address(handler));
        // Only the actions: the handler's set-up function is not part of the game.
        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = DistributorHandler.claim.selector;
        selectors[1] = DistributorHandler.freeze.selector;
        selectors[2] = DistributorHandler.hold.selector;
        selectors[3] = DistributorHandler.warp.selector;
        selectors[4] = DistributorHandler.close.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    function invariant_claimedNeverExceedsDeposit_andMatchesPayments() public view {
        uint256[] memory ids = handler.distributionIds();
        for (uint256 i; i < ids.length; ++i) {
            IDistributor.Distribution memory d = distributor.distribution(ids[i]);
            assertLe(d.claimed, d.amount);
            assertEq(d.claimed, handler.paid(ids[i]));
        }
    }

    function invariant_noEntitlementPaidTwice() public view {
        uint256[] memory ids = handler.distributionIds();
        for (uint256 i; i < ids.length; ++i) {
            for (uint256 j; j < 3; ++j) {
                assertLe(handler.timesPaid(ids[i], j), 1);
            }
        }
    }

    function invariant_balanceIsDepositsLessClaimedAndReturned() public view {
        assertEq(hkd.balanceOf(address(distributor)), deposits - handler.totalPaid() - handler.totalReturned());
    }
}
