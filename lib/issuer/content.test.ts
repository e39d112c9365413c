import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { simplePdf } from "@/scripts/seed/pdf";
import { checkPdf, processImage, sniffImage } from "./content";
import { LIMITS } from "./validation";

const png = () =>
  sharp({ create: { width: 3000, height: 1500, channels: 3, background: "#336699" } })
    .png()
    .toBuffer();

describe("upload content checks", () => {
  it("recognises images by their bytes, not their name", async () => {
    expect(sniffImage(await png())).toBe("png");
    expect(
      sniffImage(
        await sharp(await png())
          .jpeg()
          .toBuffer(),
      ),
    ).toBe("jpeg");
    expect(
      sniffImage(
        await sharp(await png())
          .webp()
          .toBuffer(),
      ),
    ).toBe("webp");
    expect(sniffImage(Buffer.from("GIF89a not allowed"))).toBeNull();
    expect(sniffImage(simplePdf("x", ["y"]))).toBeNull();
  });

  it("re-encodes an image as WebP within 2400 px", async () => {
    const r = await processImage(await png());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(sniffImage(r.image.bytes)).toBe("webp");
    expect(r.image.width).toBe(2400);
    expect(r.image.height).toBe(1200);
  });

  it("refuses a non-image, a truncated image, a tiny image and an oversized file", async () => {
    expect(await processImage(Buffer.from("hello"))).toEqual({ ok: false, reason: "notImage" });
    const truncated = (await png()).subarray(0, 60);
    expect(await processImage(truncated)).toEqual({ ok: false, reason: "unreadableImage" });
    const tiny = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    expect(await processImage(tiny)).toEqual({ ok: false, reason: "imageTooSmall" });
    expect(await processImage(new Uint8Array(LIMITS.imageBytes + 1))).toEqual({ ok: false, reason: "tooLarge" });
    expect(await processImage(new Uint8Array(0))).toEqual({ ok: false, reason: "empty" });
  });

  it("accepts a real PDF with its SHA-256 and refuses anything else", async () => {
    const pdf = simplePdf("Appraisal", ["Value: HKD 1"]);
    const r = checkPdf(pdf);
    expect(r.ok && r.sha256).toMatch(/^0x[0-9a-f]{64}$/);
    expect(checkPdf(await png())).toEqual({ ok: false, reason: "notPdf" });
    expect(checkPdf(Buffer.from("%PDF-1.4 but never ends"))).toEqual({ ok: false, reason: "notPdf" });
    expect(checkPdf(new Uint8Array(LIMITS.documentBytes + 1))).toEqual({ ok: false, reason: "tooLarge" });
  });
});
