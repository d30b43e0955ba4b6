import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  DomainType,
  Inventory,
  TakeoverResult,
  TakeoverSpec,
  TrashEntry,
  UnmanagedInfo,
} from '../schemas/generated/agentApi.js';
import type { AgentConfig } from './config.js';
import { Domains, type DomainsRead } from './domains/domains.js';
import { Ovs } from './drivers/ovs.js';
import { OvsOfctl } from './drivers/ovs-ofctl.js';
import { OvsPorts } from './drivers/ovs-ports.js';
import { Firewall } from './firewall/firewall.js';
import { FirewallStore } from './firewall/store.js';
import { QemuImg } from './drivers/qemu-img.js';
import { Virsh } from './drivers/virsh.js';
import type { FlowChainOptions, UndoFailure } from './flow/flow.js';
import { errors } from './errors.js';
import { inReadScope, scopedExec } from './util/readScope.js';
import { HostFactsSource } from './host-facts.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { CephCli } from './ceph/cli.js';
import { monHostsOf, readCephFile } from './ceph/clientConfig.js';
import { RbdImages } from './ceph/rbdImages.js';
import { RbdPools } from './ceph/rbdPools.js';
import { RbdSnapshots } from './ceph/rbdSnapshots.js';
import { RbdTrash } from './ceph/rbdTrash.js';
import { RbdImageTrash } from './ceph/rbdImageTrash.js';
import { RbdVolumes } from './ceph/rbdVolumes.js';
import { fenceRbdImages } from './ceph/fence.js';
import { takeOver } from './domains/takeover.js';
import { CephSecret } from './ceph/secret.js';
import { Switches } from './network/switches.js';
import { Uplinks } from './network/uplinks.js';
import { PoolLayout } from './storage/layout.js';
import { Pools } from './storage/pools.js';
import { DirSnapshots } from './storage/snapshots.js';
import { movePath } from './storage/movePath.js';
import { DirTrash } from './storage/trash.js';
import { Volumes } from './storage/volumes.js';
import { VolumeAdoption } from './storage/adopt.js';
import { Flattener } from './storage/flatten.js';
import { Images } from './images/images.js';
import { DirImageTrash } from './images/imageTrash.js';
import { Seeds } from './cloudinit/seeds.js';
import { DomainTrash } from './domains/domainTrash.js';
import { ConsoleLogs } from './domains/console-logs.js';
import { GenIsoImage } from './drivers/genisoimage.js';
import { ImageLayout } from './images/layout.js';
import type { Exec } from './util/exec.js';
import { KeyedLock } from './util/keyed-lock.js';
import { PciDevices } from './pci/pciDevices.js';

export interface AgentDeps {
  config: Omit<AgentConfig, 'domainType' | 'listen' | 'tokenFile'>;
  domainType: DomainType;
  exec: Exec;
  logger: Logger;
  metrics: Metrics;
  /** For tests: how often a stopping domain's state is polled. */
  pollIntervalMs?: number;
}

/** agentd's services wired to one host's tools. */
export class Agent {
  readonly locks = new KeyedLock();
  readonly pools: Pools;
  readonly volumes: Volumes;
  /** Image files put into dir pools by hand, adopted as volumes. */
  readonly volumeAdoption: VolumeAdoption;
  readonly images: Images;
  readonly consoleLogs: ConsoleLogs;
  readonly switches: Switches;
  readonly domains: Domains;
  readonly hostFacts: HostFactsSource;
  /** Undefined when the host has no Ceph cluster configured. */
  readonly rbdPools: RbdPools | undefined;
  readonly rbdVolumes: RbdVolumes | undefined;
  private cephCli: CephCli | undefined;
  readonly rbdSnapshots: RbdSnapshots | undefined;
  readonly rbdTrash: RbdTrash | undefined;
  /** Image stores of kind rbd (Ceph pools), when the host has Ceph. */
  readonly rbdImages: RbdImages | undefined;
  /** Deleted images of rbd image stores (delete_policy = "delayed"), in the store pool's rbd trash. */
  readonly rbdImageTrash: RbdImageTrash | undefined;
  /** Deleted images of this host's dir image stores (delete_policy = "delayed"). */
  readonly imageTrash: DirImageTrash;
  readonly dirSnapshots: DirSnapshots;
  readonly dirTrash: DirTrash;
  /** Deleted VMs' definitions (delete_policy = "delayed"). */
  readonly domainTrash: DomainTrash;
  readonly firewall: Firewall;
  /** The host's PCI devices (nssv_vm.pci_passthrough). */
  readonly pci: PciDevices;

