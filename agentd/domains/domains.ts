import { randomUUID } from 'node:crypto';
import { type SeedNic, seedFiles } from '../cloudinit/seed-files.js';
import type { Seeds, WrittenSeed } from '../cloudinit/seeds.js';
import type {
  CloudInitSpec,
  DeleteResult,
  DomainInfo,
  DomainType,
  DomainSpec,
  IncomingResult,
  MigrateResult,
  MigrateSpec,
  PortGroupInfo,
  UnmanagedDomainInfo,
} from '../../schemas/generated/agentApi.js';
import type { Virsh } from '../drivers/virsh.js';
import { errors } from '../errors.js';
import { isValidName } from '../names.js';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import { destinationXml, withFileMoved, withSeedDigest } from './migration-xml.js';
import type { Switches } from '../network/switches.js';
import type { PoolLayout } from '../storage/layout.js';
import type { Volumes } from '../storage/volumes.js';
import {
  definitionKey,
  type DiskDefinition,
  type RbdSource,
  diskTargets,
  type DomainDefinition,
  type NicDefinition,
  NSSV_XMLNS,
  type SeedDefinition,
  SEED_TARGET,
} from './definition.js';
import { adoptionMetadata, unmanagedInfo } from './adopt.js';
import { parseDomainXml, type ParsedDomain } from './domain-parse.js';
import type { LiveNic } from '../network/vmPorts.js';
import { domainXml } from './domain-xml.js';
import type { ConsoleLogs } from './console-logs.js';
import { applyLive, type LiveStep, undoLive } from './live-apply.js';
import { isEmpty, type LiveChanges, liveChanges } from './live-changes.js';
import { deriveMac } from './mac.js';
import { isInactive, type PowerOptions, stopDomain } from './power.js';
import { powerStateOf, reportedDisks } from './reported.js';
import type { PciDevices } from '../pci/pciDevices.js';

export interface DomainsOptions extends PowerOptions {
  domainType: DomainType;
  /** Called with a domain's disk paths before it starts (waits for offline flattens of them). */
  beforeStart?: (paths: readonly string[]) => Promise<void>;
  /** Where serial consoles are logged; without it consoles are not logged. */
  consoleLogs?: ConsoleLogs;
  /** Where cloud-init seeds are written; without it a spec with cloudInit is refused. */
  seeds?: Seeds;
  flowOptions?: FlowChainOptions;
  /** Where QEMU finds an rbd volume (`rbd:` path); absent on hosts without Ceph. */
  rbdSource?: (path: string) => Promise<RbdSource>;
  /** The host's PCI devices, checked before a domain is defined with passthrough devices. */
  pci?: PciDevices;
}

interface PutContext {
  desired: DomainDefinition;
  paused?: boolean;
  resumed?: boolean;
  live: LiveChanges | undefined;
  liveDone: LiveStep[];
  needsSeed: boolean;
  seedWritten: WrittenSeed | undefined;
  /** Whether the running domain's CD-ROM was made to read the rewritten seed. */
  mediaReloaded: boolean;
  previousXml: string | undefined;
  wasActive: boolean;
  needsDefine: boolean;
  needsStop: boolean;
  stopped: boolean;
  defined: boolean;
  startAttempted: boolean;
}

/** What one read of all the host's domains gives (see Domains.readAll). */
export interface DomainsRead {
  parsed: ParsedDomain[];
  states: Map<string, string>;
}

/** libvirt domains nssv manages: those whose XML carries nssv's <metadata>. */
export class Domains {
  constructor(
    private readonly virsh: Virsh,
    private readonly volumes: Pick<Volumes, 'get'>,
    private readonly switches: Switches,
    private readonly layout: PoolLayout,
    private readonly options: DomainsOptions,
  ) {}

  async get(name: string): Promise<DomainInfo | undefined> {
    return (await this.read(name))?.info;
  }

