import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Inventory } from '../schemas/generated/agentApi.js';
import type { AgentConfig } from './config.js';
import { Domains } from './domains/domains.js';
import { Ovs } from './drivers/ovs.js';
import { QemuImg } from './drivers/qemu-img.js';
import { Virsh } from './drivers/virsh.js';
import type { FlowChainOptions, UndoFailure } from './flow/flow.js';
import { HostFactsSource } from './host-facts.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { Switches } from './network/switches.js';
import { PoolLayout } from './storage/layout.js';
import { Pools } from './storage/pools.js';
import { Volumes } from './storage/volumes.js';
import { Flattener } from './storage/flatten.js';
import { Images } from './images/images.js';
import { Seeds } from './cloudinit/seeds.js';
import { ConsoleLogs } from './domains/console-logs.js';
import { GenIsoImage } from './drivers/genisoimage.js';
import { ImageLayout } from './images/layout.js';
import type { Exec } from './util/exec.js';
import { KeyedLock } from './util/keyed-lock.js';

export interface AgentDeps {
  config: Omit<AgentConfig, 'domainType' | 'listen' | 'tokenFile'>;
  domainType: 'kvm' | 'qemu';
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
  readonly images: Images;
  readonly consoleLogs: ConsoleLogs;
  readonly switches: Switches;
  readonly domains: Domains;
  readonly hostFacts: HostFactsSource;

  constructor(readonly deps: AgentDeps) {
    const { config, exec } = deps;
    const flowOptions: FlowChainOptions = { onUndoFailure: (f) => void this.recordUndoFailure(f) };
    const layout = new PoolLayout(config.storageRoot);
    const virsh = new Virsh(exec, config.libvirtUri);
    const ovs = new Ovs(exec, config.ovsDbSocket);
    const qemuImg = new QemuImg(exec);
    this.consoleLogs = new ConsoleLogs(config.stateDir);
    this.pools = new Pools(layout, flowOptions);
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
      { images: this.images, flattener },
    );
    this.switches = new Switches(ovs, (sw, pg) => this.domains.usersOfPortGroup(sw, pg), flowOptions);
    this.domains = new Domains(virsh, this.volumes, this.switches, layout, {
      domainType: deps.domainType,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      ...(deps.pollIntervalMs !== undefined ? { pollIntervalMs: deps.pollIntervalMs } : {}),
      flowOptions,
      beforeStart: (paths) => flattener.waitOffline(paths),
      seeds: new Seeds(config.stateDir, new GenIsoImage(exec)),
      consoleLogs: this.consoleLogs,
    });
    this.hostFacts = new HostFactsSource(config.hostName, deps.domainType, virsh);
  }

  /** Everything nssv manages on this host, read from the host itself. */
  async inventory(): Promise<Inventory> {
    const [host, pools, network, domains, imageStores, images] = await Promise.all([
      this.hostFacts.get(),
      this.pools.list(),
      this.switches.list(),
      this.domains.list(),
      this.images.listStores(),
      this.images.listAll(),
    ]);
    const volumes = (await Promise.all(pools.map((p) => this.volumes.list(p.name)))).flat();
    const inventory: Inventory = {
      host,
      pools,
      volumes,
      switches: network.switches,
      portGroups: network.portGroups,
      domains,
      imageStores,
      images,
    };
    for (const kind of ['pools', 'volumes', 'switches', 'portGroups', 'domains'] as const) {
      this.deps.metrics.setManagedObjects(kind, inventory[kind].length);
    }
    return inventory;
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
