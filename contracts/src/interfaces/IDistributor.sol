// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IDistributor
/// @notice Payments from an issuer to the holders of its share token — sale proceeds, income or a return of capital —
/// in the payment token (HKD). The issuer deposits the amount with the Merkle root of the entitlements at a record
/// block: leaf `(index, wallet, amount)` of the standard OpenZeppelin Merkle tree (npm openzeppelin merkle-tree,
/// leaf = keccak256(bytes.concat(keccak256(abi.encode(index, wallet, amount))))), where
/// amount = floor(deposit × balance at the record block ÷ supply at the record block). The whole tree is a document
/// whose SHA-256 (`treeHash`) is anchored here with the root, so anyone can rebuild it from the token's Transfer logs
/// and compare. Each holding wallet claims once, from that wallet or from the wallet a compliance recovery moved it
/// to; the claim follows the token's rules (not frozen, KYC valid, platform not stopped) and is refused with a reason
/// code otherwise, the money staying reserved. After the claim window the issuer takes back what is unclaimed (the
/// rounding dust included), never more. No personal data is on-chain: wallets and amounts only.
interface IDistributor {
    /// @notice Why a distribution was made (shown to investors; the payment rules are the same).
    enum Kind {
        SaleProceeds,
        Income,
        ReturnOfCapital
    }

    /// @notice A distribution. `claimed` never exceeds `amount`; `leafCount` entitlements, indexed 0..leafCount−1.
    struct Distribution {
        address token;
        uint64 recordBlock;
        Kind kind;
        bool held;
        bool closed;
        address issuer;
        uint64 claimDeadline;
        uint32 leafCount;
        uint128 amount;
        uint128 claimed;
        bytes32 root;
        bytes32 treeHash;
    }

    // Reason codes of a refused claim (0 = the claim is payable). 48–59: distributions (the token's TRANSFER_* codes
    // are 1–10, the market's FILL_* 32–41).
    /// @notice No distribution with this id.
    error DistributorNotFound(uint256 id);
    /// @notice `code` says why this claim cannot be paid now (see {claimCode}).
    error ClaimRefused(uint256 id, address holder, uint8 code);
    /// @notice The caller is not the token's owner (its issuer).
    error DistributorNotIssuer(address token, address caller);
    /// @notice The token was not deployed by the platform's factory.
    error DistributorUnknownToken(address token);
    /// @notice The record block must be a mined block (balances at it can no longer change).
    error DistributorRecordBlockNotPast(uint256 recordBlock, uint256 currentBlock);
    /// @notice The claim window must end at least {MIN_CLAIM_WINDOW} after creation.
    error DistributorWindowTooShort(uint256 claimDeadline, uint256 earliest);
    /// @notice Amount, root, tree hash or leaf count zero (or out of range).
    error DistributorInvalid();
    /// @notice Only the issuer closes, only after the claim window, only once and not while compliance holds it.
    error DistributorCannotClose(uint256 id, uint8 code);
    /// @notice Only a compliance agent of the token's identity registry may hold or release a distribution.
    error DistributorNotAgent(address caller);
    /// @notice {claimMany}'s arrays differ in length.
    error DistributorLengthMismatch();

    /// @notice A distribution was created and its `amount` deposited by `issuer`.
    event DistributionCreated(
        uint256 indexed id,
        address indexed token,
        address indexed issuer,
        Kind kind,
        uint256 amount,
        uint256 recordBlock,
        uint256 claimDeadline,
        bytes32 root,
        bytes32 treeHash,
        uint256 leafCount,
        string treeURI
    );
    /// @notice `holder`'s entitlement (leaf `index`) was paid to `payee` (the holder, or the wallet it was recovered to).
    event Claimed(uint256 indexed id, uint256 index, address indexed holder, address indexed payee, uint256 amount);
    /// @notice A compliance agent held (paused claims of) or released a distribution; `reason` in plain words.
    event DistributionHeld(uint256 indexed id, bool held, address indexed agent, string reason);
    /// @notice The issuer closed the distribution and took back `returned` (unclaimed entitlements and dust).
    event DistributionClosed(uint256 indexed id, uint256 returned);

    /// @notice What an issuer sets when creating a distribution (see {Distribution}).
    struct Terms {
        Kind kind;
        uint256 amount;
        uint256 recordBlock;
        uint256 claimDeadline;
        bytes32 root;
        bytes32 treeHash;
        uint256 leafCount;
    }

    /// @notice Creates a distribution of `terms.amount` to the holders of `token` and deposits it from the caller,
    /// who must be the token's owner (its issuer). `treeURI` says where the tree document (SHA-256 `treeHash`) is.
    function createDistribution(address token, Terms calldata terms, string calldata treeURI)
        external
        returns (uint256 id);

    /// @notice Pays `holder`'s entitlement to the caller, who must be `holder` or the wallet a recovery moved it to.
    function claim(uint256 id, uint256 index, address holder, uint256 amount, bytes32[] calldata proof) external;

    /// @notice Several claims in one transaction (each as {claim}; any refusal reverts all).
    function claimMany(
        uint256[] calldata ids,
        uint256[] calldata indexes,
        address[] calldata holders,
        uint256[] calldata amounts,
        bytes32[][] calldata proofs
    ) external;

    /// @notice 0 when `payee` can claim `holder`'s entitlement now, else the reason code (CLAIM_*).
    function claimCode(
        uint256 id,
        uint256 index,
        address holder,
        address payee,
        uint256 amount,
        bytes32[] calldata proof
    ) external view returns (uint8);

    function hold(uint256 id, bool held, string calldata reason) external;

    function close(uint256 id) external returns (uint256 returned);

    function distribution(uint256 id) external view returns (Distribution memory);

    function isClaimed(uint256 id, uint256 index) external view returns (bool);

    function distributionCount() external view returns (uint256);
}

/// @notice What the distributor needs of a share token.
interface IDistributorShareToken {
    function owner() external view returns (address);
    function identityRegistry() external view returns (address);
    function isFrozen(address wallet) external view returns (bool);
    function recoveredTo(address lostWallet) external view returns (address);
}