  /** A managed domain's definition as parsed and as reported (get), from one read of each XML. */
  private async read(name: string): Promise<{ parsed: ParsedDomain; info: DomainInfo } | undefined> {
    const xml = await this.virsh.dumpXml(name, true);
    if (xml === undefined) return undefined;
    const parsed = this.parse(xml);
    if (parsed.address === undefined) return undefined;
    const state = (await this.virsh.state(name)) ?? 'shut off';
    const liveXml = isInactive(state) ? undefined : await this.virsh.dumpXml(name, false);
    const liveCrash = liveXml === undefined ? undefined : this.parse(liveXml).onCrash;
    return { parsed, info: info(parsed, state, await this.seedState(parsed), liveCrash) };
  }

  /** Every managed domain, from two virsh calls however many domains there are. */
  async list(read: Promise<DomainsRead> = this.readAll()): Promise<DomainInfo[]> {
    const { parsed, states } = await read;
    const managed = parsed.filter((p) => p.address !== undefined);
    const seedStates = await Promise.all(managed.map((p) => this.seedState(p)));
    // The running domains' crash action, which `virsh set-lifecycle-action --live` changes alone.
    const running = managed
      .filter((p) => !isInactive(states.get(p.name)) && isValidName('domain', p.name))
      .map((p) => p.name);
    const liveCrash = new Map(
      (await this.virsh.dumpXmlMany(running, false))
        .map((x) => this.parse(x))
        .map((p) => [p.name, p.onCrash]),
    );
    return managed
      .map((p, i) => info(p, states.get(p.name) ?? 'shut off', seedStates[i], liveCrash.get(p.name)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Domains made outside nssv (no nssv <metadata>) with names nssv can manage. */
  async unmanaged(read: Promise<DomainsRead> = this.readAll()): Promise<UnmanagedDomainInfo[]> {
    const { parsed, states } = await read;
    return parsed
      .map((p) => unmanagedInfo(p, states.get(p.name) ?? 'shut off'))
      .filter((d): d is UnmanagedDomainInfo => d !== undefined)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /**
   * Makes a domain made outside nssv nssv's: writes its <metadata> (`virsh metadata`, in the
   * persistent definition and the running domain) and nothing else, so its UUID, devices and
   * power state stay as they are. Already nssv's under this address: nothing to do.
   */
  async adopt(name: string, address: string): Promise<DomainInfo> {
    const xml = await this.virsh.dumpXml(name, true);
    if (xml === undefined) throw errors.notFound(`no libvirt domain ${JSON.stringify(name)} on this host`);
    const parsed = this.parse(xml);
    if (parsed.address !== undefined && parsed.address !== address) {
      throw errors.conflict(
        `domain ${JSON.stringify(name)} is already managed by nssv as ${parsed.address}, not ${address}`,
      );
    }
    if (parsed.address === undefined) {
      const state = (await this.virsh.state(name)) ?? 'shut off';
      const metadata = adoptionMetadata(parsed, address);
      await this.virsh.setMetadata(name, NSSV_XMLNS, 'nssv', metadata, !isInactive(state));
    }
    return (await this.get(name))!;
  }

  /** The domain's seed file against the digest in its metadata (undefined: no seed). */
  private async seedState(p: ParsedDomain): Promise<SeedState | undefined> {
    if (!p.seed) return undefined;
    return this.options.seeds ? this.options.seeds.state(p.seed.path, p.seed.sha256) : 'missing';
  }

  /**
   * The NICs of running nssv domains as their live XML has them (with the host-side tap): one
   * `virsh list` and one batched dumpxml however many domains run (in an inventory's read scope,
   * the same runs as `list`'s when every running domain is nssv's).
   */
  async liveNics(): Promise<LiveNic[]> {
    const running = (await this.virsh.list()).filter((e) => !isInactive(e.state)).map((e) => e.name);
    const batchable = running.filter((n) => isValidName('domain', n));
    const others = running.filter((n) => !isValidName('domain', n));
    const xmls = [
      ...(await this.virsh.dumpXmlMany(batchable, false)),
      ...(await Promise.all(others.map((n) => this.virsh.dumpXml(n, false)))).filter(
        (x): x is string => x !== undefined,
      ),
    ];
    const out: LiveNic[] = [];
    for (const xml of xmls) {
      const p = this.parse(xml);
      if (p.address === undefined) continue;
      for (const n of p.nics) {
        if (n.device === undefined) continue;
        out.push({
          domain: p.name,
          uuid: p.uuid,
          switch: n.switch,
          mac: n.mac,
          tag: n.vlanId,
          device: n.device,
          ...(n.interfaceId ? { interfaceId: n.interfaceId } : {}),
        });
      }
    }
    return out;
  }

  /** The PCI addresses each domain (managed or not, running or not) passes through, by domain name. */
  async pciUsers(read: Promise<DomainsRead> = this.readAll()): Promise<Map<string, string[]>> {
    const { parsed } = await read;
    return new Map(parsed.filter((p) => p.pciDevices?.length).map((p) => [p.name, p.pciDevices!]));
  }

  /** Names of all domains (managed or not) whose disks use `path`. */
  async usersOfPath(path: string): Promise<string[]> {
    const { parsed } = await this.readAll();
    return parsed
      .filter((p) => p.disks.some((d) => d.path === path))
      .map((p) => p.name)
      .sort();
  }

  /** Which running (or paused) domains have the image at `path` open. */
  async runningUsersOfPath(path: string): Promise<string[]> {
    const { parsed, states } = await this.readAll();
    return parsed
      .filter((p) => p.disks.some((d) => d.path === path) && !isInactive(states.get(p.name)))
      .map((p) => p.name)
      .sort();
  }

  /** The running domain that has the image at `path` open: its name, the disk's target and every other disk's target. */
  async runningDiskOf(
    path: string,
  ): Promise<{ domain: string; target: string; others: string[] } | undefined> {
    const { parsed, states } = await this.readAll();
    const user = parsed.find((p) => p.disks.some((d) => d.path === path) && !isInactive(states.get(p.name)));
    if (!user) return undefined;
    const target = user.disks.find((d) => d.path === path)!.target;
    // CD-ROMs (cloud-init seeds) are not in `disks`: read every disk target from the live XML.
    const xml = (await this.virsh.dumpXml(user.name)) ?? '';
    const all = [...xml.matchAll(/<disk\b[\s\S]*?<\/disk>/g)]
      .map((m) => /<target dev='([^']+)'/.exec(m[0])?.[1])
      .filter((t): t is string => t !== undefined);
    return { domain: user.name, target, others: all.filter((t) => t !== target) };
  }

  /**
   * Grows an image a running domain has open, through that domain's QEMU; false when no running
   * domain uses it (then qemu-img can resize the file itself).
   */
  async growInUse(path: string, sizeGiB: number): Promise<boolean> {
    const { parsed, states } = await this.readAll();
    const user = parsed.find((p) => p.disks.some((d) => d.path === path) && !isInactive(states.get(p.name)));
    if (!user) return false;
    // By target device: a network (rbd) disk has no file path for virsh to match.
    const target = user.disks.find((d) => d.path === path)!.target;
    await this.virsh.blockResize(user.name, target, sizeGiB);
    return true;
  }

  /**
   * Flattens a disk a running domain uses, live (blockpull); false when no running domain uses
   * it (then qemu-img can flatten the file itself).
   */
  async pullInUse(path: string): Promise<boolean> {
    const { parsed, states } = await this.readAll();
    const user = parsed.find((p) => p.disks.some((d) => d.path === path) && !isInactive(states.get(p.name)));
    if (!user) return false;
    await this.virsh.blockPull(user.name, path);
    return true;
  }

  async usersOfPortGroup(switchName: string, portGroup: string): Promise<string[]> {
    const { parsed } = await this.readAll();
    return parsed
      .filter((p) => p.nics.some((n) => n.switch === switchName && n.portGroup === portGroup))
      .map((p) => p.name)
      .sort();
  }

  /**
   * Every domain's persistent definition and state (one `virsh list` and one batched dumpxml):
   * read once by the inventory and handed to list, unmanaged and pciUsers.
   */
  async readAll(): Promise<DomainsRead> {
    const entries = await this.virsh.list();
    const states = new Map(entries.map((e) => [e.name, e.state]));
    const batchable = entries.filter((e) => isValidName('domain', e.name)).map((e) => e.name);
    const others = entries.filter((e) => !isValidName('domain', e.name)).map((e) => e.name);
    const xmls = [
      ...(await this.virsh.dumpXmlMany(batchable, true)),
      ...(await Promise.all(others.map((n) => this.virsh.dumpXml(n, true)))).filter(
        (x): x is string => x !== undefined,
      ),
    ];
    return { parsed: xmls.map((x) => this.parse(x)), states };
  }

  /**
   * Defines the domain (with `uuid` when given, else a new one) or converges it in place (same
   * UUID, never undefined), then sets its power state. A running domain whose hardware changes is shut down, redefined and started
   * again so the change takes effect. Each step is undone if a later one fails.
   */
  async put(name: string, spec: DomainSpec, uuid?: string): Promise<DomainInfo> {
    const previousXml = await this.virsh.dumpXml(name, true);
    const previous = previousXml === undefined ? undefined : this.parse(previousXml);
    if (previous && previous.address === undefined) {
      throw errors.conflict(
        `libvirt domain ${JSON.stringify(name)} already exists on this host and is not managed by nssv; choose another name or remove that domain`,
      );
    }
    const desired: DomainDefinition = {
      name,
      uuid: previous?.uuid ?? uuid ?? randomUUID(),
      type: this.options.domainType,
      address: spec.address,
      vcpus: spec.vcpus,
      memoryMiB: spec.memoryMiB,
      maxVcpus: Math.max(spec.maxVcpus ?? spec.vcpus, spec.vcpus),
      maxMemoryMiB: Math.max(spec.maxMemoryMiB ?? spec.memoryMiB, spec.memoryMiB),
      disks: await this.resolveDisks(spec),
      nics: await this.resolveNics(name, spec),
      ...(this.options.consoleLogs ? { consoleLog: this.options.consoleLogs.path(name) } : {}),
      ...(spec.tags && Object.keys(spec.tags).length > 0 ? { tags: spec.tags } : {}),
      onCrash: spec.onCrash ?? 'destroy',
      ...(spec.pciDevices && spec.pciDevices.length > 0 ? { pciDevices: spec.pciDevices } : {}),
    };
    if (desired.pciDevices) await this.checkPci(name, desired.pciDevices);
    if (spec.cloudInit) desired.seed = this.seedFor(desired, spec.cloudInit);
    const seedIntact = previous ? (await this.seedState(previous)) === 'intact' : false;
    const needsSeed =
      desired.seed !== undefined && (previous?.seed?.instanceId !== desired.seed.instanceId || !seedIntact);
    // An unchanged seed keeps the digest recorded for it; a rewritten one gets its own when written.
    if (desired.seed && !needsSeed && previous?.seed?.sha256) desired.seed.sha256 = previous.seed.sha256;
    const state = previous ? await this.virsh.state(name) : undefined;
    const wasActive = !isInactive(state);
    let hardwareChanged = false;
    let live: LiveChanges | undefined;
    if (wasActive) {
      const liveXml = await this.virsh.dumpXml(name, false);
      const changes = liveXml === undefined ? 'cold' : liveChanges(this.parse(liveXml), desired);
      hardwareChanged = changes === 'cold';
      if (changes !== 'cold' && !isEmpty(changes)) live = changes;
    }
    // New cloud-init content for a running guest, applied now when the spec asks for a reboot.
    const rebootForSeed =
      spec.cloudInit?.rebootOnChange === true &&
      previous?.seed !== undefined &&
      previous.seed.instanceId !== desired.seed?.instanceId;
    const restart = hardwareChanged || rebootForSeed;
    if (desired.consoleLog) await this.options.consoleLogs?.prepare();
    const ctx: PutContext = {
      desired,
      needsSeed,
      seedWritten: undefined,
      mediaReloaded: false,
      previousXml,
      wasActive,
      needsDefine:
        !previous ||
        needsSeed ||
        definitionKey({ ...previous, address: previous.address! }) !== definitionKey(desired),
      needsStop: wasActive && (restart || spec.powerState === 'shutoff'),
      live: wasActive && !restart && spec.powerState !== 'shutoff' ? live : undefined,
      liveDone: [],
      stopped: false,
      defined: false,
      startAttempted: false,
    };
    await new FlowChain<PutContext>(
      `put domain ${name}`,
      [
        {
          name: 'stop domain',
          run: async (c) => {
            if (!c.needsStop) return;
            c.stopped = true;
            await stopDomain(this.virsh, name, this.options);
          },
          rollback: async (c) => {
            if (c.stopped && c.wasActive && isInactive(await this.virsh.state(name)))
              await this.virsh.start(name);
          },
        },
        {
          name: 'write cloud-init seed',
          run: async (c) => {
            if (!c.needsSeed || !spec.cloudInit) return;
            c.seedWritten = await this.seeds().write(
              name,
              c.desired.uuid,
              spec.cloudInit,
              seedNics(c.desired, spec.cloudInit),
            );
            c.desired.seed = { ...c.desired.seed!, sha256: c.seedWritten.sha256 };
            // A running guest whose CD-ROM stays in place must be shown the new file now, or
            // even its next reboot would read the old one (QEMU keeps the file it opened).
            if (c.wasActive && !c.needsStop && previous?.seed?.path === c.seedWritten.path) {
              c.mediaReloaded = true;
              await this.virsh.reloadMediaLive(name, SEED_TARGET, c.seedWritten.path);
            }
          },
          rollback: async (c) => {
            if (!c.seedWritten) return;
            await this.seeds().restore(name, c.seedWritten.previous);
            if (c.mediaReloaded) await this.virsh.reloadMediaLive(name, SEED_TARGET, c.seedWritten.path);
          },
        },
        {
          name: 'define domain',
          run: async (c) => {
            if (!c.needsDefine) return;
            c.defined = true;
            await this.virsh.define(name, domainXml(c.desired));
          },
          rollback: async (c) => {
            if (!c.defined) return;
            if (c.previousXml === undefined) await this.virsh.undefine(name);
            else await this.virsh.define(name, c.previousXml);
          },
        },
        {
          name: 'apply live changes',
          run: async (c) => {
            if (c.live) await applyLive(this.virsh, name, c.live, c.liveDone);
          },
          rollback: async (c) => undoLive(this.virsh, name, c.liveDone),
        },
        {
          name: 'start domain',
          run: async () => {
            if (spec.powerState === 'shutoff' || !isInactive(await this.virsh.state(name))) return;
            await this.options.beforeStart?.(ctx.desired.disks.map((d) => d.path));
            ctx.startAttempted = true;
            await this.virsh.start(name);
          },
          rollback: async (c) => {
            if (c.startAttempted && !isInactive(await this.virsh.state(name))) await this.virsh.destroy(name);
          },
        },
        {
          name: 'pause or resume domain',
          run: async (c) => {
            const now = await this.virsh.state(name);
            if (spec.powerState === 'paused' && now === 'running') {
              await this.virsh.suspend(name);
              c.paused = true;
            } else if (spec.powerState === 'running' && now === 'paused') {
              await this.virsh.resume(name);
              c.resumed = true;
            }
          },
          rollback: async (c) => {
            if (c.paused) await this.virsh.resume(name);
            if (c.resumed) await this.virsh.suspend(name);
          },
        },
      ],
      this.options.flowOptions,
    ).run(ctx);
    const result = await this.get(name);
    if (!result) throw errors.toolFailed(`define domain ${name}: libvirt does not list it after define`);
    return result;
  }

  /** Each passthrough device must exist on this host and be passed to no other domain. */
  private async checkPci(name: string, addresses: string[]): Promise<void> {
    if (!this.options.pci)
      throw errors.conflict(
        "pciDevices: this agent does not read the host's PCI devices; PCI passthrough is not available",
      );
    // The driver of a device changes when a domain using it starts or stops: read it afresh.
    this.options.pci.forget();
    await this.options.pci.check(name, addresses, await this.pciUsers());
  }

  /** Where each disk of `spec` is on this host (`rbd:pool/image` for shared storage). */
  async diskPaths(spec: DomainSpec): Promise<string[]> {
    return (await this.resolveDisks(spec)).map((d) => d.path);
  }

  /**
   * Readies this host to receive `name` by migration from another host: every disk of `spec` must
   * resolve here (an rbd image's Ceph secret is defined in this libvirt as a side effect, which
   * libvirt needs before the incoming QEMU starts), and no domain of that name may exist here.
   */
  async prepareIncoming(name: string, spec: DomainSpec, uuid: string): Promise<IncomingResult> {
    if ((await this.virsh.dumpXml(name, true)) !== undefined) {
      throw errors.conflict(
        `a domain ${JSON.stringify(name)} already exists on this host: migrating another copy here would make two`,
      );
    }
    await this.resolveDisks(spec);
    const consoleLog = this.options.consoleLogs?.path(name) ?? null;
    if (consoleLog !== null) await this.options.consoleLogs!.prepare();
    if (!spec.cloudInit) return { ready: true, consoleLog, seed: null };
    // The seed's content follows from the name, UUID, NICs and cloudInit: written here, it is the
    // guest's own (same instance id; not the same bytes: ISO timestamps), and its CD-ROM names it
    // here once it runs here. A migration that fails leaves this file unused, overwritten by the next.
    const d = { name, uuid, nics: await this.resolveNics(name, spec) };
    this.seedFor(d, spec.cloudInit);
    const written = await this.seeds().write(name, uuid, spec.cloudInit, seedNics(d, spec.cloudInit));
    return { ready: true, consoleLog, seed: { path: written.path, sha256: written.sha256 } };
  }

  /**
   * Moves the domain to `spec.target` (issue 11): live when it runs, cold when it is shut off.
   * Disks on shared storage (rbd) stay put; local files are copied only live and only with
   * `spec.copyStorage`, which names each one's precreated file on the destination. A failed
   * migration leaves the domain here, as it was.
   */
  async migrate(name: string, spec: MigrateSpec): Promise<MigrateResult> {
    const read = await this.read(name);
    if (!read) throw errors.notFound(`domain ${JSON.stringify(name)} does not exist on this host`);
    const found = read.info;
    if (found.pciDevices?.length) {
      throw errors.conflict(
        `domain ${JSON.stringify(name)} cannot migrate to ${spec.host}: it passes through PCI device(s) ${found.pciDevices.join(', ')} of this host`,
      );
    }
    const live = found.powerState === 'running';
    const local = found.disks.filter((d) => !d.path.startsWith('rbd:'));
    const copy = spec.copyStorage;
    const uncopied = local.find((d) => !copy?.disks.some((m) => m.source === d.path));
    if (uncopied) {
      throw errors.conflict(
        `domain ${JSON.stringify(name)} cannot migrate to ${spec.host}: its disk ${uncopied.target} (${uncopied.path}) is a local file, not shared (rbd) storage, and no copy of it was asked for`,
      );
    }
    if (copy && !live) {
      throw errors.conflict(
        `domain ${JSON.stringify(name)} is shut off: its local disks are copied only by a live migration; start it first`,
      );
    }
    const started = Date.now();
    // The cloud-init seed is this host's file: on the destination the CD-ROM names the copy its
    // agent wrote (prepareIncoming), as each copied disk names its precreated twin.
    const seedHere = read.parsed.seed?.path;
    const moves = [
      ...(copy?.disks ?? []),
      ...(spec.seed && seedHere ? [{ source: seedHere, destination: spec.seed.path }] : []),
    ];
    // The console log is a file of each host's agent too.
    const consoleHere = this.options.consoleLogs?.path(name);
    const logMoves = spec.consoleLog && consoleHere && spec.consoleLog !== consoleHere;
    const there = (x: string): string => {
      let moved = destinationXml(x, moves);
      if (spec.seed && seedHere) moved = withSeedDigest(moved, spec.seed.sha256);
      return logMoves ? withFileMoved(moved, consoleHere, spec.consoleLog!) : moved;
    };
    const xml =
      moves.length > 0 || logMoves
        ? {
            live: live ? there(await this.virsh.migratableXml(name)) : undefined,
            persistent: there(await this.virsh.migratableXml(name, true)),
          }
        : undefined;
    const storage = copy ? { mode: copy.mode, targets: local.map((d) => d.target) } : undefined;
    await this.virsh.migrate(name, spec.target.libvirtUri, spec.target.address, live, { storage, xml });
    if (seedHere && spec.seed) await this.options.seeds?.remove(name);
    return {
      uuid: found.uuid,
      mode: live ? 'live' : 'cold',
      durationMs: Date.now() - started,
      copiedDisks: local.length,
    };
  }

  /** ACPI shutdown, destroy after the timeout, undefine. Disks stay: volumes are their own resources. */
  async delete(name: string): Promise<DeleteResult> {
    const xml = await this.virsh.dumpXml(name, true);
    if (xml === undefined) return { deleted: false };
    if (this.parse(xml).address === undefined) {
      throw errors.conflict(
        `libvirt domain ${JSON.stringify(name)} is not managed by nssv; refusing to delete it`,
      );
    }
    await stopDomain(this.virsh, name, this.options);
    await this.virsh.undefine(name);
    await this.options.seeds?.remove(name);
    return { deleted: true };
  }

  private seeds(): Seeds {
    if (!this.options.seeds) throw errors.internal('this agent has no cloud-init seed directory configured');
    return this.options.seeds;
  }

  /** The seed a definition gets: its path and the instance id its content yields. */
  private seedFor(d: Pick<DomainDefinition, 'name' | 'uuid' | 'nics'>, spec: CloudInitSpec): SeedDefinition {
    if (spec.nics.length !== d.nics.length) {
      throw errors.invalidRequest(
        `cloudInit.nics has ${spec.nics.length} entries but the domain has ${d.nics.length} NIC(s); give one entry per NIC, in order`,
      );
    }
    const files = seedFiles(d.name, d.uuid, spec, seedNics(d, spec));
    return { path: this.seeds().path(d.name), instanceId: files.instanceId };
  }

  private parse(xml: string): ParsedDomain {
    try {
      return parseDomainXml(xml, (path) => this.layout.parseVolumePath(path));
    } catch (e) {
      throw errors.toolFailed(
        `cannot read libvirt's domain XML: ${e instanceof Error ? e.message : String(e)}`,
        xml.slice(0, 2000),
      );
    }
  }

  private async resolveDisks(spec: DomainSpec): Promise<DiskDefinition[]> {
    const targets = diskTargets(spec.disks.map((d) => d.bus ?? 'virtio'));
    return Promise.all(
      spec.disks.map(async (d, i) => {
        const volume = await this.volumes.get(d.pool, d.volume);
        if (!volume) {
          throw errors.notFound(
            `disks[${i}]: volume ${JSON.stringify(d.volume)} does not exist in pool ${JSON.stringify(d.pool)} on this host; create it first (PUT /v1/pools/${d.pool}/volumes/${d.volume})`,
          );
        }
        const disk: DiskDefinition = {
          pool: d.pool,
          volume: d.volume,
          path: volume.path,
          format: volume.format,
          target: targets[i]!,
          bus: d.bus ?? 'virtio',
          bootOrder: d.bootOrder ?? null,
        };
        if (!volume.path.startsWith('rbd:')) return disk;
        if (!this.options.rbdSource)
          throw errors.conflict(
            `disks[${i}]: volume ${JSON.stringify(d.volume)} is an rbd image, but this host has no Ceph configured`,
          );
        return { ...disk, rbd: await this.options.rbdSource(volume.path) };
      }),
    );
  }

  private async resolveNics(name: string, spec: DomainSpec): Promise<NicDefinition[]> {
    if (spec.nics.length === 0) return [];
    const { portGroups } = await this.switches.list();
    const nics = spec.nics.map((n, i) => {
      const pg: PortGroupInfo | undefined = portGroups.find(
        (p) => p.switch === n.switch && p.name === n.portGroup,
      );
      if (!pg) {
        throw errors.notFound(
          `nics[${i}]: port group ${JSON.stringify(n.portGroup)} does not exist on switch ${JSON.stringify(n.switch)} on this host; create it first (PUT /v1/switches/${n.switch}/port-groups/${n.portGroup})`,
        );
      }
      return {
        switch: n.switch,
        portGroup: n.portGroup,
        vlanId: pg.tag,
        mac: n.mac?.toLowerCase() ?? deriveMac(name, i),
        ip: n.ip ?? null,
        securityGroups: [...(n.securityGroups ?? [])].sort(),
      };
    });
    const seen = new Set<string>();
    nics.forEach((n, i) => {
      if (seen.has(n.mac))
        throw errors.invalidRequest(
          `nics[${i}].mac ${JSON.stringify(n.mac)} is used by another NIC of this domain; MACs must be unique`,
        );
      seen.add(n.mac);
    });
    return nics;
  }
}

function seedNics(d: Pick<DomainDefinition, 'nics'>, spec: CloudInitSpec): SeedNic[] {
  return d.nics.map((n, i) => ({ mac: n.mac, config: spec.nics[i]! }));
}

type SeedState = NonNullable<DomainInfo['cloudInit']>['seed'];

/** `liveCrash`: the running domain's crash action; restart is reported only when the persistent definition and the running domain both have it. */
function info(p: ParsedDomain, state: string, seed: SeedState | undefined, liveCrash?: string): DomainInfo {
  return {
    name: p.name,
    uuid: p.uuid,
    address: p.address ?? '',
    vcpus: p.vcpus,
    memoryMiB: p.memoryMiB,
    maxVcpus: p.maxVcpus,
    maxMemoryMiB: p.maxMemoryMiB,
    ...(p.consoleLog ? { consoleLog: p.consoleLog } : {}),
    disks: reportedDisks(p),
    nics: p.nics.map((n) => ({
      switch: n.switch,
      portGroup: n.portGroup,
      vlanId: n.vlanId,
      mac: n.mac,
      ip: n.ip,
      securityGroups: n.securityGroups,
    })),
    tags: p.tags ?? {},
    onCrash: p.onCrash !== 'restart' ? (p.onCrash ?? 'destroy') : (liveCrash ?? p.onCrash),
    ...(p.pciDevices ? { pciDevices: p.pciDevices } : {}),
    state,
    powerState: powerStateOf(state),
    ...(p.seed ? { cloudInit: { instanceId: p.seed.instanceId, seed: seed ?? 'missing' } } : {}),
  };
}
