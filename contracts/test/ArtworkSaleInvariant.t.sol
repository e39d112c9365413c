// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {SaleBase} from "./utils/SaleBase.sol";
import {ArtworkSale} from "../src/ArtworkSale.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {EnforcementDesk} from "../src/EnforcementDesk.sol";
import {IArtworkSale} from "../src/interfaces/IArtworkSale.sol";

/// Drives one sale through votes (and changes), finalisation, and then every kind of move attempt — transfers, mints,
/// agents' forced transfers and burns, redemptions — and records what actually moved the token after approval.
contract SaleHandler is Test {
    ArtworkSale internal sale;
    ArtworkShareToken internal token;
    EnforcementDesk internal desk;
    address internal offering;
    address internal agent;
    address internal agent2;
    uint256 internal id;
    address[] internal wallets;
    uint256[] internal weights;
    bytes32[][] internal proofs;

    /// Supply decreases after approval that were not redemptions (must stay 0), and shares redeemed.
    uint256 public nonRedemptionMoves;
    uint256 public redeemedShares;
    uint256 public paid;

    constructor(
        ArtworkSale sale_,
        ArtworkShareToken token_,
        EnforcementDesk desk_,
        address offering_,
        address agent_,
        address agent2_,
        uint256 id_,
        address[] memory wallets_,
        uint256[] memory weights_,
        bytes32[][] memory proofs_
    ) {
        (sale, token, desk, offering, agent, agent2, id) = (sale_, token_, desk_, offering_, agent_, agent2_, id_);
        wallets = wallets_;
        weights = weights_;
        for (uint256 i; i < proofs_.length; ++i) {
            proofs.push(proofs_[i]);
        }
    }

    function _approved() internal view returns (bool) {
        return sale.sale(id).status == IArtworkSale.Status.Approved;
    }

    function vote(uint256 leaf, bool support) external {
        leaf %= wallets.length;
        vm.prank(wallets[leaf]);
        try sale.vote(id, leaf, wallets[leaf], weights[leaf], support, proofs[leaf]) {} catch {}
    }

    function finalize(uint256 dt) external {
        vm.warp(block.timestamp + bound(dt, 0, 3 days));
        try sale.finalize(id) {} catch {}
    }

    function transfer(uint256 from, uint256 to, uint256 amount) external {
        address f = wallets[from % wallets.length];
        address t = wallets[to % wallets.length];
        amount = bound(amount, 0, token.balanceOf(f));
        _watch(f, t, amount, false);
    }

    function forced(uint256 from, uint256 to, uint256 amount, bool burn) external {
        address f = wallets[from % wallets.length];
        address t = wallets[to % wallets.length];
        amount = bound(amount, 1, token.balanceOf(f) + 1);
        _watch(f, t, amount, burn);
    }

    function mint(uint256 to, uint256 amount) external {
        uint256 supply = token.totalSupply();
        vm.prank(offering);
        try token.mint(wallets[to % wallets.length], bound(amount, 1, 100)) {} catch {}
        if (_approved() && token.totalSupply() != supply) ++nonRedemptionMoves;
    }

    function redeem(uint256 who) external {
        address w = wallets[who % wallets.length];
        uint256 balance = token.balanceOf(w);
        vm.prank(w);
        try sale.redeem(id) returns (uint256 p) {
            redeemedShares += balance;
            paid += p;
            assertEq(token.balanceOf(w), 0);
        } catch {}
    }

    /// A plain transfer (`desk` false) or an agents' forced transfer / burn; any change after approval is counted.
    function _watch(address f, address t, uint256 amount, bool burn) internal {
        uint256 before = token.balanceOf(f);
        uint256 supply = token.totalSupply();
        if (!burn && amount % 2 == 0) {
            vm.prank(f);
            try token.transfer(t, amount) {} catch {}
        } else {
            bytes memory data = burn
                ? abi.encodeCall(ArtworkShareToken.burn, (f, amount))
                : abi.encodeCall(ArtworkShareToken.forcedTransfer, (f, t, amount));
            vm.prank(agent);
            uint256 p = desk.propose(address(token), data);
            vm.prank(agent2);
            try desk.execute(p, address(token), data) {} catch {}
        }
        if (_approved() && (token.balanceOf(f) != before || token.totalSupply() != supply)) ++nonRedemptionMoves;
    }
}

contract ArtworkSaleInvariantTest is SaleBase {
    SaleHandler internal handler;
    uint256 internal id;

    function setUp() public override {
        super.setUp();
        id = _open();
        bytes32[][] memory proofs = new bytes32[][](_wallets.length);
        for (uint256 i; i < _wallets.length; ++i) {
            proofs[i] = _proof(i);
        }
        handler = new SaleHandler(
            sale, token, desk, address(offering), agent, agent2, id, _wallets, _weights, proofs
        );
        targetContract(address(handler));
    }

    /// The handler reaches every path: votes, approval, refused moves after it, redemptions.
    function test_handlerExercisesPaths() public {
        handler.vote(0, true);
        handler.vote(1, false);
        handler.vote(1, true);
        handler.transfer(0, 1, 2); // before approval: a transfer moves shares (not counted)
        for (uint256 i; i < 3; ++i) {
            handler.finalize(3 days);
        }
        assertEq(uint8(sale.sale(id).status), uint8(IArtworkSale.Status.Approved));
        handler.transfer(0, 1, 2);
        handler.forced(0, 1, 5, false);
        handler.forced(1, 0, 5, true);
        handler.mint(2, 10);
        handler.redeem(1);
        handler.redeem(2);
        assertEq(handler.nonRedemptionMoves(), 0);
        assertEq(handler.redeemedShares(), 402);
        assertEq(handler.paid(), PRICE * 402 / 1000);
        invariant_onlyRedemptionMovesAfterApproval();
        invariant_paidWithinDeposit();
    }

    /// Votes never exceed the weights at the record block.
    function invariant_votesWithinWeights() public view {
        IArtworkSale.Sale memory s = sale.sale(id);
        assertLe(uint256(s.forVotes) + s.againstVotes, 1000);
    }

    /// After approval nothing but redemption moves the token.
    function invariant_onlyRedemptionMovesAfterApproval() public view {
        assertEq(handler.nonRedemptionMoves(), 0);
        IArtworkSale.Sale memory s = sale.sale(id);
        if (s.status == IArtworkSale.Status.Approved) {
            assertEq(token.totalSupply() + handler.redeemedShares(), s.supplyAtClose);
        }
    }

    /// Paid ≤ deposited, and the contract holds what is not released.
    function invariant_paidWithinDeposit() public view {
        IArtworkSale.Sale memory s = sale.sale(id);
        assertLe(handler.paid(), PRICE);
        assertLe(s.released, s.price);
        assertEq(hkd.balanceOf(address(sale)), s.price - s.released);
    }
}
