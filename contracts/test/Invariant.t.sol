// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Base} from "./utils/Base.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {IdentityRegistry} from "../src/IdentityRegistry.sol";
import {PrimaryOffering} from "../src/PrimaryOffering.sol";
import {HKDStablecoin} from "../src/HKDStablecoin.sol";
import {IPrimaryOffering} from "../src/interfaces/IPrimaryOffering.sol";

/// Drives the token, registry and offering with random compliant and non-compliant actions.
contract Handler is Test {
    ArtworkShareToken internal token;
    IdentityRegistry internal registry;
    PrimaryOffering internal offering;
    HKDStablecoin internal hkd;
    address internal issuer;
    address internal agent;
    uint256 internal offeringId;

    address[] public actors;
    bytes32[] public investorIds;
    mapping(address => bytes32) internal homeInvestor;

    /// Set when a wallet that was not verified gained shares other than by a forced transfer.
    bool public unverifiedGain;
    uint256 public forcedTransfers;

    constructor(
        ArtworkShareToken token_,
        IdentityRegistry registry_,
        PrimaryOffering offering_,
        HKDStablecoin hkd_,
        address issuer_,
        address agent_,
        uint256 offeringId_,
        address[] memory actors_,
        bytes32[] memory ids_
    ) {
        (token, registry, offering, hkd, issuer, agent, offeringId) =
            (token_, registry_, offering_, hkd_, issuer_, agent_, offeringId_);
        actors = actors_;
        investorIds = ids_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function investorCount() external view returns (uint256) {
        return investorIds.length;
    }

    function _actor(uint256 i) internal view returns (address) {
        return actors[i % actors.length];
    }

    /// Records the verification of every actor, runs `call`, then flags any unverified wallet that gained.
    function _watch(bool forced) internal view returns (bool[] memory verified, uint256[] memory before) {
        forced;
        verified = new bool[](actors.length);
        before = new uint256[](actors.length);
        for (uint256 i; i < actors.length; ++i) {
            verified[i] = registry.isVerified(actors[i]);
            before[i] = token.balanceOf(actors[i]);
        }
    }

    function _check(bool[] memory verified, uint256[] memory before) internal {
        for (uint256 i; i < actors.length; ++i) {
            if (!verified[i] && token.balanceOf(actors[i]) > before[i]) unverifiedGain = true;
        }
    }

    function transfer(uint256 from, uint256 to, uint256 amount) external {
        address f = _actor(from);
        address t = _actor(to);
        amount = bound(amount, 0, token.balanceOf(f) + 1);
        (bool[] memory v, uint256[] memory b) = _watch(false);
        vm.prank(f);
        try token.transfer(t, amount) {} catch {}
        _check(v, b);
    }

    function mint(uint256 to, uint256 amount) external {
        amount = bound(amount, 0, 1000);
        (bool[] memory v, uint256[] memory b) = _watch(false);
        vm.prank(issuer);
        try token.mint(_actor(to), amount) {} catch {}
        _check(v, b);
    }

    function buy(uint256 who, uint256 shares) external {
        address buyer = _actor(who);
        shares = bound(shares, 1, 50);
        vm.prank(buyer);
        hkd.approve(address(offering), type(uint256).max);
        (bool[] memory v, uint256[] memory b) = _watch(false);
        vm.prank(buyer);
        try offering.buy(offeringId, shares) {} catch {}
        _check(v, b);
    }

    function withdraw() external {
        vm.prank(issuer);
        try offering.withdrawProceeds(offeringId) {} catch {}
    }

    function forcedTransfer(uint256 from, uint256 to, uint256 amount) external {
        address f = _actor(from);
        amount = bound(amount, 0, token.balanceOf(f));
        vm.prank(agent);
        try token.forcedTransfer(f, _actor(to), amount) {
            ++forcedTransfers;
        } catch {}
    }

    function burn(uint256 from, uint256 amount) external {
        address f = _actor(from);
        amount = bound(amount, 0, token.balanceOf(f));
        vm.prank(agent);
        token.burn(f, amount);
    }

    function freezePartial(uint256 who, uint256 amount) external {
        address w = _actor(who);
        uint256 room = token.balanceOf(w) - token.frozenShares(w);
        amount = bound(amount, 0, room);
        vm.prank(agent);
        token.freezePartialShares(w, amount);
    }

    function unfreezePartial(uint256 who, uint256 amount) external {
        address w = _actor(who);
        amount = bound(amount, 0, token.frozenShares(w));
        vm.prank(agent);
        token.unfreezePartialShares(w, amount);
    }

    function setFrozen(uint256 who, bool frozen) external {
        vm.prank(agent);
        token.setWalletFrozen(_actor(who), frozen);
    }

    function togglePause() external {
        vm.prank(agent);
        if (token.paused()) token.unpause();
        else token.pause();
    }

    function expireKyc(uint256 idIndex, bool expire) external {
        bytes32 id = investorIds[idIndex % investorIds.length];
        (uint16 country, uint8 category,,) = registry.investor(id);
        if (category == 0) return;
        vm.prank(agent);
        registry.updateInvestor(id, country, category, expire ? uint64(block.timestamp) : uint64(block.timestamp + 365 days));
    }

    /// Moves a wallet to another investor in the registry (possibly while it holds shares).
    function relink(uint256 who, uint256 idIndex) external {
        address w = _actor(who);
        bytes32 id = investorIds[idIndex % investorIds.length];
        vm.startPrank(agent);
        if (registry.investorOf(w) != bytes32(0)) registry.unlinkWallet(w);
        registry.linkWallet(w, id);
        vm.stopPrank();
    }

    function unlink(uint256 who) external {
        address w = _actor(who);
        if (registry.investorOf(w) == bytes32(0)) return;
        vm.prank(agent);
        registry.unlinkWallet(w);
    }

    function recover(uint256 lost, uint256 next) external {
        vm.prank(agent);
        try token.recoverWallet(_actor(lost), _actor(next)) {} catch {}
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 0, 20 days));
    }
}

