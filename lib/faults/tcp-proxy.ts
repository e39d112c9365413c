/**
 * Test helper for the faults suite: a TCP proxy (node `net`) between a client and a server that a test can cut and
 * restore, so that a dependency "goes down" for the code under test without stopping the real server (which other
 * tests share). `cutOn` cuts every connection the moment the client sends bytes containing a marker (for example
 * the SQL text of one statement), before those bytes reach the server: a fault in the middle of an action.
 */
import { createServer, type Server, type Socket, connect } from "node:net";

export type TcpProxy = {
  port: number;
  /** Destroys every open connection and refuses new ones until `restore()`. */
  cut: () => void;
  restore: () => void;
  /** Cuts (as `cut`) when the client next sends bytes containing `marker`; the promise resolves when it happened. */
  cutOn: (marker: string) => Promise<void>;
  close: () => Promise<void>;
};

export async function startTcpProxy({ host, port }: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let down = false;
  let trigger: { marker: Buffer; fired: () => void } | null = null;

  const cut = () => {
    down = true;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };

  const server: Server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect({ host, port });
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
    client.on("data", (chunk: Buffer) => {
      if (trigger && chunk.includes(trigger.marker)) {
        const { fired } = trigger;
        trigger = null;
        cut();
        fired();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("proxy has no port");

  return {
    port: address.port,
    cut,
    restore: () => {
      down = false;
    },
    cutOn: (marker) =>
      new Promise<void>((resolve) => {
        trigger = { marker: Buffer.from(marker), fired: resolve };
      }),
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
