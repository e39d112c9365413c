// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {IArtworkShareToken} from "../src/interfaces/IArtworkShareToken.sol";
import {IPrimaryOffering} from "../src/interfaces/IPrimaryOffering.sol";
import "../src/interfaces/IArtworkShareToken.sol";

contract FuzzTest is Base {
    function _receiver(uint256 i) internal view returns (address) {
        address[6] memory rs = [bob, carol, dave, stranger, alice2, alice];
        return rs[i % 6];
    }

    /// canTransfer and the _update hook agree: code 0 ⇒ the transfer succeeds, any other code ⇒ it reverts with it.
    function testFuzz_canTransferAgreesWithTransfer(
        uint256 amount,
        uint256 frozenAmount,
        uint8 flags,
        uint32 maxHolders,
        uint256 maxBalance,
        uint256 receiverIndex,
        uint8 categories
    ) public {
        _setRules(_rules(0, 0, 10 days));
        _mint(alice, 500);
        _mint(bob, 300);
        if (flags & 8 != 0) vm.warp(block.timestamp + 10 days); // lock-up over
        IArtworkShareToken.Rules memory r = _rules(uint32(bound(maxHolders, 0, 4)), bound(maxBalance, 0, 2000), 10 days);
        r.eligibleCategories = uint8(bound(categories, 1, 7)) << 1;
        if (flags & 32 != 0) r.allowedCountries = new uint16[](0);
        _setRules(r);
        address to = _receiver(receiverIndex);
        vm.startPrank(agent);
        token.freezePartialShares(alice, bound(frozenAmount, 0, 500));
        if (flags & 1 != 0) token.pause();
        if (flags & 2 != 0) token.setWalletFrozen(alice, true);
        if (flags & 4 != 0) token.setWalletFrozen(to, true);
        vm.stopPrank();
        if (flags & 16 != 0) {
            vm.prank(agent);
            registry.updateInvestor(CAROL, SG, PROFESSIONAL, uint64(block.timestamp));
        }
        amount = bound(amount, 0, 800);

        uint8 code = token.canTransfer(alice, to, amount);
        uint256 supply = token.totalSupply();
        vm.prank(alice);
        if (code == TRANSFER_OK) {
            token.transfer(to, amount);
        } else {
            vm.expectRevert(_refused(code));
            token.transfer(to, amount);
        }
        assertEq(token.totalSupply(), supply);

        // the same for a mint (from = 0)
        uint256 mintAmount = amount / 2;
        code = token.canTransfer(address(0), to, mintAmount);
        vm.prank(address(offering));
        if (code == TRANSFER_OK) {
            token.mint(to, mintAmount);
        } else {
            vm.expectRevert(_refused(code));
            token.mint(to, mintAmount);
        }
    }

    function testFuzz_maxBalancePerInvestorAcrossWallets(uint256 maxBalance, uint256 a, uint256 b) public {
        maxBalance = bound(maxBalance, 1, 1e24);
        a = bound(a, 0, maxBalance);
        b = bound(b, 0, 2e24);
        _setRules(_rules(0, maxBalance, 0));
        _mint(alice, a);
        vm.prank(address(offering));
        if (a + b > maxBalance && b > 0) {
            vm.expectRevert(_refused(TRANSFER_MAX_BALANCE_EXCEEDED));
            token.mint(alice2, b);
        } else {
            token.mint(alice2, b);
            assertEq(token.investorBalanceOf(ALICE), a + b);
        }
    }

    function testFuzz_partialFreezeLimitsTransfers(uint256 balance, uint256 frozen, uint256 amount) public {
        balance = bound(balance, 1, type(uint96).max);
        frozen = bound(frozen, 0, balance);
        amount = bound(amount, 0, balance);
        _mint(alice, balance);
        vm.prank(agent);
        token.freezePartialShares(alice, frozen);
        vm.prank(alice);
        if (amount > balance - frozen) {
            vm.expectRevert(_refused(TRANSFER_INSUFFICIENT_UNFROZEN_BALANCE));
            token.transfer(bob, amount);
        } else {
            token.transfer(bob, amount);
            assertGe(token.balanceOf(alice), token.frozenShares(alice));
        }
    }

    function testFuzz_lockupReleasesExactlyAtEnd(uint64 lockup, uint64 elapsed) public {
        lockup = uint64(bound(lockup, 1, 5 * 365 days));
        elapsed = uint64(bound(elapsed, 0, 10 * 365 days));
        _setRules(_rules(0, 0, lockup));
        _mint(alice, 10);
        vm.warp(block.timestamp + elapsed);
        uint8 expected = elapsed >= lockup ? TRANSFER_OK : TRANSFER_SHARES_LOCKED;
        if (block.timestamp >= kycExpiry) expected = TRANSFER_SENDER_NOT_VERIFIED; // both expire together
        assertEq(token.canTransfer(alice, bob, 1), expected);
    }

    function testFuzz_buy_soldTimesPriceEqualsProceeds(uint256 price, uint256 cap, uint256 s1, uint256 s2) public {
        price = bound(price, 1, 1e12);
        cap = bound(cap, 1, 1e6);
        s1 = bound(s1, 1, cap);
        s2 = bound(s2, 0, cap);
        uint256 id = _createOffering(_terms(price, cap, 1, cap));
        _fund(alice, price * cap);
        _fund(bob, price * cap);
        vm.prank(alice);
        offering.buy(id, s1);
        (uint8 code,) = offering.canBuy(id, bob, s2);
        vm.prank(bob);
        if (code == 0) {
            offering.buy(id, s2);
        } else {
            vm.expectRevert(abi.encodeWithSelector(IPrimaryOffering.OfferingPurchaseRefused.selector, id, code));
            offering.buy(id, s2);
        }
        IPrimaryOffering.OfferingInfo memory info = offering.offering(id);
        assertEq(info.sold * price, info.proceeds);
        assertLe(info.sold, cap);
        assertEq(hkd.balanceOf(address(offering)), info.proceeds);
        assertEq(token.totalSupply(), info.sold);
    }
}
