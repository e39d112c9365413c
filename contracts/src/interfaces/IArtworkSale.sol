// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title IArtworkSale
/// @notice A sale of the artwork behind a share token, voted on by its holders. The issuer (the token's owner) records
/// a buyer's offer — price in the payment token (HKD, whole cents), the offer documents' hash — and opens the vote,
/// depositing the price here: holders vote on money that is there. Voting weight = shares at a past record block,
/// proven against a Merkle root of the standard OpenZeppelin tree over `(uint256 index, address wallet, uint256 weight)`
/// (leaf = keccak256(bytes.concat(keccak256(abi.encode(index, wallet, weight)))), as the Distributor's entitlements),
/// built off-chain from the register at the record block. One vote per leaf (holding wallet), changeable until the
/// close, cast by the wallet or by the wallet a compliance recovery moved it to; the running tally is on-chain.
/// After the close anyone finalises: a rejected sale changes nothing and the deposit returns to the issuer; an approved
/// sale ends trading in the token for good and each holder redeems — the whole balance is burned and paid
/// price × shares ÷ supply at the close, rounded down (toward this contract). Money for shares not yet redeemed stays
/// reserved without a deadline (a frozen or unverified holder redeems once it may); the issuer may only ever sweep
/// the rounding dust above that reserve.
interface IArtworkSale {
    /// @notice The life of a sale: Voting until finalised, then Rejected (deposit returned) or Approved (redeeming).
    enum Status {
        None,
        Voting,
        Rejected,
        Approved
    }

    /// @notice What the issuer records when opening the vote.
    /// @param buyer The buyer named in the offer (for the record; the issuer deposits the price).
    /// @param price The price of the whole artwork in the payment token's units (6 decimals), whole cents.
    /// @param recordBlock A mined block: voting weights are the balances at it.
    /// @param supply The token's total supply at the record block (the quorum's base); 1 .. the maximum supply.
    /// @param votingEnds Unix time the vote closes, {MIN_VOTING_PERIOD} .. {MAX_VOTING_PERIOD} from now.
    /// @param quorumBps Turnout needed, in basis points of `supply` (votes cast ≥ quorum); 0 = {DEFAULT_QUORUM_BPS}.
    /// @param approvalBps Share of the votes cast that approval must exceed (for × 10,000 > approvalBps × cast);
    /// 0 = {DEFAULT_APPROVAL_BPS} (more than half).
    /// @param weightsRoot Merkle root of the weights (see the interface notice).
    /// @param leafCount Number of leaves (holding wallets at the record block), indexed 0 .. leafCount − 1.
    /// @param offerHash SHA-256 of the offer documents (anchored; their copy is served off-chain).
    /// @param treeHash SHA-256 of the weights tree document (anyone rebuilds it from the Transfer logs and compares).
    struct Terms {
        address buyer;
        uint256 price;
        uint256 recordBlock;
        uint256 supply;
        uint256 votingEnds;
        uint16 quorumBps;
        uint16 approvalBps;
        bytes32 weightsRoot;
        uint256 leafCount;
        bytes32 offerHash;
        bytes32 treeHash;
    }

    /// @notice A sale as read by {sale}.
    struct Sale {
        address token;
        Status status;
        uint64 votingEnds;
        uint16 quorumBps;
        uint16 approvalBps;
        address issuer;
        uint64 recordBlock;
        uint32 leafCount;
        address buyer;
        uint128 price;
        /// Paid to redeeming holders plus dust swept by the issuer; never above `price`.
        uint128 released;
        uint96 supply;
        uint96 forVotes;
        uint96 againstVotes;
        /// The token's supply when the sale was approved (0 before): the divisor of every redemption.
        uint96 supplyAtClose;
        bytes32 weightsRoot;
        bytes32 offerHash;
        bytes32 treeHash;
    }

    /// @notice No sale with this id.
    error SaleNotFound(uint256 saleId);
    /// @notice The token was not deployed by the platform's factory, answers to another registry, does not name this
    /// contract as its sale, or was retired for a successor (migrated) or is still being copied.
    error SaleUnknownToken(address token);
    /// @notice The caller is not the token's owner (its issuer).
    error SaleNotIssuer(address token, address caller);
    /// @notice The token has an open vote, or was sold already (`saleId`).
    error SaleExists(address token, uint256 saleId);
    /// @notice Terms out of range (price zero or not whole cents, supply, root, hashes, leaf count, thresholds, buyer).
    error SaleInvalid();
    /// @notice The record block must be a mined block.
    error SaleRecordBlockNotPast(uint256 recordBlock, uint256 currentBlock);
    /// @notice The vote must close between {MIN_VOTING_PERIOD} and {MAX_VOTING_PERIOD} from now.
    error SaleVotingPeriod(uint256 votingEnds, uint256 earliest, uint256 latest);
    /// @notice `code` says why this vote is refused (see {voteCode}).
    error VoteRefused(uint256 saleId, address holder, uint8 code);
    /// @notice `code` says why this redemption is refused (see {redeemCode}).
    error RedeemRefused(uint256 saleId, address wallet, uint8 code);
    /// @notice The sale cannot be finalised: 1 not voting (finalised already), 2 the vote is still open.
    error SaleCannotFinalize(uint256 saleId, uint8 code);
    /// @notice Only the issuer who deposited sweeps the dust, and only of an approved sale.
    error SaleCannotSweep(uint256 saleId, address caller);

