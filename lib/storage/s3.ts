import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { S3Settings } from "@/lib/env";
import {
  type FileStorage,
  normalizeKey,
  type ResolvedDriver,
  StorageDeleteError,
  storeOf,
  type StoredStat,
} from "./storage";

/** A missing object: GetObject says NoSuchKey, HeadObject (no body) only 404. */
function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
}

function statFrom(head: { ContentLength?: number; ETag?: string; VersionId?: string }): StoredStat {
  // An ETag changes with every write of other bytes (a versioned bucket adds the version id): a hash cached per
  // version is never stale.
  const version = [head.ETag ?? "", head.VersionId ?? ""].filter(Boolean).join(":");
  return { size: head.ContentLength ?? null, version, stable: version !== "" };
}

/**
 * Files in an S3-compatible object store (AWS S3, MinIO, R2…): what every instance behind a load balancer sees.
 * The bucket must exist; objects are private (the app serves them through its own routes). Keys are normalised
 * like local paths: one that would leave the root names nothing.
 */
export function createS3Storage(settings: S3Settings, client?: S3Client): FileStorage & { readonly client: S3Client } {
  const s3 =
    client ??
    new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: settings.credentials,
      forcePathStyle: settings.forcePathStyle,
      // Checksums only where the API requires them: not every S3-compatible store accepts the newer ones.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  const Bucket = settings.bucket;

  async function head(Key: string): Promise<StoredStat | null> {
    try {
      return statFrom(await s3.send(new HeadObjectCommand({ Bucket, Key })));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  const driver: ResolvedDriver<string> = {
    async put(Key, body, options) {
      await s3.send(new PutObjectCommand({ Bucket, Key, Body: body, ContentType: options?.contentType }));
    },
    async get(Key) {
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket, Key }));
        return res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async stream(Key) {
      try {
        const res = await s3.send(new GetObjectCommand({ Bucket, Key }));
        const body = res.Body
          ? (res.Body.transformToWebStream() as ReadableStream<Uint8Array>)
          : new Response(new Uint8Array()).body!;
        return { body, stat: statFrom(res) };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    stat: head,
    async delete(Key) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key }));
    },
    async deletePrefix(folder) {
      let ContinuationToken: string | undefined;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: `${folder}/`, ContinuationToken }));
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length > 0) {
          // Quiet mode answers only the objects it could not delete: any such object fails the call, so a
          // listing's folder is never reported gone while files of it remain.
          const res = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys, Quiet: true } }));
          const failed = res.Errors ?? [];
          if (failed.length > 0)
            throw new StorageDeleteError(
              folder,
              failed.map((e) => `${e.Key}: ${e.Code}`),
            );
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
  return storeOf("s3", normalizeKey, driver, { client: s3 });
}
