import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import type { S3Settings } from "@/lib/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import { StorageDeleteError } from "./storage";

/*
 * The drivers' edges that a well-behaved test server does not show: a file replaced while it is being streamed,
 * an object store answering without a length, and a bulk delete that keeps some objects.
 */

const text = async (body: ReadableStream<Uint8Array>) => new Response(body).text();

describe("local driver", () => {
  it("streams the bytes of the file it opened, with their stat, even when the file is replaced meanwhile", async () => {
    const storage = createLocalStorage(mkdtempSync(path.join(tmpdir(), "atelier-edges-")));
    await storage.put("a/doc.txt", Buffer.from("first version"));
    const opened = await storage.stream("a/doc.txt");
    expect(opened).not.toBeNull();
    await storage.put("a/doc.txt", Buffer.from("second, longer version"));
    expect(await text(opened!.body)).toBe("first version");
    expect(opened!.stat.size).toBe("first version".length);
    expect((await storage.get("a/doc.txt"))!.toString()).toBe("second, longer version");
  });

  it("leaves no partial or temporary file behind a write", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "atelier-edges-"));
    const storage = createLocalStorage(root);
    await storage.put("b/one.bin", new Uint8Array(1024));
    await storage.put("b/one.bin", new Uint8Array(10));
    expect(readdirSync(path.join(root, "b"))).toEqual(["one.bin"]);
    expect((await storage.stat("b/one.bin"))!.size).toBe(10);
  });

  it("finds nothing to stream at a folder or a missing path", async () => {
    const storage = createLocalStorage(mkdtempSync(path.join(tmpdir(), "atelier-edges-")));
    await storage.put("c/d/e.txt", Buffer.from("x"));
    expect(await storage.stream("c/d")).toBeNull();
    expect(await storage.stream("c/missing.txt")).toBeNull();
    expect(await storage.stream("c/d/e.txt/below")).toBeNull();
  });
});

/** An S3 client that answers each command by name, as a store would, and records what it was sent. */
function fakeS3(answers: Record<string, (input: Record<string, unknown>) => unknown>) {
  const sent: string[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push(name);
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected ${name}`);
      return answer(command.input);
    },
  } as unknown as S3Client;
  return { client, sent };
}

const settings: S3Settings = { bucket: "atelier", region: "us-east-1", forcePathStyle: true } as S3Settings;

describe("S3 driver", () => {
  it("states no size when the store answers without a length (never a guessed 0)", async () => {
    const { client } = fakeS3({
      GetObjectCommand: () => ({
        ETag: '"abc"',
        Body: { transformToWebStream: () => new Response("chunked bytes").body },
      }),
      HeadObjectCommand: () => ({ ETag: '"abc"' }),
    });
    const storage = createS3Storage(settings, client);
    const found = await storage.stream("artworks/x/image.webp");
    expect(found!.stat.size).toBeNull();
    expect(await text(found!.body)).toBe("chunked bytes");
    expect((await storage.stat("artworks/x/image.webp"))!.size).toBeNull();
  });

  it("fails a folder delete when the store keeps any of its objects, naming them", async () => {
    const { client, sent } = fakeS3({
      ListObjectsV2Command: () => ({ Contents: [{ Key: "artworks/x/a.pdf" }, { Key: "artworks/x/b.pdf" }] }),
      DeleteObjectsCommand: () => ({ Errors: [{ Key: "artworks/x/b.pdf", Code: "AccessDenied" }] }),
    });
    const storage = createS3Storage(settings, client);
    const failure = await storage.deletePrefix("artworks/x").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageDeleteError);
    expect((failure as StorageDeleteError).failures).toEqual(["artworks/x/b.pdf: AccessDenied"]);
    expect(sent).toEqual(["ListObjectsV2Command", "DeleteObjectsCommand"]);
  });

  it("deletes a folder page by page when the store keeps nothing", async () => {
    let page = 0;
    const { client, sent } = fakeS3({
      ListObjectsV2Command: () =>
        ++page === 1
          ? { Contents: [{ Key: "artworks/x/a.pdf" }], IsTruncated: true, NextContinuationToken: "t" }
          : { Contents: [{ Key: "artworks/x/b.pdf" }] },
      DeleteObjectsCommand: () => ({}),
    });
    await createS3Storage(settings, client).deletePrefix("artworks/x");
    expect(sent).toEqual([
      "ListObjectsV2Command",
      "DeleteObjectsCommand",
      "ListObjectsV2Command",
      "DeleteObjectsCommand",
    ]);
  });
});
