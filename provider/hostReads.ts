import type { HostFacts, Inventory } from '../schemas/generated/agentApi.js';
import type { ConditionalInventory, HandlerContext } from './handlers/types.js';

/** What an agent's inventory says of its host, kept with the inventory's tag. */
export type TaggedFacts = Pick<HostFacts, 'name' | 'cpus' | 'memoryMiB'> & Pick<Inventory, 'pciDevices'>;

/**
 * A host whose inventory, under the tag `etag`, was read against this very state, and showed
 * every instance the state records on it as recorded.
 */
export interface TaggedHost {
  etag: string;
  facts: TaggedFacts;
}

/** How a host read with a tag went. */
export interface TaggedRead {
  etag: string;
  /** The agent answered 304: its inventory is still the one of the tag known for this state. */
  unchanged: boolean;
  /** An instance on the host read back other than its record, or a read failed. */
  differs: boolean;
  /** What the inventory says of the host (from the tag's facts when unchanged). */
  facts?: TaggedFacts;
}

/**
 * The hosts' inventories as one refresh reads them: once per host, conditionally when the
 * refresh is given tags (RefreshOptions.tags), with what each tagged read showed.
 */
export class HostReads {
  readonly tagged = new Map<string, TaggedRead>();
  private readonly reads = new Map<string, Promise<ConditionalInventory>>();

  constructor(
    private readonly ctx: HandlerContext,
    private readonly known: ReadonlyMap<string, TaggedHost> | undefined,
  ) {}

  /** Whether this refresh reads conditionally (and reports the tagged reads). */
  get tagging(): boolean {
    return this.known !== undefined && this.ctx.conditionalInventory !== undefined;
  }

  read(host: string): Promise<ConditionalInventory> {
    let p = this.reads.get(host);
    if (!p) {
      p = this.tagging ? this.conditional(host) : this.plain(host);
      this.reads.set(host, p);
    }
    return p;
  }

  private plain(host: string): Promise<ConditionalInventory> {
    return this.ctx.inventory(host).then((inventory) => ({ unchanged: false, inventory, etag: undefined }));
  }

  private async conditional(host: string): Promise<ConditionalInventory> {
    const seen = await this.ctx.conditionalInventory!(host);
    const known = this.known!.get(host);
    // A 304 to a tag this refresh does not know the facts of (not asked with it): read it whole.
    if (seen.unchanged && known?.etag !== seen.etag) return this.plain(host);
    if (seen.etag !== undefined) {
      const facts = seen.unchanged ? known!.facts : factsOf(seen.inventory);
      this.tagged.set(host, { etag: seen.etag, unchanged: seen.unchanged, differs: false, facts });
    }
    return seen;
  }

  /**
   * Those of these hosts that answered 304 (none when not tagging; a failed read is not one): each
   * reads every record on it back as recorded, as when its tag was kept.
   */
  async unchangedAmong(hosts: readonly string[]): Promise<Set<string>> {
    const unchanged = new Set<string>();
    if (!this.tagging) return unchanged;
    await Promise.all(
      hosts.map((h) =>
        this.read(h).then(
          (s) => {
            if (s.unchanged) unchanged.add(h);
          },
          () => undefined,
        ),
      ),
    );
    return unchanged;
  }

  /** What the host's inventory says of it. */
  async facts(host: string): Promise<TaggedFacts> {
    const seen = await this.read(host);
    return seen.unchanged ? this.tagged.get(host)!.facts! : factsOf(seen.inventory);
  }

  differs(host: string): void {
    const t = this.tagged.get(host);
    if (t) t.differs = true;
  }
}

function factsOf(inv: Inventory): TaggedFacts {
  const { name, cpus, memoryMiB } = inv.host;
  return { name, cpus, memoryMiB, ...(inv.pciDevices ? { pciDevices: inv.pciDevices } : {}) };
}