  constructor(readonly deps: AgentDeps) {
    const { config } = deps;
    // Tool runs an inventory makes twice (the same tables, domains, pools) run once (see inReadScope).
    const exec = scopedExec(deps.exec);
    const flowOptions: FlowChainOptions = { onUndoFailure: (f) => void this.recordUndoFailure(f) };
    const layout = new PoolLayout(config.storageRoot);
    const virsh = new Virsh(exec, config.libvirtUri);
    const ovs = new Ovs(exec, config.ovsDbSocket);
    const qemuImg = new QemuImg(exec);
    this.consoleLogs = new ConsoleLogs(config.stateDir);
    this.pools = new Pools(layout, flowOptions);
    const runningUsers = (path: string) => this.domains.runningUsersOfPath(path);
    this.dirSnapshots = new DirSnapshots(layout, qemuImg, runningUsers, flowOptions, {
      runningDiskOf: (path) => this.domains.runningDiskOf(path),
      snapshotDiskOnly: (d, t, file, others) => virsh.snapshotDiskOnly(d, t, file, others),
      blockCopyPivot: (d, t, dest) => virsh.blockCopyPivot(d, t, dest),
      blockCommitActive: (d, t) => virsh.blockCommitActive(d, t),
      blockPull: (d, t, base) => virsh.blockPullOnto(d, t, base),
    });
    this.images = new Images(
      new ImageLayout(config.storageRoot),
      qemuImg,
      async (path) =>
        this.volumes.linkedTo(
          path,
          (await this.pools.list()).map((p) => p.name),
        ),
      flowOptions,
    );
    const flattener = new Flattener(qemuImg, (path) => this.domains.pullInUse(path), deps.logger);
    this.volumes = new Volumes(
      this.pools,
      qemuImg,
      (path) => this.domains.usersOfPath(path),
      flowOptions,
      (path, sizeGiB) => this.domains.growInUse(path, sizeGiB),
      {
        images: this.images,
        flattener,
        isRbdStore: async (store) => (await this.rbdImages?.getStore(store)) !== undefined,
      },
      this.dirSnapshots,
    );
    this.dirTrash = new DirTrash(
      layout,
      qemuImg,
      (path) => this.domains.usersOfPath(path),
      (pool, volume) => this.volumes.refuseClones(pool, volume),
      flowOptions,
      () => new Date(),
      movePath(exec),
    );
    this.imageTrash = new DirImageTrash(this.images, movePath(exec), flowOptions);
    this.volumeAdoption = new VolumeAdoption(this.pools, this.volumes, qemuImg);
    const ovsPorts = new OvsPorts(exec, config.ovsDbSocket);
    this.switches = new Switches(
      ovs,
      (sw, pg) => this.domains.usersOfPortGroup(sw, pg),
      flowOptions,
      ovsPorts,
      config.tunnel,
      new Uplinks(exec, config.ovsDbSocket),
      () => this.domains.liveNics(),
    );
    this.firewall = new Firewall(
      new FirewallStore(exec, config.ovsDbSocket),
      ovsPorts,
      new OvsOfctl(exec, config.ovsDbSocket),
      {
        domains: () => this.domains.list(),
        switches: async () => (await this.switches.list()).switches.map((s) => s.name),
      },
    );
    const volumeLookup = {
      get: async (pool: string, volume: string) => (await this.volumeStore(pool)).get(pool, volume),
    };
    const ceph = config.ceph;
    const secret = ceph === undefined ? undefined : new CephSecret(exec, config.libvirtUri, ceph);
    const seeds = new Seeds(config.stateDir, new GenIsoImage(exec));
    this.domainTrash = new DomainTrash(join(config.stateDir, 'trash', 'domains'), {
      definition: (name) => virsh.dumpXml(name, true),
      remove: (name) => this.domains.delete(name),
      define: (name, xml) => virsh.define(name, xml),
      seedPath: (name) => seeds.path(name),
    });
    this.pci = new PciDevices(virsh);
    this.domains = new Domains(virsh, volumeLookup, this.switches, layout, {
      pci: this.pci,
      ...(ceph === undefined || secret === undefined
        ? {}
        : {
            rbdSource: async (path: string) => ({
              name: path.slice('rbd:'.length),
              hosts: monHostsOf(await readCephFile(ceph.confFile, 'configuration')),
              user: ceph.user,
              secretUuid: await secret.ensure(),
            }),
          }),
      domainType: deps.domainType,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      ...(deps.pollIntervalMs !== undefined ? { pollIntervalMs: deps.pollIntervalMs } : {}),
      flowOptions,
      beforeStart: (paths) => flattener.waitOffline(paths),
      seeds,
      consoleLogs: this.consoleLogs,
    });
    this.hostFacts = new HostFactsSource(
      config.hostName,
      deps.domainType,
      virsh,
      config.tunnel?.localIp ?? null,
      config.migration,
    );
    if (ceph === undefined) {
      this.rbdPools = undefined;
      this.rbdVolumes = undefined;
      this.rbdSnapshots = undefined;
      this.rbdTrash = undefined;
      this.rbdImages = undefined;
      this.rbdImageTrash = undefined;
    } else {
      const cli = new CephCli(exec, ceph);
      this.cephCli = cli;
      this.rbdPools = new RbdPools(cli, flowOptions);
      this.rbdSnapshots = new RbdSnapshots(cli, this.rbdPools, runningUsers);
      this.rbdTrash = new RbdTrash(cli, this.rbdPools, (path) => this.domains.usersOfPath(path));
      this.rbdImages = new RbdImages(
        cli,
        qemuImg,
        join(config.stateDir, 'rbd-incoming'),
        (path, spec, image) => this.images.checkFormat(path, spec, image),
        flowOptions,
      );
      this.rbdImageTrash = new RbdImageTrash(cli, this.rbdImages);
      this.rbdVolumes = new RbdVolumes(
        cli,
        this.rbdPools,
        (path) => this.domains.usersOfPath(path),
        (path, sizeGiB) => this.domains.growInUse(path, sizeGiB),
        flowOptions,
        this.rbdSnapshots,
        this.rbdImages,
      );
    }
  }

