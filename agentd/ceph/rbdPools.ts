import { chunkEntries, chunkKeys, joinChunks } from './metaChunks.js';
import { errors } from '../errors.js';
import { type Flow, FlowChain, type FlowChainOptions, step } from '../flow/flow.js';
import type { CephCli } from './cli.js';
import { type CephPoolDetail, type OsdTreeNode, ruleFailureDomain } from './cephModel.js';
import { OsdMap, type OsdDumpWithRules } from './osdMap.js';
import { cephDataPoolName, cephPoolName, cephRuleName, ecProfileName, META, nssvPoolOf } from './names.js';
import { qosOf, RECOVERY } from './recovery.js';
import { holdsTrash, isRetired, trashHolder } from './retired.js';
import type { RbdPoolInfo, RbdPoolSpec } from './types.js';

const GIB = 1024 ** 3;
/** Placement groups per Ceph pool: enough for a few OSDs (the autoscaler is off for nssv's pools). */
const PG_NUM = '8';

/** min_size Ceph itself would pick for `size` replicas: writes continue with a majority left. */
export const minSizeFor = (size: number): number => size - Math.floor(size / 2);

type Snapshot = OsdDumpWithRules;

/**
 * rbd pools: Ceph pools shared by every host of the cluster. A replicated pool is one Ceph pool
 * with its own CRUSH rule over the failure domain; an erasure-coded one is an EC data pool
 * (profile k, m, failure domain; overwrites on, as RBD needs) plus a small replicated pool for
 * image metadata. The nssv address and settings Ceph has no field for live in the pool's rbd
 * application metadata, so inventory rebuilds everything from Ceph itself.
 */
export class RbdPools {
  private readonly osdMap: OsdMap;

  constructor(
    readonly cli: CephCli,
    private readonly flowOptions: FlowChainOptions = {},
  ) {
    this.osdMap = new OsdMap(cli);
  }

  private snapshot(): Promise<Snapshot> {
    return this.osdMap.withRules();
  }

