/**
 * The local mail catcher `npm start` runs when SMTP_URL is not set on the local chain: maildev, catching every
 * email the portal sends (SMTP on MAILDEV_SMTP_PORT, default 1025) and showing them in a web inbox with a REST API
 * (MAILDEV_WEB_PORT, default 1080; `GET /email` lists them). Emails are kept in DATA_DIR/mail across restarts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

export type MailCatcher = { smtpUrl: string; inboxUrl: string; stop: () => Promise<void> };

/** The SMTP address of a catcher on `smtpPort`, known before it answers. */
export const mailCatcherSmtpUrl = (smtpPort: number) => `smtp://127.0.0.1:${smtpPort}`;

async function waitForInbox(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`maildev exited (${child.exitCode}): is its port taken?`);
    try {
      const res = await fetch(`${url}/email`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`maildev did not answer on ${url} within 30 s`);
}

export async function startMailCatcher({
  smtpPort,
  webPort,
  dataDir,
}: {
  smtpPort: number;
  webPort: number;
  dataDir: string;
}): Promise<MailCatcher> {
  const mailDir = path.join(dataDir, "mail");
  mkdirSync(mailDir, { recursive: true });
  const bin = path.join("node_modules", ".bin", "maildev");
  const child = spawn(
    bin,
    [
      "--smtp",
      String(smtpPort),
      "--web",
      String(webPort),
      "--ip",
      "127.0.0.1",
      "--mail-directory",
      mailDir,
      "--silent",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  await waitForInbox(inboxUrl, child);
  return {
    smtpUrl: mailCatcherSmtpUrl(smtpPort),
    inboxUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
