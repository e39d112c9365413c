import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { S3Settings } from "@/lib/env";

/**
 * A real S3 protocol server (s3rver, a devDependency) on loopback for tests: a free port chosen by the system, a
 * fresh folder, one bucket. `stop()` closes it and removes the folder. Never imported by the app.
 */
export async function startTestS3Server(bucket = "atelier-test"): Promise<{
  settings: S3Settings;
  endpoint: string;
  directory: string;
  stop: () => Promise<void>;
}> {
  const { default: S3rver } = await import("s3rver");
  const directory = mkdtempSync(path.join(tmpdir(), "atelier-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    directory,
    settings: {
      endpoint,
      bucket,
      region: "us-east-1",
      // s3rver's own fixed credentials: it checks request signatures with them.
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
    },
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