  /**
   * Where an image store's images live: a dir store of this name on this host, else an rbd store
   * of the host's Ceph cluster; else the dir stores (which say it does not exist).
   */
  async imageStore(store: string): Promise<Pick<Images, 'deleteStore' | 'put' | 'delete'>> {
    if (this.rbdImages === undefined || (await this.images.getStore(store))) return this.images;
    return (await this.rbdImages.getStore(store)) ? this.rbdImages : this.images;
  }

  /** Where an image store's deleted images go: the host's trash (dir store) or the store pool's rbd trash. */
  async imageTrashOf(store: string): Promise<Pick<DirImageTrash, 'put'>> {
    return (await this.imageStore(store)) === this.images ? this.imageTrash : this.rbdImageTrash!;
  }

  /** An HA restart of `name` here, its old copy fenced off its rbd disks first (see takeOver). */
  takeOver(name: string, req: TakeoverSpec): Promise<TakeoverResult> {
    const cli = this.cephCli;
    return takeOver(this.domains, cli && ((paths) => fenceRbdImages(cli, paths)), name, req);
  }

  /**
   * Where a pool's volumes live: a dir pool of this name on this host, else an rbd pool of the
   * host's Ceph cluster; else the dir store (which says the pool does not exist).
   */
  async volumeStore(pool: string): Promise<Pick<Volumes, 'get' | 'put' | 'delete'>> {
    if (this.rbdVolumes === undefined || (await this.pools.get(pool))) return this.volumes;
    return (await this.rbdPools!.volumeAddresses(pool)) === undefined ? this.volumes : this.rbdVolumes;
  }

  /** A pool's snapshots and trash: the dir pool's on this host, else the rbd pool's. */
  async snapshotStore(pool: string): Promise<Pick<DirSnapshots, 'put' | 'delete' | 'revert'>> {
    return (await this.volumeStore(pool)) === this.volumes ? this.dirSnapshots : this.rbdSnapshots!;
  }

  async trashStore(pool: string): Promise<Pick<DirTrash, 'put'>> {
    return (await this.volumeStore(pool)) === this.volumes ? this.dirTrash : this.rbdTrash!;
  }

  /** This host's trash and the rbd trash of its Ceph cluster's nssv pools, expired entries purged. */
  async trash(): Promise<TrashEntry[]> {
    const rbd = this.rbdPools ? await this.rbdPools.trashPools() : [];
    return [
      ...(await this.dirTrash.list()),
      ...((await this.rbdTrash?.list(rbd)) ?? []),
      ...(await this.domainTrash.list()),
      ...(await this.imageTrash.list()),
      ...((await this.rbdImageTrash?.list()) ?? []),
    ];
  }

  /** Restores (or purges) a trash entry by id: the host's own first, else an rbd pool's `<pool>.<image id>`. */
  async fromTrash(id: string, purge: boolean): Promise<TrashEntry | { deleted: boolean }> {
    if (await this.domainTrash.has(id))
      return purge ? this.domainTrash.purge(id) : this.domainTrash.restore(id);
    if (await this.dirTrash.has(id)) return purge ? this.dirTrash.purge(id) : this.dirTrash.restore(id);
    if (await this.imageTrash.has(id)) return purge ? this.imageTrash.purge(id) : this.imageTrash.restore(id);
    const [pool, imageId] = id.split('.') as [string, string];
    if (this.rbdImageTrash !== undefined && (await this.rbdImages!.storeTrashMetadata(pool)) !== undefined) {
      return purge ? this.rbdImageTrash.purge(pool, imageId) : this.rbdImageTrash.restore(pool, imageId);
    }
    if (this.rbdTrash === undefined || (await this.rbdPools!.trashMetadata(pool)) === undefined) {
      if (purge) return { deleted: false };
      throw errors.notFound(`the trash holds no ${JSON.stringify(id)}; list it with GET /v1/trash`);
    }
    return purge ? this.rbdTrash.purge(pool, imageId) : this.rbdTrash.restore(pool, imageId);
  }

