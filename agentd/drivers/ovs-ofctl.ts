import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Exec } from '../util/exec.js';
import { runTool } from './tool.js';

export interface DumpedFlow {
  cookie: bigint;
  table: number;
  priority: number;
  packets: number;
}

/** Pauses before a failed command on a bridge whose socket is still there is tried again. */
const GONE_PAUSES_MS = [200, 800];

/**
 * OpenFlow tables of one host's bridges through ovs-ofctl (OpenFlow 1.3: conntrack matches need
 * OXM), on each bridge's management socket next to the ovsdb socket (the OVS run directory).
 */
export class OvsOfctl {
  constructor(
    private readonly exec: Exec,
    private readonly ovsDbSocket: string,
    private readonly file = 'ovs-ofctl',
  ) {}

  private socket(bridge: string): string {
    return path.join(path.dirname(this.ovsDbSocket), `${bridge}.mgmt`);
  }

  private target(bridge: string): string {
    return `unix:${this.socket(bridge)}`;
  }

  /**
   * Runs work on a bridge; when it fails because the bridge is gone (deleted by a concurrent
   * request while the caller's list of bridges was read), answers `gone` instead of failing.
   * ovs-vswitchd refuses the bridge's connections a moment before its socket file goes, so a
   * failure while the file is still there is looked at again after a pause (twice) before it
   * counts.
   */
  private async onBridge<T>(bridge: string, gone: T, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (e) {
        if (!existsSync(this.socket(bridge))) return gone;
        if (attempt > GONE_PAUSES_MS.length) throw e;
        await new Promise((resolve) => setTimeout(resolve, GONE_PAUSES_MS[attempt - 1]));
        if (!existsSync(this.socket(bridge))) return gone;
      }
    }
  }

  /** Makes the bridge's table exactly `flows` (ovs-ofctl flow lines): unchanged flows keep their counters. */
  async replaceFlows(bridge: string, flows: string): Promise<void> {
    await this.onBridge(bridge, undefined, async () => {
      await runTool(
        this.exec,
        this.file,
        ['-O', 'OpenFlow13', 'replace-flows', this.target(bridge), '-'],
        `install the flows of switch ${bridge}`,
        { input: flows },
      );
    });
  }

  /** The bridge's flows; null when the bridge no longer exists. */
  async dumpFlows(bridge: string): Promise<DumpedFlow[] | null> {
    const result = await this.onBridge(bridge, null, () =>
      runTool(
        this.exec,
        this.file,
        ['-O', 'OpenFlow13', 'dump-flows', this.target(bridge)],
        `read the flows of switch ${bridge}`,
      ),
    );
    if (result === null) return null;
    return result.stdout
      .split('\n')
      .filter((l) => l.includes('cookie='))
      .map((l) => ({
        cookie: BigInt(/cookie=(0x[0-9a-f]+)/.exec(l)?.[1] ?? '0x0'),
        table: Number(/table=(\d+)/.exec(l)?.[1] ?? 0),
        priority: Number(/priority=(\d+)/.exec(l)?.[1] ?? 32768),
        packets: Number(/n_packets=(\d+)/.exec(l)?.[1] ?? 0),
      }));
  }
}
