import type { QemuImg } from '../drivers/qemu-img.js';
import type { Logger } from '../log.js';

/** Pulls a running domain's disk data out of its backing file (virsh blockpull), or says no domain runs it. */
export type LivePull = (path: string) => Promise<boolean>;

/**
 * Rapid full clones: the volume starts as a linked overlay (usable at once) and is flattened in
 * the background into an independent copy. A domain running on it is flattened live through its
 * QEMU (blockpull); otherwise qemu-img rebases the file. A domain start waits for an offline
 * flatten of its disks to finish (qemu-img holds the image's write lock meanwhile).
 */
export class Flattener {
  private readonly jobs = new Map<string, Promise<void>>();
  private readonly offline = new Set<string>();

  constructor(
    private readonly qemuImg: QemuImg,
    private readonly livePull: LivePull,
    private readonly logger: Logger,
  ) {}

  isRunning(path: string): boolean {
    return this.jobs.has(path);
  }

  /** Starts flattening `path` unless a job already does. */
  start(path: string): void {
    if (this.jobs.has(path)) return;
    const job = this.run(path)
      .catch((e: unknown) =>
        this.logger.error(
          'rapid clone: flattening failed; it is retried on the next request for the volume',
          {
            path,
            error: e instanceof Error ? e.message : String(e),
          },
        ),
      )
      .finally(() => {
        this.jobs.delete(path);
        this.offline.delete(path);
      });
    this.jobs.set(path, job);
  }

  /** Waits for any flatten of these paths that holds the file (not those running live). */
  async waitOffline(paths: readonly string[]): Promise<void> {
    await Promise.all(paths.filter((p) => this.offline.has(p)).map((p) => this.jobs.get(p)));
  }

  /** Waits for any job on `path` (before the volume is deleted). */
  async settle(path: string): Promise<void> {
    await this.jobs.get(path);
  }

  private async run(path: string): Promise<void> {
    const info = await this.qemuImg.info(path);
    if (info.backingFile === undefined) return;
    if (await this.livePull(path)) return;
    this.offline.add(path);
    await this.qemuImg.flatten(path);
    this.logger.info('rapid clone flattened', { path });
  }
}
