// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SaleBase} from "./utils/SaleBase.sol";
import {ArtworkSale, ISaleFactorySource} from "../src/ArtworkSale.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {TokenMigrator} from "../src/TokenMigrator.sol";
import {IArtworkSale} from "../src/interfaces/IArtworkSale.sol";
import {IArtworkShareToken} from "../src/interfaces/IArtworkShareToken.sol";

contract ArtworkSaleTest is SaleBase {
    uint8 internal constant TRADING_ENDED = 15;

    // ------------------------------------------------------------ opening

    function test_open_depositsThePriceAndStoresDefaults() public {
        uint256 before = hkd.balanceOf(issuer);
        uint256 id = _open();
        assertEq(id, 1);
        assertEq(hkd.balanceOf(address(sale)), PRICE);
        assertEq(hkd.balanceOf(issuer), before - PRICE);
        IArtworkSale.Sale memory s = sale.sale(id);
        assertEq(uint8(s.status), uint8(IArtworkSale.Status.Voting));
        assertEq(s.quorumBps, 5000);
        assertEq(s.approvalBps, 5000);
        assertEq(s.supply, 1000);
        assertEq(s.price, PRICE);
        assertEq(sale.saleOf(address(token)), id);
        assertEq(sale.saleCount(), 1);
    }

    function test_open_refusals() public {
        IArtworkSale.Terms memory t = _saleTerms(PRICE, 1000);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleNotIssuer.selector, address(token), stranger));
        sale.openSale(address(token), t, "");

        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleUnknownToken.selector, address(hkd)));
        sale.openSale(address(hkd), t, "");

        // Price not in whole cents, quorum below the floor, approval at 100 %, supply above the maximum.
        t.price = PRICE + 1;
        _expectInvalid(t);
        t = _saleTerms(PRICE, 1000);
        t.quorumBps = 2499;
        _expectInvalid(t);
        t = _saleTerms(PRICE, 1000);
        t.approvalBps = 10_000;
        _expectInvalid(t);
        t = _saleTerms(PRICE, 0);
        _expectInvalid(t);

        t = _saleTerms(PRICE, 1000);
        t.recordBlock = block.number;
        vm.prank(issuer);
        vm.expectRevert(
            abi.encodeWithSelector(IArtworkSale.SaleRecordBlockNotPast.selector, block.number, block.number)
        );
        sale.openSale(address(token), t, "");

        t = _saleTerms(PRICE, 1000);
        t.votingEnds = block.timestamp + 7 days - 1;
        vm.prank(issuer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IArtworkSale.SaleVotingPeriod.selector,
                t.votingEnds,
                block.timestamp + 7 days,
                block.timestamp + 90 days
            )
        );
        sale.openSale(address(token), t, "");
    }

    function _expectInvalid(IArtworkSale.Terms memory t) internal {
        vm.prank(issuer);
        vm.expectRevert(IArtworkSale.SaleInvalid.selector);
        sale.openSale(address(token), t, "");
    }

    function test_open_oneOpenSalePerToken_andNoneAfterApproval() public {
        uint256 id = _open();
        IArtworkSale.Terms memory t = _saleTerms(PRICE, 1000);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleExists.selector, address(token), id));
        sale.openSale(address(token), t, "");
        // Rejected (nobody voted): a new vote may open.
        vm.warp(block.timestamp + 7 days);
        assertFalse(sale.finalize(id));
        uint256 id2 = _open();
        _vote(id2, 0, true);
        vm.warp(block.timestamp + 7 days);
        assertTrue(sale.finalize(id2));
        t = _saleTerms(PRICE, 1000);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleExists.selector, address(token), id2));
        sale.openSale(address(token), t, "");
    }

    /// A token of an implementation that does not name this sale contract cannot be put to a vote.
    function test_open_refusesATokenThatDoesNotNameThisSale() public {
        ArtworkSale other = new ArtworkSale(hkd, registry, ISaleFactorySource(address(migrator)));
        vm.prank(admin);
        hkd.mint(issuer, PRICE);
        vm.prank(issuer);
        hkd.approve(address(other), PRICE);
        IArtworkSale.Terms memory t = _saleTerms(PRICE, 1000);
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleUnknownToken.selector, address(token)));
        other.openSale(address(token), t, "");
    }

    // ------------------------------------------------------------ voting

    function test_vote_tallyAndChangeOfVote() public {
        uint256 id = _open();
        _vote(id, 0, true);
        _vote(id, 1, false);
        IArtworkSale.Sale memory s = sale.sale(id);
        assertEq(s.forVotes, 600);
        assertEq(s.againstVotes, 300);
        assertEq(sale.voteOf(id, 0), 1);
        assertEq(sale.voteOf(id, 1), 2);
        assertEq(sale.voteOf(id, 2), 0);
        // Alice changes her mind: her weight moves, it is not added twice.
        _vote(id, 0, false);
        s = sale.sale(id);
        assertEq(s.forVotes, 0);
        assertEq(s.againstVotes, 900);
        // The same vote again changes nothing.
        _vote(id, 0, false);
        s = sale.sale(id);
        assertEq(s.againstVotes, 900);
        (bool quorum, bool approval) = sale.outcome(id);
        assertTrue(quorum);
        assertFalse(approval);
    }

    function test_vote_codes_notHolder_notVoter_closed() public {
        uint256 id = _open();
        bytes32[] memory proof = _proof(0);
        // A weight that is not alice's (bad proof) / a stranger's wallet.
        assertEq(sale.voteCode(id, 0, alice, alice, 601, proof), sale.SALE_NOT_HOLDER());
        assertEq(sale.voteCode(id, 0, stranger, stranger, 600, proof), sale.SALE_NOT_HOLDER());
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.VoteRefused.selector, id, alice, 65));
        sale.vote(id, 0, alice, 601, true, proof);
        // Bob cannot vote alice's leaf.
        assertEq(sale.voteCode(id, 0, alice, bob, 600, proof), sale.SALE_NOT_VOTER());
        assertEq(sale.voteCode(id, 0, alice, alice, 600, proof), 0);
        vm.warp(block.timestamp + 7 days);
        assertEq(sale.voteCode(id, 0, alice, alice, 600, proof), sale.SALE_VOTE_CLOSED());
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.VoteRefused.selector, id, alice, 64));
        sale.vote(id, 0, alice, 600, true, proof);
    }

    function test_vote_codes_tradingStopped_frozen_kycLapsed() public {
        uint256 id = _open();
        vm.prank(agent);
        token.pause();
        assertEq(sale.voteCode(id, 1, bob, bob, 300, _proof(1)), sale.SALE_TRADING_STOPPED());
        vm.prank(agent);
        token.unpause();
        vm.prank(admin);
        registry.stopPlatform();
        assertEq(sale.voteCode(id, 1, bob, bob, 300, _proof(1)), sale.SALE_TRADING_STOPPED());
        vm.prank(admin);
        registry.resumePlatform();

        vm.prank(agent);
        token.setWalletFrozen(bob, true);
        assertEq(sale.voteCode(id, 1, bob, bob, 300, _proof(1)), sale.SALE_FROZEN());
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.VoteRefused.selector, id, bob, 69));
        sale.vote(id, 1, bob, 300, true, _proof(1));

        _updateTwoAgents(CAROL, SG, PROFESSIONAL, uint64(block.timestamp + 1));
        vm.warp(block.timestamp + 2);
        assertEq(sale.voteCode(id, 2, carol, carol, 100, _proof(2)), sale.SALE_NOT_VERIFIED());
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.VoteRefused.selector, id, carol, 70));
        sale.vote(id, 2, carol, 100, true, _proof(2));
    }

    /// A wallet recovered after the record block: the wallet it was recovered to votes its weight; the lost one cannot.
    function test_vote_recoveredWalletVotesThroughItsNewWallet() public {
        uint256 id = _open();
        _enforce(address(token), abi.encodeCall(ArtworkShareToken.recoverWallet, (alice, alice2)));
        assertEq(sale.voteCode(id, 0, alice, alice, 600, _proof(0)), sale.SALE_WALLET_RECOVERED());
        vm.prank(alice2);
        sale.vote(id, 0, alice, 600, true, _proof(0));
        assertEq(sale.sale(id).forVotes, 600);
    }

    // ------------------------------------------------------------ finalising

    function test_finalize_tooEarly_andOnce() public {
        uint256 id = _open();
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleCannotFinalize.selector, id, 2));
        sale.finalize(id);
        vm.warp(block.timestamp + 7 days);
        sale.finalize(id);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleCannotFinalize.selector, id, 1));
        sale.finalize(id);
    }

    /// No quorum (carol alone: 10 %) or no majority: rejected, the deposit goes back, the token trades on.
    function test_rejected_changesNothing() public {
        uint256 id = _open();
        _vote(id, 2, true);
        vm.warp(block.timestamp + 7 days);
        uint256 before = hkd.balanceOf(issuer);
        vm.prank(stranger);
        assertFalse(sale.finalize(id));
        assertEq(hkd.balanceOf(issuer), before + PRICE);
        assertEq(hkd.balanceOf(address(sale)), 0);
        assertEq(uint8(sale.sale(id).status), uint8(IArtworkSale.Status.Rejected));
        vm.prank(alice);
        token.transfer(bob, 10);
        assertEq(token.balanceOf(bob), 310);
        (uint8 code,,) = sale.redeemCode(id, bob);
        assertEq(code, sale.SALE_NOT_APPROVED());

        // Half of the votes cast is not more than half: rejected as well.
        uint256 id2 = _open();
        _vote(id2, 1, true); // 300 for
        _vote(id2, 2, false); // 100 against
        _vote(id2, 0, false); // 600 against
        _vote(id2, 0, true); // alice changes: 900 for, 100 against
        vm.warp(block.timestamp + 7 days);
        assertTrue(sale.finalize(id2));
    }

    function test_exactlyHalf_isRejected() public {
        _wallets = [alice, bob];
        _weights = [uint256(500), 500];
        uint256 id = _open();
        _vote(id, 0, true);
        _vote(id, 1, false);
        vm.warp(block.timestamp + 7 days);
        assertFalse(sale.finalize(id));
    }

    /// Approved: trading ends for good — transfers, mints, forced transfers and agents' burns are refused; a recovery
    /// still moves a lost wallet's shares, and only redemption burns.
    function test_approved_stopsEveryMoveButRedemption() public {
        uint256 id = _approve();
        assertEq(uint8(sale.sale(id).status), uint8(IArtworkSale.Status.Approved));
        assertEq(sale.sale(id).supplyAtClose, 1000);
        assertEq(token.canTransfer(alice, bob, 1), TRADING_ENDED);

        vm.prank(alice);
        vm.expectRevert(_refused(TRADING_ENDED));
        token.transfer(bob, 1);

        vm.prank(alice);
        token.approve(bob, 10);
        vm.prank(bob);
        vm.expectRevert(_refused(TRADING_ENDED));
        token.transferFrom(alice, bob, 1);

        vm.prank(address(offering));
        vm.expectRevert(_refused(TRADING_ENDED));
        token.mint(bob, 1);

        bytes memory forced = abi.encodeCall(ArtworkShareToken.forcedTransfer, (alice, bob, 1));
        vm.prank(agent);
        uint256 p = desk.propose(address(token), forced);
        vm.prank(agent2);
        vm.expectRevert(_refused(TRADING_ENDED));
        desk.execute(p, address(token), forced);

        bytes memory burn = abi.encodeCall(ArtworkShareToken.burn, (alice, 1));
        vm.prank(agent);
        p = desk.propose(address(token), burn);
        vm.prank(agent2);
        vm.expectRevert(_refused(TRADING_ENDED));
        desk.execute(p, address(token), burn);

        // Nobody but the sale contract redeems.
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotSale.selector, issuer));
        token.redeem(alice);

        // Recovery still moves the shares (to the same investor), and the new wallet redeems them.
        _enforce(address(token), abi.encodeCall(ArtworkShareToken.recoverWallet, (alice, alice2)));
        assertEq(token.balanceOf(alice2), 600);
        vm.prank(alice2);
        assertEq(sale.redeem(id), 600_000e6);
        assertEq(token.totalSupply(), 400);

        // The migrator cannot retire a sold token for a successor.
        vm.prank(agent);
        token.pause();
        vm.prank(issuer);
        vm.expectRevert(abi.encodeWithSelector(TokenMigrator.MigratorCannotStart.selector, address(token), issuer));
        migrator.start(address(token));
    }

    function test_sale_cannotBurnBeforeApproval() public {
        _open();
        // Only through the sale contract, and it calls the token only when finalising an approved sale.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IArtworkShareToken.ShareNotSale.selector, alice));
        token.redeem(alice);
        assertEq(token.canTransfer(alice, bob, 1), 0);
    }

    /// A token retired for a successor during the vote is not sold: the vote is void, the deposit returns.
    function test_migratedDuringTheVote_isRejected() public {
        uint256 id = _open();
        _vote(id, 0, true);
        vm.prank(agent);
        token.pause();
        vm.prank(issuer);
        migrator.start(address(token));
        vm.warp(block.timestamp + 7 days);
        uint256 before = hkd.balanceOf(issuer);
        assertFalse(sale.finalize(id));
        assertEq(hkd.balanceOf(issuer), before + PRICE);
    }

    // ------------------------------------------------------------ redemption

    function test_redeem_paysProRata_burns_andSweepsOnlyDust() public {
        // A price that does not divide: 1,000,000.01 for 1,000 shares... 999 shares after carol is burned below.
        uint256 price = 1_000_000_01e4;
        uint256 id;
        {
            vm.prank(issuer);
            id = sale.openSale(address(token), _saleTerms(price, 1000), "");
        }
        _vote(id, 0, true);
        vm.warp(block.timestamp + 7 days);
        sale.finalize(id);
        uint256 before = hkd.balanceOf(bob);
        (uint8 code, uint256 shares, uint256 payout) = sale.redeemCode(id, bob);
        assertEq(code, 0);
        assertEq(shares, 300);
        assertEq(payout, price * 300 / 1000);
        vm.prank(bob);
        assertEq(sale.redeem(id), payout);
        assertEq(hkd.balanceOf(bob), before + payout);
        assertEq(token.balanceOf(bob), 0);
        assertEq(token.totalSupply(), 700);
        (code,,) = sale.redeemCode(id, bob);
        assertEq(code, sale.SALE_NOTHING_TO_REDEEM());
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.RedeemRefused.selector, id, bob, 72));
        sale.redeem(id);

        // The issuer takes only what outstanding shares cannot claim.
        uint256 reserve = price * 700 / 1000;
        assertEq(sale.sweepable(id), price - payout - reserve);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.SaleCannotSweep.selector, id, stranger));
        sale.sweepDust(id);
        vm.prank(issuer);
        sale.sweepDust(id);
        vm.prank(alice);
        sale.redeem(id);
        vm.prank(carol);
        sale.redeem(id);
        vm.prank(issuer);
        sale.sweepDust(id);
        assertEq(hkd.balanceOf(address(sale)), 0);
        assertEq(sale.sale(id).released, price);
        assertEq(token.totalSupply(), 0);
    }

    function test_redeem_codes() public {
        uint256 id = _open();
        (uint8 code,,) = sale.redeemCode(id, alice);
        assertEq(code, sale.SALE_NOT_APPROVED());
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.RedeemRefused.selector, id, alice, 71));
        sale.redeem(id);
        _vote(id, 0, true);
        vm.warp(block.timestamp + 7 days);
        sale.finalize(id);

        vm.prank(agent);
        token.pause();
        (code,,) = sale.redeemCode(id, alice);
        assertEq(code, sale.SALE_TRADING_STOPPED());
        vm.prank(agent);
        token.unpause();

        // Frozen (whole wallet or partly): refused, its money stays reserved.
        vm.prank(agent);
        token.setWalletFrozen(bob, true);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IArtworkSale.RedeemRefused.selector, id, bob, 69));
        sale.redeem(id);
        vm.prank(agent);
        token.freezePartialShares(alice, 1);
        (code,,) = sale.redeemCode(id, alice);
        assertEq(code, sale.SALE_FROZEN());

        _updateTwoAgents(CAROL, SG, PROFESSIONAL, uint64(block.timestamp + 1));
        vm.warp(block.timestamp + 2);
        (code,,) = sale.redeemCode(id, carol);
        assertEq(code, sale.SALE_NOT_VERIFIED());
        // Nothing of theirs can be swept: 1,000 shares outstanding reserve the whole price.
        assertEq(sale.sweepable(id), 0);
        // Renewed and unfrozen: they redeem.
        _updateTwoAgents(CAROL, SG, PROFESSIONAL, kycExpiry);
        vm.prank(carol);
        assertEq(sale.redeem(id), PRICE / 10);
        vm.prank(agent);
        token.setWalletFrozen(bob, false);
        vm.prank(bob);
        assertEq(sale.redeem(id), PRICE * 3 / 10);
    }

    /// Locked shares redeem too: the burn consumes the lock-up lots.
    function test_redeem_consumesLockedShares() public {
        token = _deploy(_rules(0, 0, 365 days));
        _mint(alice, 600);
        _mint(bob, 300);
        _mint(carol, 100);
        vm.roll(block.number + 1);
        uint256 id = _open();
        _vote(id, 0, true);
        vm.warp(block.timestamp + 7 days);
        sale.finalize(id);
        vm.prank(alice);
        assertEq(sale.redeem(id), PRICE * 6 / 10);
        (uint256[] memory amounts,) = token.lockLots(alice);
        assertEq(amounts.length, 0);
    }

    // ------------------------------------------------------------ fuzz

    /// Redemption pays exactly floor(price × shares ÷ supply at the close), and the sum never exceeds the price.
    function testFuzz_redemptionMaths(uint64 a, uint64 b, uint64 c, uint64 priceCents) public {
        a = uint64(bound(a, 1, 1e12));
        b = uint64(bound(b, 0, 1e12));
        c = uint64(bound(c, 0, 1e12));
        uint256 price = bound(priceCents, 1, 1e15) * 1e4;
        token = _deploy(_rules(0, 0, 0));
        _mint(alice, a);
        if (b != 0) _mint(bob, b);
        if (c != 0) _mint(carol, c);
        uint256 supply = uint256(a) + b + c;
        _wallets = [alice];
        _weights = [uint256(supply)];
        vm.roll(block.number + 1);
        vm.prank(admin);
        hkd.mint(issuer, price);
        vm.prank(issuer);
        uint256 id = sale.openSale(address(token), _saleTerms(price, supply), "");
        _vote(id, 0, true);
        vm.warp(block.timestamp + 7 days);
        sale.finalize(id);
        uint256 paid;
        address[3] memory who = [alice, bob, carol];
        uint256[3] memory held = [uint256(a), b, c];
        for (uint256 i; i < 3; ++i) {
            if (held[i] == 0) continue;
            uint256 before = hkd.balanceOf(who[i]);
            vm.prank(who[i]);
            uint256 p = sale.redeem(id);
            assertEq(p, price * held[i] / supply);
            assertEq(hkd.balanceOf(who[i]) - before, p);
            paid += p;
        }
        assertLe(paid, price);
        assertLt(price - paid, 3); // at most one unit of dust per holder
        vm.prank(issuer);
        assertEq(sale.sweepDust(id), price - paid);
        assertEq(hkd.balanceOf(address(sale)), 0);
    }

    /// Any sequence of votes and changes: the tally equals the weights of the leaves' last votes.
    function testFuzz_tally(uint8[12] memory steps) public {
        uint256 id = _open();
        uint8[3] memory last;
        for (uint256 i; i < steps.length; ++i) {
            uint256 leaf = steps[i] % 3;
            bool support = (steps[i] / 3) % 2 == 0;
            _vote(id, leaf, support);
            last[leaf] = support ? 1 : 2;
        }
        uint256 f;
        uint256 g;
        for (uint256 i; i < 3; ++i) {
            if (last[i] == 1) f += _weights[i];
            if (last[i] == 2) g += _weights[i];
            assertEq(sale.voteOf(id, i), last[i]);
        }
        IArtworkSale.Sale memory s = sale.sale(id);
        assertEq(s.forVotes, f);
        assertEq(s.againstVotes, g);
        assertLe(uint256(s.forVotes) + s.againstVotes, 1000);
    }
}