    /// @notice The issuer opened a vote on `terms` (the price was deposited); `offerURI` locates the offer documents
    /// and the weights tree.
    event SaleOpened(
        uint256 indexed saleId, address indexed token, address indexed issuer, Terms terms, string offerURI
    );
    /// @notice `voter` (the holding wallet or the wallet it was recovered to) voted leaf `index` of `holder` with
    /// `weight`: for (`support`) or against. `previous` is the leaf's earlier vote (0 none, 1 for, 2 against). The
    /// tally after it: `forVotes`, `againstVotes`.
    event VoteCast(
        uint256 indexed saleId,
        address indexed holder,
        address indexed voter,
        uint256 index,
        uint256 weight,
        bool support,
        uint8 previous,
        uint256 forVotes,
        uint256 againstVotes
    );
    /// @notice The vote was closed by `by`. Approved: trading in the token ended, `supplyAtClose` shares redeem the
    /// price. Rejected (quorum or approval not met, or the token was retired meanwhile): `refunded` went back to the
    /// issuer.
    event SaleFinalized(
        uint256 indexed saleId,
        address indexed token,
        bool approved,
        uint256 forVotes,
        uint256 againstVotes,
        uint256 supplyAtClose,
        uint256 refunded,
        address by
    );
    /// @notice `wallet` redeemed: `shares` burned, `payout` paid to it.
    event Redeemed(uint256 indexed saleId, address indexed token, address indexed wallet, uint256 shares, uint256 payout);
    /// @notice The issuer took `amount` of rounding dust (what no outstanding share can claim).
    event DustSwept(uint256 indexed saleId, address indexed issuer, uint256 amount);

    /// @notice Opens the vote on a sale of `token`'s artwork: the token's owner only; deposits `terms.price` from the
    /// caller. One open or approved sale per token. Returns the sale id (from 1).
    function openSale(address token, Terms calldata terms, string calldata offerURI) external returns (uint256 saleId);

    /// @notice Votes leaf `index` (`holder`, `weight`) of sale `saleId`: for when `support`. From `holder`, or from the
    /// wallet the token's recoveries moved it to. A second vote replaces the first (the tally adjusts).
    function vote(
        uint256 saleId,
        uint256 index,
        address holder,
        uint256 weight,
        bool support,
        bytes32[] calldata proof
    ) external;

    /// @notice Closes the vote (anyone, once `votingEnds` is reached). Returns whether the sale was approved.
    function finalize(uint256 saleId) external returns (bool approved);

    /// @notice Redeems the caller's whole balance of an approved sale's token: burned, paid
    /// floor(price × shares ÷ supplyAtClose). Returns the payout.
    function redeem(uint256 saleId) external returns (uint256 payout);

    /// @notice The issuer takes the rounding dust: what is left above the reserve for the outstanding shares.
    function sweepDust(uint256 saleId) external returns (uint256 amount);

    /// @notice Reason code for `voter` voting leaf (`index`, `holder`, `weight`) now; 0 = the vote counts.
    function voteCode(
        uint256 saleId,
        uint256 index,
        address holder,
        address voter,
        uint256 weight,
        bytes32[] calldata proof
    ) external view returns (uint8);

    /// @notice Reason code for `wallet` redeeming now (0 = it may), with the shares it would burn and the payout.
    function redeemCode(uint256 saleId, address wallet)
        external
        view
        returns (uint8 code, uint256 shares, uint256 payout);

    /// @notice Whether the vote would pass if it closed with the current tally: quorum reached, approval reached.
    function outcome(uint256 saleId) external view returns (bool quorumReached, bool approvalReached);

    /// @notice The leaf's vote: 0 none, 1 for, 2 against.
    function voteOf(uint256 saleId, uint256 index) external view returns (uint8);

    /// @notice A sale.
    function sale(uint256 saleId) external view returns (Sale memory);

    /// @notice The token's open or approved sale (its latest; 0 when none was ever opened).
    function saleOf(address token) external view returns (uint256 saleId);

    /// @notice Sales opened so far (ids 1 .. saleCount).
    function saleCount() external view returns (uint256);

    /// @notice What the issuer may sweep now.
    function sweepable(uint256 saleId) external view returns (uint256);
}
