import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentCephConfig } from '../config.js';
import { callTool, runTool } from '../drivers/tool.js';
import { errors } from '../errors.js';
import type { Exec } from '../util/exec.js';
import { fsidOf, keyOf, readCephFile } from './clientConfig.js';

/** A stable UUID for the Ceph client's libvirt secret on every host (from the cluster's fsid and the user). */
export function secretUuid(fsid: string, user: string): string {
  const h = createHash('sha1').update(`nssv-ceph-secret:${fsid}:${user}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The cephx key as a libvirt secret of this host (usage type ceph), so domains' rbd disks
 * authenticate without the key in their XML. The key goes to virsh through a 0600 file, never
 * on a command line or into a log.
 */
export class CephSecret {
  private ensured: string | undefined;

  constructor(
    private readonly exec: Exec,
    private readonly libvirtUri: string,
    private readonly config: AgentCephConfig,
  ) {}

  async ensure(): Promise<string> {
    if (this.ensured) return this.ensured;
    const conf = await readCephFile(this.config.confFile, 'configuration');
    const key = keyOf(await readCephFile(this.config.keyringFile, 'keyring'), this.config.user);
    if (key === undefined) {
      throw errors.internal(
        `the keyring ${this.config.keyringFile} has no key for client.${this.config.user}; fix "ceph" in agentd's config`,
      );
    }
    const uuid = secretUuid(fsidOf(conf), this.config.user);
    const virsh = (args: string[], what: string) =>
      runTool(this.exec, 'virsh', ['-q', '-c', this.libvirtUri, ...args], what);
    const dir = await mkdtemp(join(tmpdir(), 'nssv-secret-'));
    try {
      const exists = await callTool(
        this.exec,
        'virsh',
        ['-q', '-c', this.libvirtUri, 'secret-dumpxml', uuid],
        'read the Ceph secret',
      );
      if (exists.exitCode !== 0) {
        const xml = join(dir, 'secret.xml');
        await writeFile(
          xml,
          `<secret ephemeral='no' private='yes'><uuid>${uuid}</uuid><usage type='ceph'><name>nssv client.${this.config.user}</name></usage></secret>\n`,
          { mode: 0o600 },
        );
        await virsh(['secret-define', xml], 'define the Ceph secret');
      }
      const value = join(dir, 'value');
      await writeFile(value, key, { mode: 0o600 });
      await virsh(['secret-set-value', uuid, '--file', value], 'set the Ceph secret');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    this.ensured = uuid;
    return uuid;
  }
}
