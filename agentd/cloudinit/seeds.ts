import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CloudInitInfo, CloudInitSpec } from '../../schemas/generated/agentApi.js';
import type { GenIsoImage } from '../drivers/genisoimage.js';
import { type SeedNic, seedFiles } from './seed-files.js';

export interface WrittenSeed {
  path: string;
  instanceId: string;
  /** sha256 of the ISO as written (recorded in the domain's metadata to see out-of-band changes). */
  sha256: string;
  /** The seed this one replaced (to put back on rollback), or undefined when there was none. */
  previous: Buffer | undefined;
}

/**
 * Per-domain NoCloud seeds under <stateDir>/seeds/<domain>.iso (mode 0600: they hold user data
 * and keys). Written to a temporary file and renamed, so a domain never sees half a seed.
 */
export class Seeds {
  private readonly dir: string;
  /** sha256 of seed files by path, valid while the file's inode, size and mtime stay the same. */
  private readonly digests = new Map<string, { key: string; sha256: string }>();

  constructor(
    stateDir: string,
    private readonly genisoimage: GenIsoImage,
  ) {
    this.dir = join(stateDir, 'seeds');
  }

  path(domain: string): string {
    return join(this.dir, `${domain}.iso`);
  }

  async write(
    domain: string,
    uuid: string,
    spec: CloudInitSpec,
    nics: readonly SeedNic[],
  ): Promise<WrittenSeed> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const files = seedFiles(domain, uuid, spec, nics);
    const path = this.path(domain);
    const previous = await readFile(path).catch(() => undefined);
    const work = await mkdtemp(join(this.dir, `.${domain}-`));
    try {
      const names = ['meta-data', 'user-data', 'network-config'] as const;
      for (const n of names) await writeFile(join(work, n), files[n], { mode: 0o600 });
      const iso = join(work, 'seed.iso');
      await this.genisoimage.seed(
        iso,
        names.map((n) => join(work, n)),
      );
      await chmod(iso, 0o600);
      await rename(iso, path);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    const sha256 = await this.digest(path);
    return { path, instanceId: files.instanceId, sha256: sha256!, previous };
  }

  /**
   * The seed file at `path` compared with the digest the agent recorded when it wrote it:
   * intact, missing, or modified. Without a recorded digest (a seed written before nssv kept
   * one) only its presence is checked.
   */
  async state(path: string, sha256: string | undefined): Promise<CloudInitInfo['seed']> {
    const actual = await this.digest(path);
    if (actual === undefined) return 'missing';
    return sha256 === undefined || actual === sha256 ? 'intact' : 'modified';
  }

  private async digest(path: string): Promise<string | undefined> {
    const st = await stat(path).catch(() => undefined);
    if (!st?.isFile()) return undefined;
    const key = `${st.ino}:${st.size}:${st.mtimeMs}`;
    const known = this.digests.get(path);
    if (known?.key === key) return known.sha256;
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) return undefined;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.digests.set(path, { key, sha256 });
    return sha256;
  }

  /** Puts back what `write` replaced. */
  async restore(domain: string, previous: Buffer | undefined): Promise<void> {
    if (previous === undefined) await this.remove(domain);
    else await writeFile(this.path(domain), previous, { mode: 0o600 });
    this.digests.delete(this.path(domain));
  }

  async remove(domain: string): Promise<void> {
    this.digests.delete(this.path(domain));
    await rm(this.path(domain), { force: true });
  }
}
