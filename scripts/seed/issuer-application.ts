/**
 * The demo's pending issuer application: a gallery (anvil account 13, a wallet nothing else in the demo uses) has
 * applied to list artworks, with its three company documents sealed at rest exactly as the portal seals them
 * (AES-256-GCM, the document id bound), so an officer can open the queue, read the documents and decide.
 */
import { createHash, randomUUID } from "node:crypto";
import { getAddress } from "viem";
import { writeAudit } from "../../lib/audit";
import type { Database } from "../../lib/db/connect";
import * as schema from "../../lib/db/schema";
import type { ServerEnv } from "../../lib/env";
import { encryptDocument, parseKey } from "../../lib/kyc/crypto";
import type { FileStorage } from "../../lib/storage/storage";
import { simplePdf } from "./pdf";

export const PENDING_GALLERY_ACCOUNT = 13;

const DOCUMENTS = [
  ["certificate_of_incorporation", "Certificate of Incorporation", ["Company No. 2718281", "Incorporated 3 May 2016"]],
  ["business_registration", "Business Registration Certificate", ["BR No. 62831853", "Valid until 2 May 2027"]],
  [
    "board_resolution",
    "Board Resolution",
    ["Resolved: to apply to Atelier as an issuer", "Signatory: Irene Ho, Director"],
  ],
] as const;

export async function seedIssuerApplication({
  db,
  env,
  storage,
  applicant,
  at,
}: {
  db: Database;
  env: ServerEnv;
  storage: FileStorage;
  applicant: string;
  at: Date;
}): Promise<void> {
  const wallet = getAddress(applicant);
  const [app] = await db
    .insert(schema.issuerApplications)
    .values({
      applicant: wallet.toLowerCase(),
      status: "submitted",
      submittedAt: at,
      data: {
        legalNameEn: "Kowloon Modern Gallery Limited",
        legalNameZh: "九龍現代畫廊有限公司",
        crNumber: "2718281",
        brNumber: "62831853",
        registeredAddress: "12/F, 88 Nathan Road, Tsim Sha Tsui, Kowloon, Hong Kong",
        people: [
          { name: "Irene Ho", role: "Director" },
          { name: "Kelvin Lau", role: "Director and authorised signatory" },
        ],
        signatoryWallets: [wallet],
        listingPlan:
          "Contemporary Hong Kong ink paintings and photography by gallery artists: two to four works a year, held by an insured fine-art custodian in Kwai Chung.",
      },
    })
    .returning();
  if (!env.documentEncryptionKey) return;
  const key = parseKey(env.documentEncryptionKey);
  for (const [kind, title, lines] of DOCUMENTS) {
    const content = simplePdf(title, ["Kowloon Modern Gallery Limited", ...lines]);
    const id = randomUUID();
    const filePath = `kyb/${app!.id}/${id}.bin`;
    await storage.put(filePath, encryptDocument({ key, plaintext: content, aad: id }), {
      contentType: "application/octet-stream",
    });
    await db.insert(schema.issuerApplicationDocuments).values({
      id,
      applicationId: app!.id,
      kind,
      originalName: `${kind}.pdf`,
      mime: "application/pdf",
      sizeBytes: content.length,
      sha256: `0x${createHash("sha256").update(content).digest("hex")}`,
      filePath,
      uploadedBy: wallet.toLowerCase(),
    });
  }
  await writeAudit(db, {
    actor: wallet.toLowerCase(),
    actorRole: "applicant",
    action: "kyb.submit",
    subjectType: "issuer_application",
    subjectId: app!.id,
    before: { status: "draft" },
    after: { status: "submitted" },
  });
}
