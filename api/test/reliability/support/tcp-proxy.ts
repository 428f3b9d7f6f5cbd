/**
 * A TCP proxy (node:net) that can black-hole traffic: while cut, bytes in both
 * directions are dropped and new connections are accepted but never reach the
 * target — a network partition, where nothing answers and nothing resets.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class PartitionProxy {
  private server?: Server;
  private pairs = new Set<[Socket, Socket | null]>();
  cut = false;
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const pair: [Socket, Socket | null] = [client, null];
      this.pairs.add(pair);
      client.on('close', () => {
        pair[1]?.destroy();
        this.pairs.delete(pair);
      });
      client.on('error', () => {});
      if (this.cut) return void client.on('data', () => {});
      const upstream = createConnection(this.targetPort, this.targetHost);
      pair[1] = upstream;
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => client.destroy());
      client.on('data', (d) => {
        if (!this.cut) upstream.write(d);
      });
      upstream.on('data', (d) => {
        if (!this.cut) client.write(d);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as { port: number }).port;
  }

  /** Ends the partition: connections that lived through it are reset, new ones pass. */
  heal(): void {
    for (const [c, u] of this.pairs) {
      c.destroy();
      u?.destroy();
    }
    this.pairs.clear();
    this.cut = false;
  }

  async close(): Promise<void> {
    this.heal();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
