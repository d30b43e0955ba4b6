import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from '../errors.js';
import { isValidName } from '../names.js';
import { DATA_TOOL_TIMEOUT_MS, type Exec, type ExecResult } from '../util/exec.js';
import { callTool, runTool, toolError } from './tool.js';

export interface DomainListEntry {
  name: string;
  /** libvirt's state word: 'running', 'shut off', 'paused', … */
  state: string;
}

export interface NodeInfo {
  cpus: number;
  memoryMiB: number;
}

/** How long one migration may take (memory copy of a busy guest over a slow link). */
export const MIGRATE_TIMEOUT_MS = 600_000;

/** libvirt through virsh on one host's connection URI. */
export class Virsh {
  constructor(
    private readonly exec: Exec,
    private readonly uri: string,
    private readonly file = 'virsh',
  ) {}

  private args(...rest: string[]): string[] {
    return ['-q', '-c', this.uri, ...rest];
  }

  private run(what: string, ...rest: string[]): Promise<ExecResult> {
    return runTool(this.exec, this.file, this.args(...rest), what);
  }

  /** Every domain (running or not) with its state, in one call. */
  async list(): Promise<DomainListEntry[]> {
    const result = await this.run('list libvirt domains', 'list', '--all');
    return result.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('Id ') && !/^-+$/.test(l))
      .map((l) => {
        const [, name = '', ...state] = l.split(/\s+/);
        return { name, state: state.join(' ') };
      });
  }

  /** The domain's XML, or undefined when there is no such domain. */
  async dumpXml(name: string, inactive = false): Promise<string | undefined> {
    const args = this.args('dumpxml', ...(inactive ? ['--inactive'] : []), name);
    const result = await callTool(this.exec, this.file, args, `read domain ${name}`);
    if (result.exitCode === 0) return result.stdout;
    if (isNoDomain(result)) return undefined;
    throw toolError(this.file, args, `read domain ${name}`, result);
  }

  /** The domain's XML as a migration's destination takes it (`dumpxml --migratable`), running or persistent. */
  async migratableXml(name: string, inactive = false): Promise<string> {
    const args = ['dumpxml', '--migratable', ...(inactive ? ['--inactive'] : []), name];
    return (await this.run(`read domain ${name} for migration`, ...args)).stdout;
  }

  /**
   * XML of many domains in one virsh process (virsh runs `dumpxml a; dumpxml b` itself; names are
   * validated, so nothing but names reaches its command parser). Domains that vanished are skipped.
   */
  async dumpXmlMany(names: readonly string[], inactive = false): Promise<string[]> {
    if (names.length === 0) return [];
    for (const n of names) {
      if (!isValidName('domain', n))
        throw errors.internal(`refusing to batch unvalidated domain name ${JSON.stringify(n)}`);
    }
    const script = names.map((n) => `dumpxml ${inactive ? '--inactive ' : ''}${n}`).join('; ');
    const result = await callTool(this.exec, this.file, this.args(script), 'read domains');
    const docs = result.stdout
      .split(/(?<=<\/domain>)/)
      .map((d) => d.trim())
      .filter((d) => d.startsWith('<domain'));
    return docs;
  }

  async state(name: string): Promise<string | undefined> {
    const args = this.args('domstate', name);
    const result = await callTool(this.exec, this.file, args, `read state of domain ${name}`);
    if (result.exitCode === 0) return result.stdout.trim();
    if (isNoDomain(result)) return undefined;
    throw toolError(this.file, args, `read state of domain ${name}`, result);
  }

  /** `virsh define` from a temporary file holding the XML. */
  async define(name: string, xml: string): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'nssv-agentd-'));
    try {
      const file = join(dir, `${name}.xml`);
      await writeFile(file, xml, { mode: 0o600 });
      await this.run(`define domain ${name}`, 'define', file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Moves the domain to another host's libvirt (`virsh migrate`, the client opening both ends):
   * live (`--live`, QEMU's memory stream to `address` on the destination) when it runs, else
   * `--offline` (the definition only). `--persistent --undefinesource`: afterwards it is defined on
   * the destination only, with the same UUID. With `copy`, the local disks `copy.targets` are
   * mirrored over NBD into files precreated there (`--copy-storage-all` or `-inc`), and the
   * destination starts from `copy.xml` and keeps `copy.persistentXml` as its definition (the
   * domain with those files' paths). On failure libvirt
   * aborts and the domain stays here.
   */
  async migrate(
    name: string,
    destUri: string,
    address: string,
    live: boolean,
    options: {
      /** Local disks copied by a live migration (by target), into files precreated on the destination. */
      storage?: { mode: 'all' | 'incremental'; targets: string[] };
      /** The domain's XML as the destination runs it (live; undefined for an offline migration) and defines it (persistent). */
      xml?: { live: string | undefined; persistent: string };
    } = {},
  ): Promise<void> {
    const mode = live
      ? ['--live', '--migrateuri', `tcp://${address}`, '--listen-address', address]
      : ['--offline'];
    const { storage: copy, xml } = options;
    const dir = xml ? await mkdtemp(join(tmpdir(), 'nssv-agentd-')) : undefined;
    try {
      const storage: string[] = [];
      if (copy) {
        storage.push(
          copy.mode === 'all' ? '--copy-storage-all' : '--copy-storage-inc',
          '--migrate-disks',
          copy.targets.join(','),
          '--disks-uri',
          `tcp://${address}`,
        );
      }
      if (xml && dir) {
        const persistent = join(dir, `${name}.persistent.xml`);
        await writeFile(persistent, xml.persistent, { mode: 0o600 });
        if (xml.live !== undefined) {
          const file = join(dir, `${name}.xml`);
          await writeFile(file, xml.live, { mode: 0o600 });
          storage.push('--xml', file, '--persistent-xml', persistent);
        } else {
          // Offline, libvirt defines the domain from --xml (it ignores --persistent-xml then).
          storage.push('--xml', persistent);
        }
      }
      await runTool(
        this.exec,
        this.file,
        this.args(
          'migrate',
          ...mode,
          ...storage,
          '--persistent',
          '--undefinesource',
          '--domain',
          name,
          '--desturi',
          destUri,
        ),
        `migrate domain ${name} to ${destUri}`,
        { timeoutMs: MIGRATE_TIMEOUT_MS },
      );
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Sets the domain's custom metadata element of namespace `uri` (prefix `key`) to `xml`, in its
   * persistent definition and, with `live`, in the running domain too; nothing else changes.
   */
  async setMetadata(name: string, uri: string, key: string, xml: string, live: boolean): Promise<void> {
    await this.run(
      `write nssv metadata on domain ${name}`,
      'metadata',
      name,
      '--uri',
      uri,
      '--key',
      key,
      '--set',
      xml,
      '--config',
      ...(live ? ['--live'] : []),
    );
  }

  /** The running domain's <on_crash> action (`virsh set-lifecycle-action --live`); the persistent definition is left alone. */
  async setCrashActionLive(name: string, action: string): Promise<void> {
    await this.run(
      `set the crash action of running domain ${name} to ${action}`,
      'set-lifecycle-action',
      name,
      'crash',
      action,
      '--live',
    );
  }

  /** Hot-plug vCPUs of a running domain (up to its maximum); the persistent definition is left alone. */
  async setVcpusLive(name: string, vcpus: number): Promise<void> {
    await this.run(
      `set vCPUs of running domain ${name} to ${vcpus}`,
      'setvcpus',
      name,
      String(vcpus),
      '--live',
    );
  }

  /** Balloon a running domain's memory (up to its maximum). */
  async setMemoryLive(name: string, memoryMiB: number): Promise<void> {
    await this.run(
      `set memory of running domain ${name} to ${memoryMiB} MiB`,
      'setmem',
      name,
      `${memoryMiB * 1024}`,
      '--live',
    );
  }

  /** Hot-plugs (attach) or unplugs (detach) one device of a running domain. */
  async deviceLive(name: string, action: 'attach' | 'detach', xml: string, what: string): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'nssv-agentd-'));
    try {
      const file = join(dir, 'device.xml');
      await writeFile(file, xml, { mode: 0o600 });
      await this.run(`${action} ${what} of running domain ${name}`, `${action}-device`, name, file, '--live');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Makes a running domain's CD-ROM read the file now at `path`: QEMU keeps the file it opened,
   * so a file replaced by rename stays unseen (even across a guest reboot) until the media is
   * ejected and inserted again. Forced: the guest may hold the tray locked.
   */
  async reloadMediaLive(name: string, target: string, path: string): Promise<void> {
    await this.run(
      `eject CD-ROM ${target} of running domain ${name}`,
      'change-media',
      name,
      target,
      '--eject',
      '--live',
      '--force',
    );
    await this.run(
      `insert ${path} into CD-ROM ${target} of running domain ${name}`,
      'change-media',
      name,
      target,
      path,
      '--insert',
      '--live',
    );
  }

  /** Stops a running domain's vCPUs (memory kept). */
  async suspend(name: string): Promise<void> {
    await this.run(`pause domain ${name}`, 'suspend', name);
  }

  async resume(name: string): Promise<void> {
    await this.run(`resume domain ${name}`, 'resume', name);
  }

  async start(name: string): Promise<void> {
    await this.run(`start domain ${name}`, 'start', name);
  }

  /** Grows a disk of a running domain through its QEMU (the image is locked while it runs). */
  async blockResize(name: string, path: string, sizeGiB: number): Promise<void> {
    await this.run(`grow disk ${path} of running domain ${name}`, 'blockresize', name, path, `${sizeGiB}G`);
  }

  /** Copies a running domain's disk data out of its backing chain (flattens it live) and waits. */
  async blockPull(name: string, path: string): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      this.args('blockpull', name, path, '--wait'),
      `flatten disk ${path} of running domain ${name}`,
      {
        timeoutMs: DATA_TOOL_TIMEOUT_MS,
      },
    );
  }

  /**
   * Streams the data of a running domain's disk's backing layers above `base` into its active
   * layer, live, and makes `base` that layer's backing file (none when `base` is null: the whole
   * chain is pulled in). The layers above `base` are then out of the chain.
   */
  async blockPullOnto(name: string, target: string, base: string | null): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      this.args('blockpull', name, target, ...(base === null ? [] : ['--base', base]), '--wait'),
      `pull the backing layers of disk ${target} of running domain ${name} into it`,
      { timeoutMs: DATA_TOOL_TIMEOUT_MS },
    );
  }

  /**
   * A disk-only external snapshot of one disk of a running domain, without libvirt snapshot
   * metadata: QEMU goes on writing into the new overlay `file` (backed by the old image); every
   * other disk (`others`) is left alone.
   */
  async snapshotDiskOnly(
    name: string,
    target: string,
    file: string,
    others: readonly string[],
  ): Promise<void> {
    await this.run(
      `take a live snapshot of disk ${target} of domain ${name}`,
      'snapshot-create-as',
      name,
      '--disk-only',
      '--no-metadata',
      '--atomic',
      '--diskspec',
      `${target},snapshot=external,file=${file}`,
      ...others.flatMap((o) => ['--diskspec', `${o},snapshot=no`]),
    );
  }

  /**
   * Copies the top layer of a running domain's disk into `dest` (made beforehand, with the backing
   * chain it should have) and switches QEMU over to it (--pivot), live.
   */
  async blockCopyPivot(name: string, target: string, dest: string): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      this.args(
        'blockcopy',
        name,
        target,
        '--dest',
        dest,
        '--shallow',
        '--reuse-external',
        '--format',
        'qcow2',
        '--transient-job',
        '--pivot',
        '--wait',
      ),
      `copy disk ${target} of running domain ${name} to ${dest}`,
      { timeoutMs: DATA_TOOL_TIMEOUT_MS },
    );
  }

  /** Merges a running domain's active overlay into its backing image and switches back to that image. */
  async blockCommitActive(name: string, target: string): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      this.args('blockcommit', name, target, '--active', '--pivot', '--wait'),
      `merge the active layer of disk ${target} of running domain ${name}`,
      { timeoutMs: DATA_TOOL_TIMEOUT_MS },
    );
  }

  /** ACPI power button; the guest may ignore it. */
  async shutdown(name: string): Promise<void> {
    await this.run(`shut down domain ${name}`, 'shutdown', name);
  }

  /** Hard power off; "not running" counts as success. */
  async destroy(name: string): Promise<void> {
    const args = this.args('destroy', name);
    const result = await callTool(this.exec, this.file, args, `destroy domain ${name}`);
    if (result.exitCode === 0 || /domain is not running/i.test(result.stderr)) return;
    throw toolError(this.file, args, `destroy domain ${name}`, result);
  }

  async undefine(name: string): Promise<void> {
    const args = this.args('undefine', name);
    const result = await callTool(this.exec, this.file, args, `undefine domain ${name}`);
    if (result.exitCode === 0 || isNoDomain(result)) return;
    throw toolError(this.file, args, `undefine domain ${name}`, result);
  }

  /**
   * The host's PCI devices as libvirt's node device driver has them: `nodedev-list --cap pci`,
   * then every device's XML from one virsh process (`nodedev-dumpxml a; nodedev-dumpxml b`; only
   * names of libvirt's own `pci_DDDD_BB_SS_F` form reach its command parser).
   */
  async pciDeviceXmls(): Promise<string[]> {
    const list = await this.run('list PCI devices', 'nodedev-list', '--cap', 'pci');
    const names = list.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^pci_[0-9a-f]{4}_[0-9a-f]{2}_[0-9a-f]{2}_[0-7]$/.test(l));
    if (names.length === 0) return [];
    const script = names.map((n) => `nodedev-dumpxml ${n}`).join('; ');
    const result = await this.run('read PCI devices', script);
    return result.stdout
      .split(/(?<=<\/device>)/)
      .map((d) => d.trim())
      .filter((d) => d.startsWith('<device'));
  }

  async nodeInfo(): Promise<NodeInfo> {
    const result = await this.run('read node info', 'nodeinfo');
    const field = (label: string): number => {
      const m = new RegExp(`^${label}:\\s*(\\d+)`, 'm').exec(result.stdout);
      return m ? Number(m[1]) : 0;
    };
    return { cpus: field('CPU\\(s\\)'), memoryMiB: Math.floor(field('Memory size') / 1024) };
  }
}

function isNoDomain(result: ExecResult): boolean {
  return /failed to get domain|Domain not found|no domain with matching/i.test(result.stderr);
}