contract InvariantTest is StdInvariant, Base {
    Handler internal handler;
    uint256 internal offeringId;
    uint256 internal constant PRICE = 3e6;

    function setUp() public override {
        super.setUp();
        _setRules(_rules(4, 5000, 7 days));
        address unverified = makeAddr("unverified");
        address[] memory actors = new address[](7);
        (actors[0], actors[1], actors[2], actors[3], actors[4], actors[5], actors[6]) =
            (alice, alice2, bob, carol, dave, stranger, unverified);
        bytes32[] memory ids = new bytes32[](4);
        (ids[0], ids[1], ids[2], ids[3]) = (ALICE, BOB, CAROL, DAVE);
        IPrimaryOffering.Terms memory t = _terms(PRICE, 2000, 1, 500);
        t.end = uint64(block.timestamp + 3650 days);
        offeringId = _createOffering(t);
        for (uint256 i; i < actors.length; ++i) {
            vm.prank(admin);
            hkd.mint(actors[i], 1e15);
        }
        handler = new Handler(token, registry, offering, hkd, issuer, agent, offeringId, actors, ids);
        targetContract(address(handler));
    }

    function invariant_sumOfBalancesEqualsTotalSupply() public view {
        uint256 sum;
        for (uint256 i; i < handler.actorCount(); ++i) sum += token.balanceOf(handler.actors(i));
        assertEq(sum, token.totalSupply());
        uint256 investorSum;
        for (uint256 i; i < handler.investorCount(); ++i) investorSum += token.investorBalanceOf(handler.investorIds(i));
        assertEq(investorSum, token.totalSupply());
    }

    function invariant_frozenNeverExceedsBalance() public view {
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            assertLe(token.frozenShares(a), token.balanceOf(a));
            (,, uint256 locked,) = token.walletState(a);
            assertLe(locked, token.balanceOf(a));
        }
    }

    function invariant_noUnverifiedGainExceptForced() public view {
        assertFalse(handler.unverifiedGain());
    }

    function invariant_holderCountIsInvestorsWithBalance() public view {
        uint256 n;
        for (uint256 i; i < handler.investorCount(); ++i) {
            if (token.investorBalanceOf(handler.investorIds(i)) > 0) ++n;
        }
        assertEq(token.holderCount(), n);
        uint256 wallets;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            if (token.balanceOf(a) > 0) {
                ++wallets;
                assertTrue(token.holderInvestorOf(a) != bytes32(0));
            } else {
                assertEq(token.holderInvestorOf(a), bytes32(0));
            }
        }
        assertEq(token.holderWalletCount(), wallets);
        assertLe(token.holderCount(), 4); // maxHolders; forced transfers obey receiver rules too
    }

    function invariant_offeringAccounting() public view {
        IPrimaryOffering.OfferingInfo memory info = offering.offering(offeringId);
        assertEq(info.sold * PRICE, info.proceeds);
        assertLe(info.sold, info.terms.supplyCap);
        assertEq(hkd.balanceOf(address(offering)) + info.withdrawn, info.proceeds);
        assertEq(hkd.balanceOf(treasury), info.withdrawn);
        uint256 purchased;
        for (uint256 i; i < handler.investorCount(); ++i) purchased += offering.purchasedBy(offeringId, handler.investorIds(i));
        assertEq(purchased, info.sold);
    }
}
