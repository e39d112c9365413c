/**
 * Seeds the demo world once on the local chain: roles, investors in every KYC state, eight artworks
 * with generated images and anchored documents, their tokens and offerings (live, sold out,
 * upcoming), purchases and a few transfers, a paid distribution and two sale votes (one open, one
 * sold and redeemed). Idempotent: a marker file records the seeded deployment.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  createPublicClient,
  createWalletClient,
  http,
  keccak256,
  parseEventLogs,
  stringToHex,
  toHex,
  type Address,
  type Hash,
  type Hex,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { eq } from "drizzle-orm";
import type { ServerEnv } from "../../lib/env";
import type { Deployments } from "../../lib/chain/deployments";
import { getAtelierChain } from "../../lib/chain/config";
import { createConfiguredStorage } from "../../lib/storage/configured";
import {
  artworkShareTokenAbi,
  hKDStablecoinAbi,
  identityRegistryAbi,
  enforcementDeskAbi,
  primaryOfferingAbi,
  marketAbi,
  shareTokenFactoryAbi,
} from "../../lib/chain/abis";
import type { Database } from "../../lib/db/connect";
import * as schema from "../../lib/db/schema";
import { writeAudit } from "../../lib/audit";
import { emitKycDecision } from "../../lib/notifications";
import { sha256Hex } from "../../lib/format/hash";
import { renderArtwork } from "./art";
import { artworks, people, trades as trades_, type DemoArtwork, type DemoPerson } from "./data";
import { seedDistribution } from "./distribution";
import { PENDING_GALLERY_ACCOUNT, seedIssuerApplication } from "./issuer-application";
import { seedIssuerProfiles } from "./issuer-profiles";
import { simplePdf } from "./pdf";
import { allowServerModules } from "./outside-next";
import { saleArtworks } from "./sale-data";
import { readSeedMarker, seedMarkerFile } from "./marker";

export { DEMO_MNEMONIC } from "../../lib/demo/people";
import { DEMO_MNEMONIC } from "../../lib/demo/people";
const AGENT_ROLE = keccak256(stringToHex("AGENT_ROLE"));
const ISSUER_ROLE = keccak256(stringToHex("ISSUER_ROLE"));
const CATEGORY = { retail: 1, professional: 2, institutional: 3 } as const;
const DAY = 86_400;

export function demoAccount(index: number) {
  return mnemonicToAccount(DEMO_MNEMONIC, { addressIndex: index });
}

const categoryMask = (cats: readonly (keyof typeof CATEGORY)[]) => cats.reduce((m, c) => m | (1 << CATEGORY[c]), 0);

export { readSeedMarker } from "./marker";

export async function seedDemo({
  db,
  env,
  deployment,
  log,
}: {
  db: Database;
  env: ServerEnv;
  deployment: Deployments;
  log: (msg: string) => void;
}) {
  const marker = readSeedMarker(env);
  if (marker?.identityRegistry === deployment.identityRegistry) {
    log("demo data already seeded");
    return;
  }
  const [existing] = await db.select({ id: schema.artworks.id }).from(schema.artworks).limit(1);
  if (existing) {
    throw new Error(
      "The database holds data for another chain deployment. Point DATABASE_URL at an empty database (or remove DATA_DIR) to seed the demo again.",
    );
  }
  const started = performance.now();
  log("seeding demo data (first start): roles, investors, artworks, tokens, offerings…");

  const chain = getAtelierChain({ chainId: env.chainId, rpcUrls: env.rpcUrls });
  const transport = http(env.rpcUrls[0]);
  const publicClient = createPublicClient({ chain, transport });
  const byKey = new Map(people.map((p) => [p.key, p] as const));
  const walletOf = (key: string) => {
    const person = byKey.get(key);
    if (!person) throw new Error(`unknown demo person ${key}`);
    return createWalletClient({ account: demoAccount(person.account), chain, transport });
  };
  const addressOf = (key: string) => demoAccount(byKey.get(key)!.account).address;

  async function send(hash: Promise<Hash>): Promise<Hash> {
    const h = await hash;
    const receipt = await publicClient.waitForTransactionReceipt({ hash: h });
    if (receipt.status !== "success") throw new Error(`seed transaction ${h} reverted`);
    return h;
  }

  const admin = walletOf("admin");
  const officer = walletOf("grace");
  const secondOfficer = walletOf("marcus");
  const decimals = await publicClient.readContract({
    address: deployment.paymentToken,
    abi: hKDStablecoinAbi,
    functionName: "decimals",
  });
  const hkd = (amount: number) => BigInt(Math.round(amount * 100)) * 10n ** BigInt(decimals - 2);

  // The sold artwork's vote runs its whole voting period before today: the chain's clock goes back a few days while
  // the roles, the investors and the sale votes' artworks are seeded; seedSales returns it to the computer's time.
  allowServerModules();
  const { rewindClock, seedSales } = await import("./sales");
  if (deployment.artworkSale) await rewindClock(publicClient);

  // --- Roles -------------------------------------------------------------------------------------
  for (const p of people.filter((x) => x.role === "compliance")) {
    await send(
      admin.writeContract({
        address: deployment.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "grantRole",
        args: [AGENT_ROLE, addressOf(p.key)],
      }),
    );
    // Officers also enforce (pause, freeze, and propose or execute forced transfers, recoveries and burns, two
    // officers each time) through the enforcement desk.
    await send(
      admin.writeContract({
        address: deployment.enforcementDesk!,
        abi: enforcementDeskAbi,
        functionName: "grantRole",
        args: [AGENT_ROLE, addressOf(p.key)],
      }),
    );
  }
  for (const p of people.filter((x) => x.role === "issuer")) {
    await send(
      admin.writeContract({
        address: deployment.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "grantRole",
        args: [ISSUER_ROLE, addressOf(p.key)],
      }),
    );
  }

  // --- People in the database and on the identity registry ----------------------------------------
  const now = Math.floor(Date.now() / 1000);
  const onChainIds = new Map<string, Hex>();
  for (const p of people) {
    const address = addressOf(p.key).toLowerCase();
    await db
      .insert(schema.profiles)
      .values({ address, displayName: p.name, email: p.email ?? null })
      .onConflictDoNothing();
    if (!p.investor) continue;
    const inv = p.investor;
    const onChainId = toHex(randomBytes(32));
    const approved = inv.kyc === "approved" || inv.kyc === "expired";
    const approvedAt = approved ? new Date((now - 200 * DAY) * 1000) : null;
    const expiresAt = approved ? new Date((now + 165 * DAY) * 1000) : null;
    const [row] = await db
      .insert(schema.investors)
      .values({
        onChainId: approved ? onChainId : null,
        legalName: p.name,
        email: p.email ?? null,
        nationality: inv.nationality,
        residence: inv.residence,
        residenceNumeric: inv.residenceNumeric,
        category: inv.category,
        kycStatus: inv.kyc === "none" ? "draft" : inv.kyc === "expired" ? "approved" : inv.kyc,
        kycApprovedAt: approvedAt,
        kycExpiresAt: expiresAt,
        rejectionReason: inv.rejectionReason ?? null,
      })
      .returning();
    await db.insert(schema.investorWallets).values({ address, investorId: row!.id, isPrimary: true });
    // The application behind the state: submitted ones wait in the compliance queue; approved (and later expired)
    // ones hold the answers a renewal starts from (answers only; documents are uploaded by real users).
    if (inv.kyc === "submitted" || approved) {
      const at = new Date((now - (approved ? 201 : 3) * DAY) * 1000);
      const professional = inv.category === "professional";
      await db.insert(schema.kycApplications).values({
        investorId: row!.id,
        wallet: address,
        status: approved ? "approved" : "submitted",
        submittedAt: at,
        ...(approved
          ? {
              decidedAt: approvedAt,
              decidedBy: addressOf(professional ? "marcus" : "grace").toLowerCase(),
              ...(professional ? { preApprovedBy: addressOf("grace").toLowerCase(), preApprovedAt: approvedAt } : {}),
              checklist: Object.fromEntries(
                ["identity_matches", "address_recent", "sanctions_clear", "category_evidence", "questionnaire_ok"].map(
                  (k) => [k, true],
                ),
              ),
            }
          : {}),
        data: {
          personal: {
            legalName: p.name,
            dateOfBirth: "1988-06-02",
            email: p.email ?? "",
            phone: "+852 9123 4567",
            address: "18 Hennessy Road, Wan Chai, Hong Kong",
          },
          residence: { nationality: inv.nationality, residence: inv.residence },
          category: professional
            ? { category: "professional", portfolioHkd: 12_500_000, declaredAt: at.toISOString() }
            : { category: "retail" },
          questionnaire: { answers: {}, score: 5, total: 5, passed: true, at: at.toISOString() },
          disclosures: ["loss", "illiquidity", "valuation", "custody", "regulation"].map((key) => ({
            key,
            version: "2026-01",
            acknowledgedAt: at.toISOString(),
          })),
        },
      });
    }
    if (approved) {
      onChainIds.set(p.key, onChainId);
      const record = [
        addressOf(p.key),
        onChainId,
        inv.residenceNumeric,
        CATEGORY[inv.category],
        BigInt(now + 165 * DAY),
      ] as const;
      if (inv.category === "retail") {
        await send(
          officer.writeContract({
            address: deployment.identityRegistry,
            abi: identityRegistryAbi,
            functionName: "registerInvestor",
            args: [...record],
          }),
        );
      } else {
        // Four eyes on-chain: Grace proposes the registration of a professional investor, Marcus confirms it.
        const [wallet, id, country, category, expiry] = record;
        await send(
          officer.writeContract({
            address: deployment.identityRegistry,
            abi: identityRegistryAbi,
            functionName: "proposeRegistration",
            args: [...record],
          }),
        );
        await send(
          secondOfficer.writeContract({
            address: deployment.identityRegistry,
            abi: identityRegistryAbi,
            functionName: "confirmProposal",
            args: [id, wallet, country, category, expiry],
          }),
        );
      }
      await send(
        admin.writeContract({
          address: deployment.paymentToken,
          abi: hKDStablecoinAbi,
          functionName: "mint",
          args: [addressOf(p.key), hkd(2_000_000)],
        }),
      );
    }
    await writeAudit(db, {
      actor: "system",
      actorRole: "seed",
      action: approved ? "kyc.approved" : `kyc.${inv.kyc}`,
      subjectType: "investor",
      subjectId: row!.id,
      after: { kycStatus: row!.kycStatus, wallet: address },
    });
    // What these investors were told of their decision: in the portal, and by email (the local inbox).
    if (approved || inv.kyc === "rejected") {
      await emitKycDecision(
        db,
        {
          investorId: row!.id,
          applicationId: `seed-${row!.id}`,
          event: approved ? "approve" : "reject",
          message: inv.rejectionReason ?? null,
          at: approvedAt ?? new Date((now - 2 * DAY) * 1000),
        },
        { appOrigin: env.appOrigin, unsubscribeSecret: env.unsubscribeSecret },
      );
    }
  }

  // --- Artworks, tokens, documents, offerings ------------------------------------------------------
  // Through the configured file store: the local folder, or the S3 bucket every instance reads.
  const storage = createConfiguredStorage(env);
  // First the two artworks whose holders vote on selling them (in the chain's past), then the others from today.
  for (const art of saleArtworks) await seedArtwork(art);
  await seedSales({
    db,
    publicClient,
    deployment,
    appOrigin: env.appOrigin,
    confirmations: env.confirmations,
    walletOf,
    send,
    hkd,
    log,
  });
  // The longest part of a first start: said artwork by artwork, so a first `npm start` shows it is moving.
  for (const [i, art] of artworks.entries()) {
    await seedArtwork(art);
    log(`seeded artwork ${i + 1} of ${artworks.length}: ${art.slug}`);
  }

  async function seedArtwork(art: DemoArtwork) {
    const issuerAddr = addressOf(art.issuer);
    const issuer = walletOf(art.issuer);
    const dir = path.posix.join("artworks", art.slug);
    const img = await renderArtwork(art.style, art.seed, art.palette);
    await storage.put(path.posix.join(dir, "main.webp"), img.full, { contentType: "image/webp" });
    await storage.put(path.posix.join(dir, "detail.webp"), img.detail, { contentType: "image/webp" });
    const images = [
      {
        src: `/media/artworks/${art.slug}/main.webp`,
        alt: `${art.title} by ${art.artist}`,
        width: img.width,
        height: img.height,
      },
      {
        src: `/media/artworks/${art.slug}/detail.webp`,
        alt: `Detail of ${art.title}`,
        width: img.width,
        height: img.height,
      },
    ];
    const metadata = {
      name: art.title,
      artist: art.artist,
      year: art.year,
      medium: art.medium,
      dimensions: art.dimensions,
      custodian: art.custodian,
      images: [
        { path: images[0]!.src, sha256: sha256Hex(img.full) },
        { path: images[1]!.src, sha256: sha256Hex(img.detail) },
      ],
    };
    const metadataBytes = Buffer.from(JSON.stringify(metadata, null, 2));
    await storage.put(path.posix.join(dir, "metadata.json"), metadataBytes, { contentType: "application/json" });
    const metadataUri = `${env.appOrigin}/media/artworks/${art.slug}/metadata.json`;
    const metadataHash = sha256Hex(metadataBytes);

    const [row] = await db
      .insert(schema.artworks)
      .values({
        slug: art.slug,
        issuerAddress: issuerAddr.toLowerCase(),
        title: art.title,
        titleZh: art.titleZh,
        artist: art.artist,
        artistBio: art.artistBio,
        year: art.year,
        medium: art.medium,
        dimensions: art.dimensions,
        descriptionMd: art.description,
        descriptionZh: art.descriptionZh,
        storyMd: art.story,
        storyZh: art.storyZh,
        conditionReport: art.condition,
        custodian: art.custodian,
        custodianLocation: art.custodianLocation,
        insurer: art.insurer,
        insuredValue: String(art.insuredValueHkd * 100),
        provenance: art.provenance,
        appraisals: art.appraisals.map((a) => ({
          date: a.date,
          value: String(a.valueHkd * 100),
          appraiser: a.appraiser,
        })),
        images,
        status: "approved",
        metadataUri,
        metadataHash,
      })
      .returning();
    const artworkId = row!.id;

    // Token
    const deployHash = await send(
      issuer.writeContract({
        address: deployment.shareTokenFactory,
        abi: shareTokenFactoryAbi,
        functionName: "deployToken",
        args: [
          `Atelier ${art.title}`,
          art.symbol,
          BigInt(art.totalShares),
          {
            allowedCountries: art.rules.allowedCountries,
            eligibleCategories: categoryMask(art.rules.categories),
            maxHolders: art.rules.maxHolders,
            maxBalancePerInvestor: BigInt(art.rules.maxPerInvestor),
            lockupSeconds: BigInt(art.rules.lockupDays * DAY),
          },
          metadataUri,
          metadataHash,
        ],
      }),
    );
    const receipt = await publicClient.getTransactionReceipt({ hash: deployHash });
    const [deployed] = parseEventLogs({ abi: shareTokenFactoryAbi, logs: receipt.logs, eventName: "TokenDeployed" });
    const token = deployed!.args.token as Address;

    // Documents, anchored on chain
    const docs = [
      {
        name: `appraisal-${art.appraisals.at(-1)!.date.slice(0, 4)}`,
        title: "Independent appraisal report",
        kind: "appraisal" as const,
        lines: [
          `Artwork: ${art.title} (${art.year}) by ${art.artist}`,
          `Medium: ${art.medium}; ${art.dimensions}`,
          `Appraised value: HKD ${art.appraisals.at(-1)!.valueHkd.toLocaleString("en")}`,
          `Appraiser: ${art.appraisals.at(-1)!.appraiser}`,
          `Date: ${art.appraisals.at(-1)!.date}`,
        ],
      },
      {
        name: "condition-report",
        title: "Condition report",
        kind: "condition" as const,
        lines: [
          `Artwork: ${art.title} by ${art.artist}`,
          `Condition: ${art.condition}`,
          "Examined under raking light and UV fluorescence.",
        ],
      },
      {
        name: "insurance-certificate",
        title: "Certificate of insurance",
        kind: "insurance" as const,
        lines: [
          `Insured object: ${art.title} by ${art.artist}`,
          `Insurer: ${art.insurer}`,
          `Sum insured: HKD ${art.insuredValueHkd.toLocaleString("en")}`,
          "Cover: all risks, nail to nail, including transit.",
        ],
      },
      {
        name: "custody-receipt",
        title: "Custody receipt",
        kind: "custody" as const,
        lines: [
          `Object: ${art.title} by ${art.artist}`,
          `Custodian: ${art.custodian}`,
          `Location: ${art.custodianLocation}`,
          "Held in segregated storage for the benefit of the share token holders.",
        ],
      },
    ];
    for (const doc of docs) {
      const pdf = simplePdf(doc.title, doc.lines);
      const rel = path.posix.join("artworks", art.slug, `${doc.name}.pdf`);
      await storage.put(rel, pdf, { contentType: "application/pdf" });
      const digest = sha256Hex(pdf);
      const [d] = await db
        .insert(schema.artworkDocuments)
        .values({
          artworkId,
          name: doc.name,
          title: doc.title,
          kind: doc.kind,
          filePath: rel,
          mime: "application/pdf",
          sizeBytes: pdf.length,
          sha256: digest,
        })
        .returning();
      await send(
        issuer.writeContract({
          address: token,
          abi: artworkShareTokenAbi,
          functionName: "setDocument",
          args: [stringToHex(doc.name, { size: 32 }), `${env.appOrigin}/documents/${d!.id}`, digest],
        }),
      );
    }

    // Offering
    const block = await publicClient.getBlock();
    const chainNow = Number(block.timestamp);
    const start = chainNow + art.offering.startsInDays * DAY;
    const end = start + art.offering.durationDays * DAY;
    const createHashTx = await send(
      issuer.writeContract({
        address: deployment.primaryOffering,
        abi: primaryOfferingAbi,
        functionName: "createOffering",
        args: [
          token,
          {
            pricePerShare: hkd(art.pricePerShareHkd),
            supplyCap: BigInt(art.totalShares),
            minTicket: BigInt(art.minTicket),
            maxTicket: BigInt(art.maxTicket),
            start: BigInt(Math.max(start, 0)),
            end: BigInt(end),
            eligibleCategories: categoryMask(art.offering.categories),
            treasury: issuerAddr,
          },
        ],
      }),
    );
    const created = parseEventLogs({
      abi: primaryOfferingAbi,
      logs: (await publicClient.getTransactionReceipt({ hash: createHashTx })).logs,
      eventName: "OfferingCreated",
    })[0]!;
    const offeringId = (created.args as { id: bigint }).id;
    await db.insert(schema.offerings).values({ artworkId, onChainId: offeringId.toString() });

    for (const [buyerKey, shares] of Object.entries(art.purchases)) {
      const buyer = walletOf(buyerKey);
      const cost = hkd(art.pricePerShareHkd) * BigInt(shares);
      await send(
        buyer.writeContract({
          address: deployment.paymentToken,
          abi: hKDStablecoinAbi,
          functionName: "approve",
          args: [deployment.primaryOffering, cost],
        }),
      );
      await send(
        buyer.writeContract({
          address: deployment.primaryOffering,
          abi: primaryOfferingAbi,
          functionName: "buy",
          args: [offeringId, BigInt(shares)],
        }),
      );
    }
    const sold = Object.values(art.purchases).reduce((a, b) => a + b, 0);
    if (art.close && sold < art.totalShares) {
      await send(
        issuer.writeContract({
          address: deployment.primaryOffering,
          abi: primaryOfferingAbi,
          functionName: "closeOffering",
          args: [offeringId],
        }),
      );
    }
    if (sold > 0 && (art.close || sold === art.totalShares)) {
      await send(
        issuer.writeContract({
          address: deployment.primaryOffering,
          abi: primaryOfferingAbi,
          functionName: "withdrawProceeds",
          args: [offeringId],
        }),
      );
    }
    for (const [from, to, shares] of art.transfers ?? []) {
      await send(
        walletOf(from).writeContract({
          address: token,
          abi: artworkShareTokenAbi,
          functionName: "transfer",
          args: [addressOf(to), BigInt(shares)],
        }),
      );
    }

    const status = sold === art.totalShares || art.close ? "trading" : "offering";
    await db
      .update(schema.artworks)
      .set({ tokenAddress: token.toLowerCase(), status })
      .where(eq(schema.artworks.id, artworkId));
    await writeAudit(db, {
      actor: issuerAddr.toLowerCase(),
      actorRole: "issuer",
      action: "artwork.seeded",
      subjectType: "artwork",
      subjectId: artworkId,
      after: { slug: art.slug, token, offeringId: offeringId.toString() },
      txHash: deployHash,
    });
  }

  // --- A few trades on the secondary market, and open orders ----------------------------------------
  if (deployment.market) await seedTrades(deployment.market);
  await seedDistribution({ db, publicClient, deployment, appOrigin: env.appOrigin, walletOf, send, hkd, log });

  async function seedTrades(market: Address) {
    const tokenOf = async (slug: string) => {
      const [row] = await db
        .select({ token: schema.artworks.tokenAddress })
        .from(schema.artworks)
        .where(eq(schema.artworks.slug, slug));
      return row!.token as Address;
    };
    let trades = 0;
    let open = 0;
    const [, feeBps] = await publicClient.readContract({ address: market, abi: marketAbi, functionName: "fee" });
    for (const t of trades_) {
      const token = await tokenOf(t.slug);
      const maker = walletOf(t.maker);
      const price = hkd(t.priceHkd);
      // Seeded orders stay open for 60 days from the chain's clock (the contract allows at most 90).
      const expiresAt = (await publicClient.getBlock()).timestamp + 60n * 86_400n;
      const placed = await send(
        t.side === "ask"
          ? (async () => {
              // The market's allowance must cover all of this maker's open asks on the token, this one included.
              const openAsks = await publicClient.readContract({
                address: market,
                abi: marketAbi,
                functionName: "openAskShares",
                args: [token, maker.account.address],
              });
              await send(
                maker.writeContract({
                  address: token,
                  abi: artworkShareTokenAbi,
                  functionName: "approve",
                  args: [market, openAsks + BigInt(t.shares)],
                }),
              );
              return maker.writeContract({
                address: market,
                abi: marketAbi,
                functionName: "placeAsk",
                // Seeded orders never cross the book; the fee cap only matters when an order trades on placement.
                args: [token, BigInt(t.shares), price, expiresAt, 100n],
              });
            })()
          : (async () => {
              await send(
                maker.writeContract({
                  address: deployment.paymentToken,
                  abi: hKDStablecoinAbi,
                  functionName: "approve",
                  args: [market, price * BigInt(t.shares)],
                }),
              );
              return maker.writeContract({
                address: market,
                abi: marketAbi,
                functionName: "placeBid",
                args: [token, BigInt(t.shares), price, expiresAt, 100n],
              });
            })(),
      );
      const [event] = parseEventLogs({
        abi: marketAbi,
        logs: (await publicClient.getTransactionReceipt({ hash: placed })).logs,
        eventName: "OrderPlaced",
      });
      const orderId = event!.args.orderId;
      open += 1;
      if (!t.taker) continue;
      const taker = walletOf(t.taker);
      const shares = BigInt(t.fill ?? t.shares);
      const [, cost, fee] = await publicClient.readContract({
        address: market,
        abi: marketAbi,
        functionName: "quote",
        args: [orderId, shares],
      });
      if (t.side === "ask") {
        await send(
          taker.writeContract({
            address: deployment.paymentToken,
            abi: hKDStablecoinAbi,
            functionName: "approve",
            args: [market, cost + fee],
          }),
        );
      } else {
        await send(
          taker.writeContract({
            address: token,
            abi: artworkShareTokenAbi,
            functionName: "approve",
            args: [market, shares],
          }),
        );
      }
      await send(
        taker.writeContract({
          address: market,
          abi: marketAbi,
          functionName: "fill",
          args: [orderId, shares, price, feeBps],
        }),
      );
      trades += 1;
      if (shares === BigInt(t.shares)) open -= 1;
    }
    log(`seeded ${trades} trades and ${open} open orders on the market`);
  }

  // --- An investor whose KYC expired while holding shares ----------------------------------------
  for (const p of people.filter((x) => x.investor?.kyc === "expired")) {
    const id = onChainIds.get(p.key)!;
    const expiredAt = now - 12 * DAY;
    await send(
      officer.writeContract({
        address: deployment.identityRegistry,
        abi: identityRegistryAbi,
        functionName: "updateInvestor",
        args: [id, p.investor!.residenceNumeric, CATEGORY[p.investor!.category], BigInt(expiredAt)],
      }),
    );
    const [expired] = await db
      .update(schema.investors)
      .set({ kycStatus: "expired", kycExpiresAt: new Date(expiredAt * 1000) })
      .where(eq(schema.investors.onChainId, id))
      .returning({ id: schema.investors.id });
    await db
      .update(schema.kycApplications)
      .set({ status: "expired" })
      .where(eq(schema.kycApplications.investorId, expired!.id));
  }

  // --- The demo issuers' company profiles (name, about, logo) on their artworks' pages --------------
  await seedIssuerProfiles({ db, storage, addressOf });

  // --- A gallery's issuer application waiting in the compliance queue ------------------------------
  await seedIssuerApplication({
    db,
    env,
    storage,
    applicant: demoAccount(PENDING_GALLERY_ACCOUNT).address,
    at: new Date((now - 2 * DAY) * 1000),
  });
  log("seeded a pending issuer application (Kowloon Modern Gallery, anvil account 13)");

  writeFileSync(
    seedMarkerFile(env),
    JSON.stringify({ identityRegistry: deployment.identityRegistry, seededAt: new Date().toISOString() }, null, 2),
  );
  log(`demo data seeded in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

/** The demo accounts, for the console and the demo wallet. */
export function demoAccounts(): { person: DemoPerson; address: Address }[] {
  return people.map((person) => ({ person, address: demoAccount(person.account).address }));
}

export function printDemoWallets(env: ServerEnv) {
  const rows = demoAccounts();
  console.log(
    "\nDemo wallets (anvil dev accounts; use the demo wallet in the connect dialog, or import a key into your wallet):",
  );
  for (const { person, address } of rows) {
    console.log(`  #${String(person.account).padEnd(2)} ${address}  ${person.name.padEnd(26)} ${person.description}`);
  }
  console.log(`\nOpen ${env.appOrigin} — Ctrl-C stops the server and the chain (state is kept in ${env.dataDir}).\n`);
}
