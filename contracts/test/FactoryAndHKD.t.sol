// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Base} from "./utils/Base.sol";
import {ArtworkShareToken} from "../src/ArtworkShareToken.sol";
import {ShareTokenFactory} from "../src/ShareTokenFactory.sol";
import {HKDStablecoin} from "../src/HKDStablecoin.sol";
import {IShareTokenFactory} from "../src/interfaces/IShareTokenFactory.sol";
import {IHKDStablecoin} from "../src/interfaces/IHKDStablecoin.sol";

contract ShareTokenFactoryTest is Base {
    event TokenDeployed(address indexed token, address indexed issuer, string name, string symbol);
    event ImplementationUpdated(address indexed implementation);

    function test_deploy_enumerates() public {
        assertEq(factory.tokenCount(), 1);
        vm.expectEmit(false, true, false, true, address(factory));
        emit TokenDeployed(address(0), issuer, "Water Lilies", "WLIL");
        ArtworkShareToken t2 = _deploy(_rules(0, 0, 0));
        ArtworkShareToken t3 = _deploy(_rules(0, 0, 0));
        assertEq(factory.tokenCount(), 3);
        address[] memory page = factory.tokens(1, 5);
        assertEq(page.length, 2);
        assertEq(page[0], address(t2));
        assertEq(page[1], address(t3));
        assertEq(factory.tokens(0, 1)[0], address(token));
        assertEq(factory.tokens(3, 1).length, 0);
        assertTrue(factory.isToken(address(t2)));
        assertFalse(factory.isToken(address(impl)));
        assertEq(t2.owner(), issuer);
        assertEq(factory.primaryOffering(), address(offering));
        assertEq(factory.identityRegistry(), address(registry));
        assertEq(factory.implementation(), address(impl));
        // EIP-1167 minimal proxy runtime code is 45 bytes
        assertEq(address(t2).code.length, 45);
    }

    function test_deploy_onlyIssuer() public {
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("ISSUER_ROLE")));
        factory.deployToken("x", "x", 100, _rules(0, 0, 0), "", bytes32(0));
    }

    function test_deploy_invalidRulesReverts() public {
        vm.prank(issuer);
        vm.expectRevert(bytes4(keccak256("ShareInvalidRules()")));
        factory.deployToken("x", "x", 100, _rules(0, uint256(type(uint96).max) + 1, 0), "", bytes32(0));
    }

    function test_setImplementation_onlyAdmin() public {
        ArtworkShareToken impl2 = new ArtworkShareToken(registry, address(offering), address(desk), address(migrator), address(sale));
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, bytes32(0)));
        factory.setImplementation(address(impl2));
        vm.prank(admin);
        vm.expectRevert(IShareTokenFactory.FactoryZeroAddress.selector);
        factory.setImplementation(address(0));
        vm.expectEmit(address(factory));
        emit ImplementationUpdated(address(impl2));
        vm.prank(admin);
        factory.setImplementation(address(impl2));
        assertEq(factory.implementation(), address(impl2));
    }

    function test_constructor_zero() public {
        vm.expectRevert(IShareTokenFactory.FactoryZeroAddress.selector);
        new ShareTokenFactory(address(0), address(impl));
        vm.expectRevert(IShareTokenFactory.FactoryZeroAddress.selector);
        new ShareTokenFactory(admin, address(0));
    }
}

contract HKDStablecoinTest is Base {
    function test_metadata() public view {
        assertEq(hkd.name(), "Atelier HKD");
        assertEq(hkd.symbol(), "HKDA");
        assertEq(hkd.decimals(), 6);
    }

    function test_faucet_localOnly() public {
        vm.chainId(1);
        vm.prank(alice);
        vm.expectRevert(IHKDStablecoin.HKDFaucetUnavailable.selector);
        hkd.faucet(1);
        vm.chainId(31337);
        vm.prank(alice);
        hkd.faucet(1_000_000e6);
        assertEq(hkd.balanceOf(alice), 1_000_000e6);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IHKDStablecoin.HKDFaucetAmountTooLarge.selector, 1_000_000e6 + 1, 1_000_000e6)
        );
        hkd.faucet(1_000_000e6 + 1);
    }

    function test_mint_onlyMinter() public {
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, keccak256("MINTER_ROLE")));
        hkd.mint(stranger, 1);
        vm.prank(admin);
        hkd.mint(stranger, 5);
        assertEq(hkd.balanceOf(stranger), 5);
    }

    function test_permit() public {
        uint256 key = 0xB0B;
        address owner_ = vm.addr(key);
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                hkd.DOMAIN_SEPARATOR(),
                keccak256(
                    abi.encode(
                        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                        owner_,
                        bob,
                        42,
                        0,
                        block.timestamp
                    )
                )
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        hkd.permit(owner_, bob, 42, block.timestamp, v, r, s);
        assertEq(hkd.allowance(owner_, bob), 42);
    }
}
