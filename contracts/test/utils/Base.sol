// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {IdentityRegistry} from "../../src/IdentityRegistry.sol";
import {HKDStablecoin} from "../../src/HKDStablecoin.sol";
import {ArtworkShareToken} from "../../src/ArtworkShareToken.sol";
import {ShareTokenFactory} from "../../src/ShareTokenFactory.sol";
import {PrimaryOffering} from "../../src/PrimaryOffering.sol";
import {EnforcementDesk} from "../../src/EnforcementDesk.sol";
import {TokenMigrator} from "../../src/TokenMigrator.sol";
import {ArtworkSale, ISaleFactorySource} from "../../src/ArtworkSale.sol";
import {IArtworkShareToken} from "../../src/interfaces/IArtworkShareToken.sol";
import {IIdentityRegistry} from "../../src/interfaces/IIdentityRegistry.sol";
import {IPrimaryOffering} from "../../src/interfaces/IPrimaryOffering.sol";

/// Deploys the whole platform the way the deploy script will:
/// registry → HKD → offering(hkd, registry, admin) → desk(admin) → migrator(admin) → sale(hkd, registry, migrator) →
/// token implementation(registry, offering, desk, migrator, sale) → factory(admin, impl) → offering.setFactory(factory), migrator.setFactory(factory) (admin). `agent` writes identities (registry AGENT_ROLE) and
/// is also an enforcement agent of the desk (pause, freeze, propose); `agent2` is a second enforcement agent only.
abstract contract Base is Test {
    uint16 internal constant HK = 344;
    uint16 internal constant SG = 702;
    uint16 internal constant US = 840;
    uint8 internal constant RETAIL = 1;
    uint8 internal constant PROFESSIONAL = 2;
    uint8 internal constant INSTITUTIONAL = 3;
    uint8 internal constant ALL_CATEGORIES = 0x0E;

    bytes32 internal constant ALICE = keccak256("investor:alice");
    bytes32 internal constant BOB = keccak256("investor:bob");
    bytes32 internal constant CAROL = keccak256("investor:carol");
    bytes32 internal constant DAVE = keccak256("investor:dave");

    address internal admin = makeAddr("admin");
    address internal agent = makeAddr("agent");
    /// The second compliance agent: confirms what `agent` proposes (four eyes for professional categories) and
    /// executes what `agent` proposes on the enforcement desk.
    address internal agent2 = makeAddr("agent2");
    address internal issuer = makeAddr("issuer");
    address internal treasury = makeAddr("treasury");
    address internal alice = makeAddr("alice");
    address internal alice2 = makeAddr("alice2");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");
    address internal stranger = makeAddr("stranger");

    IdentityRegistry internal registry;
    HKDStablecoin internal hkd;
    ArtworkShareToken internal impl;
    ShareTokenFactory internal factory;
    PrimaryOffering internal offering;
    EnforcementDesk internal desk;
    TokenMigrator internal migrator;
    ArtworkSale internal sale;
    ArtworkShareToken internal token;

    uint64 internal kycExpiry;

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        kycExpiry = uint64(block.timestamp + 365 days);
        registry = new IdentityRegistry(admin);
        hkd = new HKDStablecoin(admin);
        offering = new PrimaryOffering(hkd, registry, admin);
        desk = new EnforcementDesk(admin);
        migrator = new TokenMigrator(admin);
        sale = new ArtworkSale(hkd, registry, ISaleFactorySource(address(migrator)));
        impl = new ArtworkShareToken(registry, address(offering), address(desk), address(migrator), address(sale));
        factory = new ShareTokenFactory(admin, address(impl));
        vm.startPrank(admin);
        registry.grantRole(registry.AGENT_ROLE(), agent);
        registry.grantRole(registry.AGENT_ROLE(), agent2);
        desk.grantRole(desk.AGENT_ROLE(), agent);
        desk.grantRole(desk.AGENT_ROLE(), agent2);
        offering.setFactory(address(factory));
        migrator.setFactory(address(factory));
        factory.grantRole(factory.ISSUER_ROLE(), issuer);
        vm.stopPrank();

        vm.startPrank(agent);
        registry.registerInvestor(alice, ALICE, HK, RETAIL, kycExpiry);
        registry.linkWallet(alice2, ALICE);
        vm.stopPrank();
        _registerTwoAgents(bob, BOB, HK, PROFESSIONAL, kycExpiry);
        _registerTwoAgents(carol, CAROL, SG, PROFESSIONAL, kycExpiry);
        _registerTwoAgents(dave, DAVE, US, INSTITUTIONAL, kycExpiry);

        token = _deploy(_rules(0, 0, 0));
    }

    /// Registers an investor the four-eyes way: `agent` proposes, `agent2` confirms (any category).
    function _registerTwoAgents(address wallet, bytes32 id, uint16 country, uint8 category, uint64 expiry) internal {
        vm.prank(agent);
        registry.proposeRegistration(wallet, id, country, category, expiry);
        vm.prank(agent2);
        registry.confirmProposal(id, wallet, country, category, expiry);
    }

    /// Links a further wallet the four-eyes way: `agent` proposes, `agent2` confirms (needed for professional and
    /// institutional investors).
    function _linkTwoAgents(address wallet, bytes32 id) internal {
        vm.prank(agent);
        registry.proposeLink(wallet, id);
        vm.prank(agent2);
        registry.confirmLink(wallet, id);
    }

    /// Updates an investor the four-eyes way: `agent` proposes, `agent2` confirms.
    function _updateTwoAgents(bytes32 id, uint16 country, uint8 category, uint64 expiry) internal {
        vm.prank(agent);
        registry.proposeUpdate(id, country, category, expiry);
        vm.prank(agent2);
        registry.confirmProposal(id, address(0), country, category, expiry);
    }

    function _rules(uint32 maxHolders, uint256 maxBalance, uint64 lockup)
        internal
        pure
        returns (IArtworkShareToken.Rules memory r)
    {
        r.allowedCountries = new uint16[](2);
        r.allowedCountries[0] = HK;
        r.allowedCountries[1] = SG;
        r.eligibleCategories = ALL_CATEGORIES;
        r.maxHolders = maxHolders;
        r.maxBalancePerInvestor = maxBalance;
        r.lockupSeconds = lockup;
    }

    function _deploy(IArtworkShareToken.Rules memory r) internal returns (ArtworkShareToken t) {
        t = _deploy(r, type(uint96).max);
    }

    function _deploy(IArtworkShareToken.Rules memory r, uint256 maxSupply) internal returns (ArtworkShareToken t) {
        vm.prank(issuer);
        t = ArtworkShareToken(
            factory.deployToken("Water Lilies", "WLIL", maxSupply, r, "ipfs://meta", keccak256("meta"))
        );
    }

    function _setRules(IArtworkShareToken.Rules memory r) internal {
        vm.prank(issuer);
        token.setRules(r);
    }

    /// Mints as the PrimaryOffering, the token's only minter (tests skip the purchase).
    function _mint(address to, uint256 amount) internal {
        vm.prank(address(offering));
        token.mint(to, amount);
    }

    /// Two-agent enforcement: `agent` proposes `data` on `t`, `agent2` executes it. Returns the proposal id.
    function _enforce(address t, bytes memory data) internal returns (uint256 id) {
        vm.prank(agent);
        id = desk.propose(t, data);
        vm.prank(agent2);
        desk.execute(id, t, data);
    }

    function _refused(uint8 code) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IArtworkShareToken.ShareTransferRefused.selector, code);
    }

    function _unauthorized(address account, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", account, role);
    }

    function _terms(uint256 price, uint256 cap, uint256 minT, uint256 maxT)
        internal
        view
        returns (IPrimaryOffering.Terms memory t)
    {
        t = IPrimaryOffering.Terms({
            pricePerShare: price,
            supplyCap: cap,
            minTicket: minT,
            maxTicket: maxT,
            start: uint64(block.timestamp),
            end: uint64(block.timestamp + 30 days),
            eligibleCategories: ALL_CATEGORIES,
            treasury: treasury
        });
    }

    function _createOffering(IPrimaryOffering.Terms memory t) internal returns (uint256 id) {
        vm.prank(issuer);
        id = offering.createOffering(address(token), t);
    }

    function _fund(address who, uint256 amount) internal {
        vm.prank(admin);
        hkd.mint(who, amount);
        vm.prank(who);
        hkd.approve(address(offering), type(uint256).max);
    }
}
