import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeleteResult, TrashEntry, TrashSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { readJsonRecord, writeJsonRecord } from '../storage/records.js';
import { keepUnexpired } from '../storage/trashExpiry.js';
import { exists } from '../util/exists.js';

/** What the domain trash needs from libvirt and the domains service. */
export interface DomainTrashDeps {
  /** The persistent definition (with nssv metadata and UUID), or undefined when there is no such domain. */
  definition(name: string): Promise<string | undefined>;
  /** Stops and undefines an nssv domain, removing its cloud-init seed. */
  remove(name: string): Promise<unknown>;
  define(name: string, xml: string): Promise<void>;
  /** Where the domain's cloud-init seed ISO lives (it may not exist). */
  seedPath(name: string): string;
}

interface Record {
  domain: string;
  address: string;
  deletedAt: string;
  expiresAt: string | null;
}

const ID = /^domain\.[0-9a-f]{12}$/;

/**
 * Deleted VMs kept in the host's trash (delete_policy = "delayed"): `<dir>/<id>/` holds the
 * domain's persistent XML (UUID and nssv metadata included), its cloud-init seed when it has one
 * and a record. Restoring defines the domain again, same UUID, shut off; disks are volumes with
 * their own delete policies. Entries past their expiry are purged when the trash is listed.
 */
export class DomainTrash {
  constructor(
    private readonly dir: string,
    private readonly deps: DomainTrashDeps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(name: string, spec: TrashSpec): Promise<TrashEntry> {
    const xml = await this.deps.definition(name);
    if (xml === undefined) {
      const already = (await this.list()).find((e) => e.domain === name && e.address === spec.address);
      if (already) return already;
      throw errors.notFound(`there is no domain ${JSON.stringify(name)} on this host`);
    }
    const id = `domain.${randomBytes(6).toString('hex')}`;
    const at = join(this.dir, id);
    const record: Record = {
      domain: name,
      address: spec.address,
      deletedAt: this.now().toISOString(),
      expiresAt: spec.expiresAt,
    };
    try {
      await mkdir(at, { recursive: true, mode: 0o700 });
      await writeFile(join(at, 'domain.xml'), xml, { mode: 0o600 });
      const seed = this.deps.seedPath(name);
      if (await exists(seed)) await copyFile(seed, join(at, 'seed.iso'));
      await writeJsonRecord(join(at, 'entry.json'), record);
      await this.deps.remove(name);
    } catch (e) {
      // Nothing half-done: the domain is still defined, so the entry goes.
      await rm(at, { recursive: true, force: true });
      throw e;
    }
    return entry(id, record);
  }

  async has(id: string): Promise<boolean> {
    return ID.test(id) && exists(join(this.dir, id, 'entry.json'));
  }

  async list(): Promise<TrashEntry[]> {
    const ids = (await readdir(this.dir).catch(() => [] as string[])).filter((x) => ID.test(x)).sort();
    const records: Array<Record & { id: string }> = [];
    for (const id of ids) {
      const record = await readJsonRecord<Record>(join(this.dir, id, 'entry.json'));
      if (record) records.push({ ...record, id });
    }
    const kept = await keepUnexpired(records, this.now(), (r) => this.purge(r.id));
    return kept.map((r) => entry(r.id, r));
  }

  /** Defines the domain again from its kept XML (same UUID), its seed back in place; refused if the name is taken. */
  async restore(id: string): Promise<TrashEntry> {
    const at = join(this.dir, id);
    const r = ID.test(id) ? await readJsonRecord<Record>(join(at, 'entry.json')) : undefined;
    if (!r) throw errors.notFound(`the trash holds no ${JSON.stringify(id)}`);
    if ((await this.deps.definition(r.domain)) !== undefined) {
      throw errors.conflict(
        `cannot restore ${id}: a domain ${JSON.stringify(r.domain)} is defined on this host; delete or rename it first`,
      );
    }
    if (await exists(join(at, 'seed.iso'))) {
      const seed = this.deps.seedPath(r.domain);
      await mkdir(join(seed, '..'), { recursive: true });
      await copyFile(join(at, 'seed.iso'), seed);
    }
    await this.deps.define(r.domain, await readFile(join(at, 'domain.xml'), 'utf8'));
    await rm(at, { recursive: true, force: true });
    return entry(id, r);
  }

  async purge(id: string): Promise<DeleteResult> {
    if (!(await this.has(id))) return { deleted: false };
    await rm(join(this.dir, id), { recursive: true, force: true });
    return { deleted: true };
  }
}

function entry(id: string, r: Record): TrashEntry {
  return {
    id,
    store: 'dir',
    domain: r.domain,
    address: r.address,
    deletedAt: r.deletedAt,
    expiresAt: r.expiresAt,
  };
}
