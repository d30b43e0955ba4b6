import type { Inventory } from '../../schemas/generated/agentApi.js';
import type { Attributes } from '../../core/values.js';
import type { AgentClient } from '../agent/client.js';

/** What a handler may use: agents by host id, and each host's inventory fetched once. */
export interface HandlerContext {
  agent(hostId: string): AgentClient;
  /** The host's inventory, fetched at most once per context until invalidated. */
  inventory(hostId: string): Promise<Inventory>;
  /** Forget a host's cached inventory (after a change on that host). */
  invalidate(hostId: string): void;
  /**
   * For a refresh whose hosts were asked with the tags of their last inventories (If-None-Match):
   * the host's inventory with its tag, or `unchanged` when the agent answered 304 (the inventory
   * is still the one that tag names; it is not read, and `inventory` asks for it again if a
   * handler needs it). Absent on contexts that cannot tell (then read `inventory`).
   */
  conditionalInventory?(hostId: string): Promise<ConditionalInventory>;
}

/** What a conditional inventory read found (see HandlerContext.conditionalInventory). */
export type ConditionalInventory =
  { unchanged: true; etag: string } | { unchanged: false; inventory: Inventory; etag: string | undefined };

/**
 * A read that needs nothing but one host's inventory. A refresh reads all of a host's instances
 * of such types from its one answer, in a loop, instead of an async read (and its promise) per
 * instance: at 10,000 VMs those pending reads, and their compiles, were a good part of a plan.
 */
export interface InventoryRead {
  /** The host whose inventory shows the instance. */
  hostOf(prior: Attributes): string;
  /** The live attributes that inventory shows, or null when it has no such object. */
  from(inv: Inventory, prior: Attributes): Attributes | null;
}

/**
 * Create/read/update/delete of one resource type against the agents.
 * Both the native apply engine and the Terraform plugin server call these; attributes are the
 * resource's full planned attributes (defaults applied, ids and placements resolved).
 */
export interface ResourceHandler {
  readonly type: string;
  /**
   * The live attributes of an instance applied before, or null when it no longer exists.
   * `asRecordedOn`: hosts among readHosts whose inventories are known to read this very record
   * back as recorded (unchanged since a refresh saw it so: a 304 to an inventory tag); a read may
   * take the record's part on them as recorded instead of asking them.
   */
  read(
    ctx: HandlerContext,
    address: string,
    prior: Attributes,
    asRecordedOn?: ReadonlySet<string>,
  ): Promise<Attributes | null>;
  /** For types whose read is one host's inventory: the same read, in two parts (read is made from them). */
  readonly inventoryRead?: InventoryRead;
  /**
   * The hosts whose inventories `read` asks for, and nothing else goes into what it returns: when
   * every one of them still has the inventory a refresh saw this record read back from, the
   * record stands as read. Absent: read is always run.
   */
  readHosts?(prior: Attributes): string[];
  /** Create it; returns the attributes to record (computed ones filled in). */
  create(ctx: HandlerContext, address: string, planned: Attributes): Promise<Attributes>;
  /** Change it in place; returns the attributes to record. */
  update(ctx: HandlerContext, address: string, prior: Attributes, planned: Attributes): Promise<Attributes>;
  delete(ctx: HandlerContext, address: string, prior: Attributes): Promise<void>;
  /**
   * Undo of an update (from `after` back to `before`) when restoring `before` exactly would lose
   * data or cannot be done: converge to what is safe and say what was kept in `note`. Without it
   * the undo is update(after -> before).
   */
  undoUpdate?(
    ctx: HandlerContext,
    address: string,
    after: Attributes,
    before: Attributes,
  ): Promise<{ attributes: Attributes; note?: string }>;
  /**
   * Undo of a delete when create(before) would not bring the data back (a volume: restored from
   * the trash). Without it the undo is create(before).
   */
  undoDelete?(
    ctx: HandlerContext,
    address: string,
    before: Attributes,
  ): Promise<{ attributes: Attributes; note?: string }>;
  /** After the whole apply succeeded: finish a delete that was kept undoable (purge the trash entry). */
  commitDelete?(ctx: HandlerContext, address: string, before: Attributes): Promise<void>;
  /**
   * Objects with this instance's identity that already exist on its hosts, described for a
   * message (`domain "web1" on h1, managed as nssv_vm.web1`). Before a create, anything found
   * belongs to someone else: nssv never takes over what it did not create.
   */
  occupied?(ctx: HandlerContext, planned: Attributes): Promise<string[]>;
}
