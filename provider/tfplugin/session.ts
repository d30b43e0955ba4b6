import type { Attributes } from '../../core/values.js';
import { createHandlerContext } from '../handlers/context.js';
import type { HandlerContext } from '../handlers/types.js';
import type { ProviderHost } from './providerConfig.js';

/**
 * What one provider process knows: the configured hosts, a handler context over their agents
 * (each inventory fetched once per process), and what it planned so far. Terraform plans a
 * resource only after everything it refers to, so a volume's plan finds its pool here, a VM's
 * its volumes and cluster, a port group's its switch.
 */
export class Session {
  hosts = new Map<string, ProviderHost>();
  ctx: HandlerContext = createHandlerContext(new Map());
  /** Terraform's working directory (the provider runs in it): the configuration it evaluates to place grouped VMs. */
  configDir = process.cwd();
  private readonly planned = new Map<string, Attributes>();
  private readonly pins = new Map<string, string>();
  private readonly stop = new AbortController();

  /** True once Terraform sent StopProvider: nothing new starts, agent calls in flight are cancelled. */
  get stopped(): boolean {
    return this.stop.signal.aborted;
  }

  /** StopProvider: cancels every agent call in flight (their RPCs answer at once with NSSV_AGENT_CANCELLED). */
  requestStop(): void {
    this.stop.abort(new Error('Terraform asked the provider to stop (interrupted)'));
  }

  configure(hosts: Map<string, ProviderHost>): void {
    this.hosts = hosts;
    this.ctx = createHandlerContext(hosts, { signal: this.stop.signal });
  }

  remember(type: string, a: Attributes): void {
    if (typeof a.name === 'string') this.planned.set(`${type}/${a.name}`, a);
  }

  /** The host_id the configuration sets for an instance planned in this process (not a computed one). */
  pin(type: string, name: unknown, host: unknown): void {
    if (typeof name === 'string' && typeof host === 'string') this.pins.set(`${type}/${name}`, host);
  }

  pinnedHost(type: string, name: string): string | undefined {
    return this.pins.get(`${type}/${name}`);
  }

  recall(type: string, name: unknown): Attributes | undefined {
    return typeof name === 'string' ? this.planned.get(`${type}/${name}`) : undefined;
  }

  hostsOf(clusters: readonly string[]): string[] {
    return [...this.hosts.values()]
      .filter((h) => clusters.includes(h.cluster))
      .map((h) => h.host)
      .sort();
  }
}
