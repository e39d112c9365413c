// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IArtworkShareToken} from "./IArtworkShareToken.sol";

/// @title ILockLots
/// @notice Pure arithmetic of the share token's lock-up lots and country list, kept outside the token (in the
/// TokenMigrator, an immutable of the token implementation) so that the token stays within EIP-170. Nothing here
/// reads or writes state: the token passes its lots and the time, and stores what comes back.
interface ILockLots {
    /// @notice Places `amount` shares released at `until` into `lots` (ended lots — release ≤ `now_` — are dropped):
    /// into the lot with the same release, else a free place, else the two lots with the closest releases among the
    /// running ones and the new one merge into the LATER of the two. Returns the new lots, the release the placed
    /// shares got and, when something merged, the `moved` shares and the releases they moved `from_` and `to_`
    /// (from_ < to_; from_ is 0 when nothing merged).
    function placeLot(IArtworkShareToken.Lot[4] memory lots, uint256 amount, uint40 until, uint256 now_)
        external
        pure
        returns (IArtworkShareToken.Lot[4] memory placed, uint40 release, uint256 moved, uint40 from_, uint40 to_);

    /// @notice What placing a purchase at `now_` + `lockup` into `lots` would merge (see the token's
    /// `lockMergePreview`): nothing (`merges` false) without a lock-up or with a free place; else whether the purchase
    /// itself moves to the later release (`purchaseMoves`) or `movedAmount` held shares move from `fromRelease` to
    /// `toRelease`.
    function mergePreview(IArtworkShareToken.Lot[4] memory lots, uint64 lockup, uint256 now_)
        external
        pure
        returns (bool merges, bool purchaseMoves, uint256 movedAmount, uint64 fromRelease, uint64 toRelease);

    /// @notice Takes `amount` (≤ the running locked total) out of the running `lots`, soonest release first (what
    /// stays keeps the longest lock). Returns the lots left and, in the order taken, each lot's share taken (amount,
    /// release); unused entries of `taken` are zero.
    function consumeLots(IArtworkShareToken.Lot[4] memory lots, uint256 amount, uint256 now_)
        external
        pure
        returns (IArtworkShareToken.Lot[4] memory remaining, IArtworkShareToken.Lot[4] memory taken);

    /// @notice The running lots (release > `now_`), soonest release first.
    function runningLots(IArtworkShareToken.Lot[4] memory lots, uint256 now_)
        external
        pure
        returns (uint256[] memory amounts, uint64[] memory releases);

    /// @notice The ISO country codes whose bits are set in `bitmap` (bit `c` of word `c >> 8`), ascending.
    function countries(uint256[4] memory bitmap) external pure returns (uint16[] memory);
}
