import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { encodeAbiParameters, keccak256 } from "viem";
import { describe, expect, it } from "vitest";
import { CENT } from "./allocate";
import { buildDistribution, checkDistributionDocument, LEAF_ENCODING } from "./tree";
import { sha256Hex } from "@/lib/format/hash";

const w = (i: number) => `0x${i.toString(16).padStart(40, "0")}` as const;
const input = {
  chainId: 31337,
  distributor: w(0xd1),
  paymentToken: w(0xc0),
  token: w(0xaa),
  recordBlock: 42n,
  kind: "income" as const,
  amount: 1_000n * CENT,
  claimDeadline: 1_900_000_000,
  // Not in wallet order, one that rounds to nothing.
  holders: [
    { wallet: w(3), balance: 300n },
    { wallet: w(1), balance: 600n },
    { wallet: w(2), balance: 99_000n },
  ],
  excluded: [{ wallet: w(0xee), shares: 5n, reason: "platform contract" }],
};

describe("buildDistribution", () => {
  it("indexes the paid holders in wallet order, leaves the dust and proves each leaf as the contract does", () => {
    const built = buildDistribution(input);
    expect(built.entitlements.map((e) => e.wallet)).toEqual([w(1), w(2), w(3)].map((x) => x));
    expect(built.entitlements.map((e) => e.index)).toEqual([0, 1, 2]);
    // 1,000 cents over a supply of 99,905 (the left-out platform contract's 5 shares count): exact 6.006, 990.94,
    // 3.003 cents → 6, 990, 3 (floors); the one cent of dust stays for the issuer.
    expect(built.entitlements.map((e) => e.amount / CENT)).toEqual([6n, 990n, 3n]);
    expect(input.amount - built.entitlements.reduce((s, e) => s + e.amount, 0n)).toBe(CENT);
    expect(built.leafCount).toBe(3);
    for (const e of built.entitlements) {
      expect(StandardMerkleTree.verify(built.root, [...LEAF_ENCODING], [e.index, e.wallet, e.amount], e.proof)).toBe(
        true,
      );
      // The contract's leaf: keccak256(bytes.concat(keccak256(abi.encode(index, wallet, amount)))).
      const inner = keccak256(
        encodeAbiParameters(
          [{ type: "uint256" }, { type: "address" }, { type: "uint256" }],
          [BigInt(e.index), e.wallet, e.amount],
        ),
      );
      let node = keccak256(inner);
      for (const p of e.proof) node = keccak256(node < p ? `${node}${p.slice(2)}` : `${p}${node.slice(2)}`);
      expect(node).toBe(built.root);
    }
    expect(built.treeHash).toBe(sha256Hex(built.document));
  });

  it("is deterministic and keeps holders whose share rounds to zero out of the tree but in the document", () => {
    const small = { ...input, amount: 10n * CENT };
    const a = buildDistribution(small);
    const b = buildDistribution({ ...small, holders: [...small.holders].reverse() });
    expect(b.document).toBe(a.document);
    expect(a.zero.map((z) => z.wallet)).toEqual([w(1), w(3)]);
    expect(a.leafCount).toBe(1);
    expect(JSON.parse(a.document).holders).toHaveLength(3);
  });
});

describe("checkDistributionDocument", () => {
  it("accepts the document as built and finds any edit of amounts, shares or root", () => {
    const built = buildDistribution(input);
    const ok = checkDistributionDocument(built.document);
    expect(ok.problems).toEqual([]);
    expect(ok.rebuiltRoot).toBe(built.root);
    expect(ok.treeHash).toBe(built.treeHash);

    const doc = JSON.parse(built.document);
    doc.holders[0].amount = (BigInt(doc.holders[0].amount) + CENT).toString();
    expect(checkDistributionDocument(JSON.stringify(doc)).problems.join(" ")).toMatch(/allocation rule/);

    const shares = JSON.parse(built.document);
    shares.holders[1].shares = "1";
    const found = checkDistributionDocument(JSON.stringify(shares)).problems.join(" ");
    expect(found).toMatch(/allocation rule/);
    expect(found).toMatch(/rebuilt from the holders has root/);
  });
});
