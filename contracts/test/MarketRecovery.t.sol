// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MarketBase} from "./utils/MarketBase.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import "../src/interfaces/IMarket.sol";

/// Issue 13 item 7: after a wallet recovery the lost wallet's open orders are cancelled and every escrow goes to the
/// wallet the token recovered it to — by anyone, in as many transactions as needed — and never back to the lost key.
contract MarketRecoveryTest is MarketBase {
    event OrderCancelled(uint256 indexed orderId, uint256 remaining, address indexed canceller, uint8 reason);

    function setUp() public override {
        super.setUp();
        // alice2 (alice's second wallet, same investor) starts with no payment tokens, so every refund is visible.
        assertEq(hkd.balanceOf(alice2), 0);
    }

    function _recover(address lost, address next) internal {
        _enforce(address(token), abi.encodeCall(ArtworkShareToken.recoverWallet, (lost, next)));
    }

    function _ids(uint256 a, uint256 b) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](2);
        (ids[0], ids[1]) = (a, b);
    }

    /// The token records the successor; a stranger cancels the lost wallet's bid and ask, the bid's escrow lands in
    /// the recovered wallet, nothing in the lost one or the caller's.
    function test_cancelRecovered_anyoneCancels_escrowToRecoveredWallet() public {
        uint256 bid = _bid(alice, 10, PRICE);
        uint256 ask = _ask(alice, 5, PRICE * 2);
        uint256 aliceHkd = hkd.balanceOf(alice);
        uint256 marketHkd = hkd.balanceOf(address(market));
        assertEq(token.recoveredTo(alice), address(0));
        _recover(alice, alice2);
        assertEq(token.recoveredTo(alice), alice2);
        assertEq(market.refundWalletOf(bid), alice2);

        vm.expectEmit(address(market));
        emit OrderCancelled(bid, 10, stranger, FILL_WALLET_RECOVERED);
        vm.expectEmit(address(market));
        emit OrderCancelled(ask, 5, stranger, FILL_WALLET_RECOVERED);
        vm.prank(stranger);
        assertEq(market.cancelRecovered(_ids(bid, ask)), 2);

        assertEq(hkd.balanceOf(alice2), 10 * PRICE);
        assertEq(hkd.balanceOf(alice), aliceHkd);
        assertEq(hkd.balanceOf(stranger), 0);
        assertEq(hkd.balanceOf(address(market)), marketHkd - 10 * PRICE);
        assertEq(market.openOrderCount(address(token)), 0);
        assertEq(market.openAskShares(address(token), alice), 0);
        assertEq(market.order(bid).cancelled, 10);
    }

    /// Whoever holds the lost key cannot take the escrow back: its own cancel refunds the recovered wallet.
    function test_lostKeyCancelsOwnBid_escrowStillGoesToRecoveredWallet() public {
        uint256 bid = _bid(alice, 7, PRICE);
        uint256 aliceHkd = hkd.balanceOf(alice);
        _recover(alice, alice2);
        vm.prank(alice);
        market.cancel(bid);
        assertEq(hkd.balanceOf(alice), aliceHkd);
        assertEq(hkd.balanceOf(alice2), 7 * PRICE);
    }

    /// An expired bid of the lost wallet cleaned by a stranger, or cleaned by a crossing placement, refunds the
    /// recovered wallet too.
    function test_expiredOrCleanedBid_refundsRecoveredWallet() public {
        uint256 expiring = _bid(alice, 3, PRICE);
        uint256 crossed = _bid(alice, 4, PRICE * 3);
        _recover(alice, alice2);
        // A crossing ask cleans the lost wallet's bid (its maker can no longer receive) instead of trading with it.
        _ask(bob, 4, PRICE * 3);
        assertEq(market.order(crossed).remaining, 0);
        assertEq(hkd.balanceOf(alice2), 4 * PRICE * 3);
        vm.warp(block.timestamp + 31 days);
        vm.prank(stranger);
        market.cancel(expiring);
        assertEq(hkd.balanceOf(alice2), 4 * PRICE * 3 + 3 * PRICE);
    }

    /// Orders of wallets never recovered cannot be touched; closed ones are skipped, so overlapping batches and
    /// several transactions work.
    function test_cancelRecovered_refusesOthers_skipsClosed_severalCalls() public {
        uint256[] memory bids = new uint256[](5);
        for (uint256 i; i < 5; ++i) {
            bids[i] = _bid(alice, i + 1, PRICE);
        }
        uint256 bobBid = _bid(bob, 1, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketMakerNotRecovered.selector, bids[0], alice));
        market.cancelRecovered(_ids(bids[0], bids[1]));
        _recover(alice, alice2);
        vm.expectRevert(abi.encodeWithSelector(IMarket.MarketMakerNotRecovered.selector, bobBid, bob));
        market.cancelRecovered(_ids(bids[0], bobBid));

        assertEq(market.cancelRecovered(_ids(bids[0], bids[1])), 2);
        assertEq(hkd.balanceOf(alice2), 3 * PRICE);
        assertEq(market.cancelRecovered(bids), 3);
        assertEq(hkd.balanceOf(alice2), 15 * PRICE);
        assertEq(market.cancelRecovered(bids), 0);
        assertEq(market.openOrderCount(address(token)), 1);
    }

    /// A second recovery (alice → alice2 → alice3): the first wallet's escrow follows to the last one.
    function test_chainedRecovery_refundsLastWallet() public {
        address alice3 = makeAddr("alice3");
        vm.prank(agent);
        registry.linkWallet(alice3, ALICE);
        uint256 bid = _bid(alice, 2, PRICE);
        _recover(alice, alice2);
        _recover(alice2, alice3);
        assertEq(market.refundWalletOf(bid), alice3);
        market.cancelRecovered(_ids(bid, bid));
        assertEq(hkd.balanceOf(alice3), 2 * PRICE);
        assertEq(hkd.balanceOf(alice2), 0);
    }

    /// Fuzz: whatever the orders and the caller, every escrow of the lost wallet reaches the recovered wallet and
    /// only it; the caller and the lost wallet gain nothing.
    function testFuzz_cancelRecovered_escrowOnlyToRecoveredWallet(
        uint8 count,
        uint64 sharesSeed,
        uint32 priceSeed,
        address caller,
        uint8 chunk
    ) public {
        count = uint8(bound(count, 1, 12));
        chunk = uint8(bound(chunk, 1, count));
        vm.assume(caller != alice2 && caller != address(market) && caller != alice);
        uint256[] memory ids = new uint256[](count);
        uint256 escrow;
        for (uint256 i; i < count; ++i) {
            uint256 shares = bound(uint256(keccak256(abi.encode(sharesSeed, i))), 1, 50);
            uint256 price = bound(uint256(keccak256(abi.encode(priceSeed, i))), 1, 1000) * 1e4;
            if (i % 3 == 2) {
                ids[i] = _ask(alice, shares, price + PRICE * 20);
            } else {
                ids[i] = _bid(alice, shares, price);
                escrow += shares * price;
            }
        }
        uint256 aliceHkd = hkd.balanceOf(alice);
        uint256 callerHkd = hkd.balanceOf(caller);
        _recover(alice, alice2);
        for (uint256 at; at < count; at += chunk) {
            uint256 k = at + chunk > count ? count - at : chunk;
            uint256[] memory part = new uint256[](k);
            for (uint256 j; j < k; ++j) {
                part[j] = ids[at + j];
            }
            vm.prank(caller);
            market.cancelRecovered(part);
        }
        assertEq(hkd.balanceOf(alice2), escrow);
        assertEq(hkd.balanceOf(alice), aliceHkd);
        assertEq(hkd.balanceOf(caller), callerHkd);
        assertEq(hkd.balanceOf(address(market)), 0);
        assertEq(market.openOrderCount(address(token)), 0);
    }
}
