import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CloudInitSpec } from '../../schemas/generated/agentApi.js';
import type { GenIsoImage } from '../drivers/genisoimage.js';
import { type SeedNic, seedFiles } from './seed-files.js';

export interface WrittenSeed {
  path: string;
  instanceId: string;
  /** The seed this one replaced (to put back on rollback), or undefined when there was none. */
  previous: Buffer | undefined;
}

/**
 * Per-domain NoCloud seeds under <stateDir>/seeds/<domain>.iso (mode 0600: they hold user data
 * and keys). Written to a temporary file and renamed, so a domain never sees half a seed.
 */
export class Seeds {
  private readonly dir: string;

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
    return { path, instanceId: files.instanceId, previous };
  }

  /** Puts back what `write` replaced. */
  async restore(domain: string, previous: Buffer | undefined): Promise<void> {
    if (previous === undefined) await this.remove(domain);
    else await writeFile(this.path(domain), previous, { mode: 0o600 });
  }

  async remove(domain: string): Promise<void> {
    await rm(this.path(domain), { force: true });
  }
}