  /** Everything nssv manages on this host, read from the host itself, each tool read run once. */
  inventory(): Promise<Inventory> {
    return inReadScope(() => this.readInventory());
  }

  private async readInventory(): Promise<Inventory> {
    const changeRequests = this.deps.metrics.changeRequestsEnded;
    // Started first, read alongside the rest: the host's PCI devices and the domains using each.
    // One read of the domains' definitions serves the managed list, the unmanaged ones and PCI use.
    const domainsRead = this.domains.readAll();
    domainsRead.catch(() => undefined);
    const pciDevices = this.domains.pciUsers(domainsRead).then((users) => this.pci.list(users));
    // Handled here too, so a failure elsewhere first never leaves it an unhandled rejection.
    pciDevices.catch(() => undefined);
    // The dir volumes and their snapshots, and what lives in Ceph: each chain starts at once, and
    // the rbd images, volumes and snapshots are read side by side once the pool table is in (the
    // `ceph` CLI takes a second or more per call, the longest wait of an inventory).
    const dir = this.pools.list().then(async (pools) => {
      const volumes = (await Promise.all(pools.map((p) => this.volumes.list(p.name)))).flat();
      const snapshots = await Promise.all(volumes.map((v) => this.dirSnapshots.list(v.pool, v.name)));
      return { pools, volumes, snapshots: snapshots.flat() };
    });
    const rbdRead =
      this.rbdPools?.inventory() ?? Promise.resolve({ pools: [], volumes: [], poolTable: undefined });
    const ceph = rbdRead.then(async (rbd) => {
      const [onCeph, onRbd] = await Promise.all([
        // The image stores are Ceph pools too: found in the pool table the rbd pools were read from.
        this.rbdImages?.inventory(rbd.poolTable) ?? { stores: [], images: [] },
        this.rbdVolumes?.inventory(rbd.volumes) ?? { volumes: [], snapshots: [] },
      ]);
      return { pools: rbd.pools, onCeph, onRbd };
    });
    const [host, local, network, domains, rbd, securityGroups, firewall, imageStores, images, unmanaged] =
      await Promise.all([
        this.hostFacts.get(),
        dir,
        this.switches.list(),
        this.domains.list(domainsRead),
        ceph,
        this.firewall.listGroups(),
        this.firewall.info(),
        this.images.listStores(),
        this.images.listAll(),
        this.unmanaged(domainsRead),
      ]);
    const { onCeph, onRbd } = rbd;
    const pools = local.pools;
    const rbdPools = rbd.pools;
    const volumes = [...local.volumes, ...onRbd.volumes];
    const snapshots = [...local.snapshots, ...onRbd.snapshots];
    const inventory: Inventory = {
      host,
      pools,
      rbdPools,
      volumes,
      snapshots,
      switches: network.switches,
      portGroups: network.portGroups,
      tunnels: network.tunnels,
      securityGroups,
      firewall,
      domains,
      imageStores: [...imageStores, ...onCeph.stores],
      images: [...images, ...onCeph.images],
      unmanaged,
      pciDevices: await pciDevices,
    };
    for (const kind of ['pools', 'rbdPools', 'volumes', 'switches', 'portGroups', 'domains'] as const) {
      this.deps.metrics.setManagedObjects(kind, inventory[kind].length);
    }
    this.deps.metrics.managedObjectsRead(changeRequests, Date.now());
    return inventory;
  }

  /** Objects without nssv records that nssv could adopt (for nssv discover and import). */
  async unmanaged(domainsRead?: Promise<DomainsRead>): Promise<UnmanagedInfo> {
    const [domains, volumes, switches] = await Promise.all([
      this.domains.unmanaged(domainsRead),
      this.volumeAdoption.unmanaged(),
      this.switches.unmanaged(),
    ]);
    return { domains, volumes, switches };
  }

  /** A rollback step failed: log it and keep a record for cleanup; the request still reports its original error. */
  private async recordUndoFailure(failure: UndoFailure): Promise<void> {
    this.deps.metrics.countUndoFailure();
    this.deps.logger.error('rollback step failed; recorded for cleanup', { ...failure });
    try {
      await mkdir(this.deps.config.stateDir, { recursive: true });
      await appendFile(
        join(this.deps.config.stateDir, 'undo-failures.jsonl'),
        `${JSON.stringify({ time: new Date().toISOString(), ...failure })}\n`,
      );
    } catch (e) {
      this.deps.logger.error('cannot record failed rollback step', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}
