/**
 * A host's management link for the network-cut test: a TCP relay the CLI reaches the host's
 * agent through. In this sandbox agentd listens on 127.0.0.1 in the root namespace, so taking a
 * host namespace's link down would not touch the CLI's traffic; the relay is where the cable is
 * pulled instead. cut(): every open connection is reset (requests in flight lose their answers,
 * which the agent may still be working on) and new ones are reset as they arrive; restore()
 * plugs it back.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export class ManagementLink {
  private server: Server | undefined;
  private readonly open = new Set<Socket>();
  private up = true;
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (!this.up) {
        client.resetAndDestroy();
        return;
      }
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.open.add(s);
        s.on('close', () => this.open.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => (client.destroyed ? undefined : client.resetAndDestroy()));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  cut(): void {
    this.up = false;
    for (const s of this.open) s.resetAndDestroy();
  }

  restore(): void {
    this.up = true;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
