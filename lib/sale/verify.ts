/**
 * Checks a sale vote's weights against the chain, trusting nothing the server says: the document holds together (the
 * tree rebuilt from its holders has its root), its SHA-256 is the `treeHash` and the rebuilt root the `weightsRoot`
 * the sale contract stores, with the same token, record block, supply and leaf count; and every weight is the
 * holder's balance at the record block rebuilt from the token's Transfer logs alone. Plain module: the `verify-sale`
 * script and the tests call it with their own client.
 */
import { getAddress } from "viem";
import { artworkSaleAbi } from "@/lib/chain/abis";
import { sharesMatchTransferLogs, verificationLines, type VerifyArgs, type VerifyResult } from "@/lib/distributions";
import { checkSaleDocument } from "./weights";

export async function verifySale({
  client,
  document: text,
  onChainId,
  fromBlock,
}: VerifyArgs & { onChainId: bigint }): Promise<VerifyResult> {
  const { result, say } = verificationLines();
  let check;
  try {
    check = checkSaleDocument(text);
  } catch (error) {
    return { ok: false, lines: [`✗ The file is not a sale weights document: ${(error as Error).message}`] };
  }
  const { document: doc, treeHash, rebuiltRoot, problems } = check;
  for (const p of problems) say(false, `The document does not hold together: ${p}.`);
  if (!problems.length)
    say(
      true,
      `The document holds together: ${doc.leafCount} holder(s), the tree rebuilt from them has root ${rebuiltRoot}.`,
    );
  let s;
  try {
    s = await client.readContract({
      address: getAddress(doc.saleContract),
      abi: artworkSaleAbi,
      functionName: "sale",
      args: [onChainId],
    });
  } catch (error) {
    say(false, `The sale contract has no sale ${onChainId} (${(error as Error).message.split("\n")[0]}).`);
    return result;
  }
  say(
    s.treeHash.toLowerCase() === treeHash,
    `Its SHA-256 ${treeHash} is the tree hash anchored in sale ${onChainId} (${s.treeHash}).`,
  );
  say(
    s.weightsRoot.toLowerCase() === rebuiltRoot,
    `The rebuilt root ${rebuiltRoot} is the root sale ${onChainId} counts votes against (${s.weightsRoot}).`,
  );
  const same: [string, string, string][] = [
    ["token", getAddress(s.token), getAddress(doc.token)],
    ["record block", s.recordBlock.toString(), doc.recordBlock],
    ["supply", s.supply.toString(), doc.supply],
    ["leaf count", s.leafCount.toString(), doc.leafCount.toString()],
  ];
  for (const [what, chain, written] of same)
    say(chain === written, `The chain's ${what} is ${chain}, the document says ${written}.`);
  const shares = await sharesMatchTransferLogs(client, getAddress(doc.token), fromBlock, BigInt(doc.recordBlock), [
    ...doc.holders.map((h) => ({ wallet: h.wallet, shares: h.weight })),
    ...doc.excluded,
  ]);
  say(shares.ok, shares.line);
  result.lines.push(
    result.ok
      ? `Sale ${onChainId} matches the chain: its voting weights are the register at the record block.`
      : `Sale ${onChainId} does NOT match the chain.`,
  );
  return result;
}
