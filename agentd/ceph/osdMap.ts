import type { CephCli } from './cli.js';
import type { CephPoolDetail, CrushRule } from './cephModel.js';

/** What nssv reads of `ceph osd dump`: the pool table, the erasure-code profiles, the CRUSH map's version. */
export interface OsdDump {
  crush_version: number;
  pools: CephPoolDetail[];
  erasure_code_profiles: Record<string, Record<string, string>>;
}

/** A dump with the CRUSH rules of (at least) its crush_version. */
export type OsdDumpWithRules = OsdDump & { rules: CrushRule[] };

/**
 * Ceph's OSD map as nssv reads it. Each `ceph` call is a Python process that costs ~0.35 s of CPU
 * on an idle machine and 1.5 s or more on a busy one, and an inventory runs on every host of the
 * cluster: one `osd dump` gives the pools and the erasure-code profiles, and the CRUSH rules are
 * read again only when the map's crush_version has moved since they were last read (creating,
 * changing or removing a rule moves it), so a rule changed out of band is still seen.
 */
export class OsdMap {
  private rules: { crushVersion: number; rules: CrushRule[] } | undefined;

  constructor(private readonly cli: CephCli) {}

  dump(): Promise<OsdDump> {
    return this.cli.json<OsdDump>('ceph', ['osd', 'dump'], 'read the OSD map');
  }

  async withRules(): Promise<OsdDumpWithRules> {
    const dump = await this.dump();
    const known = this.rules;
    if (known !== undefined && known.crushVersion === dump.crush_version)
      return { ...dump, rules: known.rules };
    // Read after the dump: never older than its crush_version (newer only makes the next dump read again).
    const rules = await this.cli.json<CrushRule[]>(
      'ceph',
      ['osd', 'crush', 'rule', 'dump'],
      'list CRUSH rules',
    );
    this.rules = { crushVersion: dump.crush_version, rules };
    return { ...dump, rules };
  }
}