  async list(): Promise<RbdPoolInfo[]> {
    const snap = await this.snapshot();
    const out: RbdPoolInfo[] = [];
    for (const p of snap.pools) {
      const name = nssvPoolOf(p.pool_name);
      const meta = p.application_metadata['rbd'];
      if (name === undefined || meta?.[META.address] === undefined) continue;
      out.push(this.info(name, p, snap));
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /**
   * The pools and, per pool, its volumes' addresses (one snapshot of Ceph's pool table), and that
   * table itself: RbdImages.inventory finds the image stores in it without listing it again.
   */
  async inventory(): Promise<{
    pools: RbdPoolInfo[];
    volumes: { name: string; volumes: Record<string, string>; meta: Record<string, string> }[];
    poolTable: CephPoolDetail[];
  }> {
    const snap = await this.snapshot();
    const pools: RbdPoolInfo[] = [];
    const volumes: { name: string; volumes: Record<string, string>; meta: Record<string, string> }[] = [];
    for (const p of snap.pools) {
      const name = nssvPoolOf(p.pool_name);
      const raw = p.application_metadata['rbd'];
      if (name === undefined || raw?.[META.address] === undefined) continue;
      const meta = joinChunks(raw);
      pools.push(this.info(name, p, snap));
      volumes.push({ name, volumes: volumesOf(meta), meta });
    }
    return { pools: pools.sort((a, b) => (a.name < b.name ? -1 : 1)), volumes, poolTable: snap.pools };
  }

  /** Addresses of the pool's volumes by name, or undefined when there is no such nssv pool. */
  async volumeAddresses(pool: string): Promise<Record<string, string> | undefined> {
    const meta = await this.metadata(pool);
    return meta === undefined ? undefined : volumesOf(meta);
  }

  /** Sets (or, with null, removes) one key of the pool's rbd metadata. */
  async setMetaKey(pool: string, key: string, value: string | null): Promise<void> {
    const main = cephPoolName(pool);
    const untag = (k: string) =>
      this.cli.run('ceph', ['osd', 'pool', 'application', 'rm', main, 'rbd', k], `untag ${main} (${k})`);
    const stale = chunkKeys((await this.rawMetadata(main)) ?? {}, key);
    if (value === null) await untag(key);
    else for (const [k, v] of chunkEntries(key, value)) await this.setMeta(main, k, v);
    const kept = new Set(value === null ? [] : chunkEntries(key, value).map(([k]) => k));
    for (const k of stale) if (!kept.has(k)) await untag(k);
  }

  /** The nssv pool's rbd application metadata, or undefined when there is no such nssv pool. */
  async metadata(pool: string): Promise<Record<string, string> | undefined> {
    const meta = await this.rawMetadata(cephPoolName(pool));
    return meta?.[META.address] === undefined ? undefined : joinChunks(meta);
  }

  /** The metadata of the nssv pool, live or retired (see retired.ts): where its trash is recorded. */
  async trashMetadata(pool: string): Promise<Record<string, string> | undefined> {
    const meta = await this.rawMetadata(cephPoolName(pool));
    return trashHolder(meta === undefined ? undefined : joinChunks(meta));
  }

  /** Every nssv pool whose trash can be listed: the live ones and the retired ones. */
  async trashPools(): Promise<{ name: string; meta: Record<string, string> }[]> {
    return (await this.snapshot()).pools.flatMap((p) => {
      const name = nssvPoolOf(p.pool_name);
      const meta = trashHolder(joinChunks(p.application_metadata['rbd'] ?? {}));
      return name === undefined || meta === undefined ? [] : [{ name, meta }];
    });
  }

  /** A Ceph pool's rbd application metadata as Ceph keeps it (chunked values in pieces). */
  private async rawMetadata(main: string): Promise<Record<string, string> | undefined> {
    const r = await this.cli.call(
      'ceph',
      ['osd', 'pool', 'application', 'get', main, '--format', 'json'],
      `read metadata of ${main}`,
    );
    if (r.exitCode !== 0) {
      if (/ENOENT|does not exist|unrecognized pool/i.test(r.stderr)) return undefined;
      throw errors.toolFailed(`read metadata of ${main}: ceph exited with ${r.exitCode}`, r.stderr.trim());
    }
    return (JSON.parse(r.stdout) as Record<string, Record<string, string>>)['rbd'];
  }

  /** Records (or, with null, forgets) a volume's nssv address in the pool's metadata. */
  async setVolumeAddress(pool: string, volume: string, address: string | null): Promise<void> {
    const key = `${META.volumePrefix}${volume}`;
    const entries = address === null ? [] : chunkEntries(key, address);
    // One entry (most addresses): written at once; pieces of an earlier long address, if any, are
    // ignored by joinChunks and removed with the volume's record.
    if (entries.length === 1) await this.setMeta(cephPoolName(pool), ...entries[0]!);
    else await this.setMetaKey(pool, key, address);
  }

  async get(pool: string): Promise<RbdPoolInfo | undefined> {
    const snap = await this.snapshot();
    const p = snap.pools.find((x) => x.pool_name === cephPoolName(pool));
    if (!p || p.application_metadata['rbd']?.[META.address] === undefined) return undefined;
    return this.info(pool, p, snap);
  }

  private info(name: string, main: CephPoolDetail, snap: Snapshot): RbdPoolInfo {
    const data = snap.pools.find((x) => x.pool_name === cephDataPoolName(name));
    const holder = data ?? main;
    const rule = snap.rules.find((r) => r.rule_id === holder.crush_rule);
    const meta = joinChunks(main.application_metadata['rbd'] ?? {});
    let erasureCode: RbdPoolInfo['erasureCode'] = null;
    if (data) {
      const profile = snap.erasure_code_profiles[data.erasure_code_profile] ?? {};
      erasureCode = { k: Number(profile['k']), m: Number(profile['m']) };
    }
    return {
      name,
      address: meta[META.address] ?? '',
      cephPool: main.pool_name,
      cephDataPool: data ? data.pool_name : null,
      replicas: data ? null : main.size,
      erasureCode,
      failureDomain: ruleFailureDomain(rule),
      quotaGiB: holder.quota_max_bytes > 0 ? holder.quota_max_bytes / GIB : null,
      recoveryQos: qosOf(holder.options),
      thinProvisioning: meta[META.thin] !== 'false',
    };
  }

  /** Creates the pool, or converges an existing one (replicas, quota, recovery, metadata). */
  async put(pool: string, spec: RbdPoolSpec): Promise<RbdPoolInfo> {
    checkSpec(spec);
    const main = cephPoolName(pool);
    const snap = await this.snapshot();
    const existing = snap.pools.find((x) => x.pool_name === main);
    if (!existing) {
      await this.create(pool, spec);
    } else {
      const current = this.info(pool, existing, snap);
      const retired = isRetired(joinChunks(existing.application_metadata['rbd'] ?? {}));
      await this.converge(pool, spec, current, retired);
      // Declared again: the retired pool (kept for its trash) is the pool once more.
      if (retired) await this.setMetaKey(pool, META.retired, null);
    }
    // As written (every Ceph call costs a second or more on a busy monitor; inventory re-reads it).
    return {
      name: pool,
      address: spec.address,
      cephPool: main,
      cephDataPool: spec.erasureCode ? cephDataPoolName(pool) : null,
      replicas: spec.replicas,
      erasureCode: spec.erasureCode,
      failureDomain: spec.failureDomain,
      quotaGiB: spec.quotaGiB,
      recoveryQos: spec.recoveryQos,
      thinProvisioning: spec.thinProvisioning,
    };
  }

  /**
   * Creates the Ceph objects as a flow chain: if a step fails, what the earlier ones made is
   * removed again (nothing half-made is left in the cluster). Independent settings are made
   * concurrently: each Ceph CLI call costs about a second.
   */
  private async create(pool: string, spec: RbdPoolSpec): Promise<void> {
    const main = cephPoolName(pool);
    const data = cephDataPoolName(pool);
    const profile = ecProfileName(pool);
    const rule = cephRuleName(pool);
    const ec = spec.erasureCode;
    const holder = ec ? data : main;
    const copies = ec ? ec.k + ec.m : spec.replicas!;
    await this.requireDomains(spec.failureDomain, copies, spec);
    const ceph = (args: string[], what: string): Promise<string> => this.cli.run('ceph', args, what);
    const dropPool = (p: string) =>
      ceph(['osd', 'pool', 'delete', p, p, '--yes-i-really-really-mean-it'], `delete Ceph pool ${p}`);
    // The replicated pool: all of a replicated nssv pool; the image metadata of an EC one (as many
    // copies as the data survives failures, m + 1). Ceph picks min_size (a majority) itself.
    const size = ec ? ec.m + 1 : spec.replicas!;
    const flows: Flow<object>[] = [
      {
        name: 'create CRUSH rule and erasure-code profile',
        run: async () => {
          await Promise.all([
            ceph(
              ['osd', 'crush', 'rule', 'create-replicated', rule, 'default', spec.failureDomain],
              `create CRUSH rule ${rule}`,
            ),
            ec
              ? ceph(
                  [
                    'osd',
                    'erasure-code-profile',
                    'set',
                    profile,
                    `k=${ec.k}`,
                    `m=${ec.m}`,
                    `crush-failure-domain=${spec.failureDomain}`,
                    '--force',
                  ],
                  `create erasure-code profile ${profile}`,
                )
              : undefined,
          ]);
        },
        rollback: async () => {
          await ceph(['osd', 'crush', 'rule', 'rm', rule], `delete CRUSH rule ${rule}`);
          if (ec)
            await ceph(
              ['osd', 'erasure-code-profile', 'rm', profile],
              `delete erasure-code profile ${profile}`,
            );
        },
      },
      {
        name: 'create pools',
        run: async () => {
          await Promise.all([
            ceph(
              [
                'osd',
                'pool',
                'create',
                main,
                PG_NUM,
                PG_NUM,
                'replicated',
                rule,
                '--size',
                String(size),
                '--autoscale-mode=off',
              ],
              `create pool ${main}`,
            ),
            ec
              ? ceph(
                  ['osd', 'pool', 'create', data, PG_NUM, PG_NUM, 'erasure', profile, '--autoscale-mode=off'],
                  `create EC data pool ${data}`,
                )
              : undefined,
          ]);
        },
        rollback: async () => {
          await dropPool(main);
          if (ec) {
            await dropPool(data);
            // Ceph made a rule named after the EC pool.
            await ceph(['osd', 'crush', 'rule', 'rm', data], `delete CRUSH rule ${data}`);
          }
        },
      },
      step('configure pools', async () => {
        await Promise.all([
          ceph(['osd', 'pool', 'application', 'enable', main, 'rbd'], `enable rbd on ${main}`),
          ec
            ? ceph(['osd', 'pool', 'application', 'enable', data, 'rbd'], `enable rbd on ${data}`)
            : undefined,
          ec
            ? ceph(['osd', 'pool', 'set', data, 'allow_ec_overwrites', 'true'], `allow overwrites on ${data}`)
            : undefined,
          spec.quotaGiB !== null ? this.setQuota(holder, spec.quotaGiB) : undefined,
          // medium is what a pool without settings has (Ceph's defaults).
          spec.recoveryQos !== 'medium' ? this.setRecovery([...new Set([main, holder])], spec) : undefined,
        ]);
        await this.setMeta(main, META.thin, String(spec.thinProvisioning));
        // Last: the address marks the pool as nssv's and complete.
        for (const [k, v] of chunkEntries(META.address, spec.address)) await this.setMeta(main, k, v);
      }),
    ];
    await new FlowChain<object>(`create rbd pool ${pool}`, flows, this.flowOptions).run({});
  }

  private async converge(
    pool: string,
    spec: RbdPoolSpec,
    current: RbdPoolInfo,
    retired: boolean,
  ): Promise<void> {
    const main = current.cephPool;
    const fix = retired
      ? `; a deleted pool of this name is kept in Ceph until its trash is purged: purge its entries (nssv trash list, nssv trash purge) or name the new pool differently`
      : `; create a new pool and move the volumes`;
    const holder = current.cephDataPool ?? main;
    const kind = (x: { erasureCode: unknown }): string => (x.erasureCode ? 'erasure-coded' : 'replicated');
    if (
      kind(spec) !== kind(current) ||
      JSON.stringify(spec.erasureCode) !== JSON.stringify(current.erasureCode)
    ) {
      throw errors.conflict(
        `rbd pool ${JSON.stringify(pool)} is ${describe(current)} in Ceph, not ${describe(spec)}: redundancy of this kind cannot change in place${fix}`,
      );
    }
    if (current.failureDomain !== spec.failureDomain) {
      throw errors.conflict(
        `rbd pool ${JSON.stringify(pool)} spreads its data over CRUSH buckets of type ${JSON.stringify(current.failureDomain)}, not ${JSON.stringify(spec.failureDomain)}: the failure domain cannot change in place${fix}`,
      );
    }
    if (spec.replicas !== null && current.replicas !== spec.replicas) {
      if (spec.replicas > (current.replicas ?? 0))
        await this.requireDomains(spec.failureDomain, spec.replicas, spec);
      await this.setSize(main, spec.replicas);
    }
    if (current.quotaGiB !== spec.quotaGiB) await this.setQuota(holder, spec.quotaGiB);
    if (current.recoveryQos !== spec.recoveryQos) await this.setRecovery([...new Set([main, holder])], spec);
    if (current.thinProvisioning !== spec.thinProvisioning)
      await this.setMeta(main, META.thin, String(spec.thinProvisioning));
    if (current.address !== spec.address) await this.setMetaKey(pool, META.address, spec.address);
  }

  /**
   * Removes the pool and what nssv made for it; refuses while it holds images. While its rbd trash
   * holds volumes, the Ceph pool is only retired (see retired.ts): deleting it would purge them.
   */
  async delete(pool: string): Promise<{ deleted: boolean }> {
    const current = await this.get(pool);
    if (!current) return { deleted: false };
    const images = (
      await this.cli.json<string[]>('rbd', ['ls', current.cephPool], `list images in ${current.cephPool}`)
    ).sort();
    if (images.length > 0) {
      throw errors.conflict(
        `rbd pool ${JSON.stringify(pool)} still holds ${images.length} image(s): ${images.join(', ')}; delete those volumes first`,
      );
    }
    if (holdsTrash((await this.metadata(pool)) ?? {}, META.trashPrefix)) {
      await this.setMeta(current.cephPool, META.retired, String(Date.now()));
      await this.setMetaKey(pool, META.address, null);
      return { deleted: true };
    }
    await this.drop(current);
    return { deleted: true };
  }

  /** Deletes a retired pool once its trash holds nothing more (the last entry purged). */
  async dropIfEmptyRetired(pool: string): Promise<void> {
    const snap = await this.snapshot();
    const main = snap.pools.find((x) => x.pool_name === cephPoolName(pool));
    const meta = joinChunks(main?.application_metadata['rbd'] ?? {});
    if (!main || !isRetired(meta) || holdsTrash(meta, META.trashPrefix)) return;
    await this.drop(this.info(pool, main, snap));
  }

  /** Deletes the Ceph pools, CRUSH rules and erasure-code profile of the pool. */
  private async drop(current: RbdPoolInfo): Promise<void> {
    const pool = current.name;
    for (const p of [current.cephPool, current.cephDataPool]) {
      if (p === null) continue;
      await this.cli.run(
        'ceph',
        ['osd', 'pool', 'delete', p, p, '--yes-i-really-really-mean-it'],
        `delete Ceph pool ${p}`,
      );
    }
    const rules = (await this.snapshot()).rules.map((r) => r.rule_name);
    for (const rule of [cephRuleName(pool), cephDataPoolName(pool)]) {
      if (rules.includes(rule))
        await this.cli.run('ceph', ['osd', 'crush', 'rule', 'rm', rule], `delete CRUSH rule ${rule}`);
    }
    if (current.cephDataPool !== null) {
      await this.cli.run(
        'ceph',
        ['osd', 'erasure-code-profile', 'rm', ecProfileName(pool)],
        `delete erasure-code profile ${ecProfileName(pool)}`,
      );
    }
  }

  /** Ceph would create the pool and leave it degraded forever: refuse with the numbers instead. */
  private async requireDomains(type: string, copies: number, spec: RbdPoolSpec): Promise<void> {
    const tree = await this.cli.json<{ nodes: OsdTreeNode[] }>(
      'ceph',
      ['osd', 'tree'],
      'read the CRUSH tree',
    );
    const buckets = tree.nodes
      .filter((n) => n.type === type && (n.children?.length ?? 0) > 0)
      .map((n) => n.name)
      .sort();
    if (buckets.length < copies) {
      throw errors.conflict(
        `${describe(spec)} with failure domain ${JSON.stringify(type)} needs ${copies} CRUSH buckets of type ${type} holding OSDs; the cluster has ${buckets.length}${buckets.length ? ` (${buckets.join(', ')})` : ''}: lower replicas or erasure_code${type === 'host' ? '' : ', choose a narrower failure domain such as "host"'}, or add OSDs in more ${type}s`,
      );
    }
  }

  private async setSize(pool: string, size: number): Promise<void> {
    await this.cli.run(
      'ceph',
      ['osd', 'pool', 'set', pool, 'size', String(size), '--yes-i-really-mean-it'],
      `set ${pool} size ${size}`,
    );
    await this.cli.run(
      'ceph',
      ['osd', 'pool', 'set', pool, 'min_size', String(minSizeFor(size))],
      `set ${pool} min_size`,
    );
  }

  private async setQuota(pool: string, quotaGiB: number | null): Promise<void> {
    const bytes = quotaGiB === null ? 0 : quotaGiB * GIB;
    await this.cli.run(
      'ceph',
      ['osd', 'pool', 'set-quota', pool, 'max_bytes', String(bytes)],
      `set quota of ${pool}`,
    );
  }

  private async setRecovery(pools: string[], spec: RbdPoolSpec): Promise<void> {
    const s = RECOVERY[spec.recoveryQos];
    await Promise.all(
      pools.flatMap((pool) =>
        Object.entries(s).map(([key, value]) =>
          this.cli.run('ceph', ['osd', 'pool', 'set', pool, key, String(value)], `set ${key} of ${pool}`),
        ),
      ),
    );
  }

  private async setMeta(pool: string, key: string, value: string): Promise<void> {
    await this.cli.run(
      'ceph',
      ['osd', 'pool', 'application', 'set', pool, 'rbd', key, value],
      `tag ${pool} (${key})`,
    );
  }
}

function volumesOf(meta: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(meta)
      .filter(([k]) => k.startsWith(META.volumePrefix))
      .map(([k, v]) => [k.slice(META.volumePrefix.length), v]),
  );
}

function describe(x: { replicas: number | null; erasureCode: { k: number; m: number } | null }): string {
  return x.erasureCode ? `erasure-coded ${x.erasureCode.k}+${x.erasureCode.m}` : `replicated ×${x.replicas}`;
}

function checkSpec(spec: RbdPoolSpec): void {
  if ((spec.replicas === null) === (spec.erasureCode === null)) {
    throw errors.invalidRequest('an rbd pool needs exactly one of replicas and erasureCode');
  }
}
