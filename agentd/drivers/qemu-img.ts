import type { VolumeFormat } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import type { Exec } from '../util/exec.js';
import { runTool } from './tool.js';

export interface ImageInfo {
  format: string;
  virtualSizeBytes: number;
  actualSizeBytes: number;
  /** The backing file of an overlay, as recorded in its header; undefined for a standalone image. */
  backingFile?: string;
}

export const GIB = 1024 ** 3;

/** qemu-img: create, inspect and grow disk images. */
export class QemuImg {
  constructor(
    private readonly exec: Exec,
    private readonly file = 'qemu-img',
  ) {}

  async create(path: string, format: VolumeFormat, sizeGiB: number): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      ['create', '-q', '-f', format, path, `${sizeGiB}G`],
      `create ${format} image ${path}`,
    );
  }

  /** `-U`: running guests hold a write lock on their images. */
  async info(path: string): Promise<ImageInfo> {
    const result = await runTool(
      this.exec,
      this.file,
      ['info', '-U', '--output=json', path],
      `inspect image ${path}`,
    );
    let parsed: {
      format?: unknown;
      'virtual-size'?: unknown;
      'actual-size'?: unknown;
      'full-backing-filename'?: unknown;
      'backing-filename'?: unknown;
    };
    try {
      parsed = JSON.parse(result.stdout) as typeof parsed;
    } catch {
      throw errors.toolFailed(`inspect image ${path}: qemu-img printed no JSON`, result.stdout.slice(0, 500));
    }
    const backing = parsed['full-backing-filename'] ?? parsed['backing-filename'];
    return {
      format: String(parsed.format),
      virtualSizeBytes: Number(parsed['virtual-size'] ?? 0),
      actualSizeBytes: Number(parsed['actual-size'] ?? 0),
      ...(typeof backing === 'string' ? { backingFile: backing } : {}),
    };
  }

  /** A qcow2 overlay at `path` whose reads fall through to the qcow2 image `backing` (`-F` is mandatory). */
  async createOverlay(path: string, backing: string, sizeGiB: number): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      ['create', '-q', '-f', 'qcow2', '-b', backing, '-F', 'qcow2', path, `${sizeGiB}G`],
      `create overlay ${path} on ${backing}`,
    );
  }

  /**
   * Points the overlay at another backing file (null: none), copying into it whatever it read from
   * the layers it stops using (a block pull done offline): what the overlay shows is unchanged.
   */
  async rebase(path: string, backing: string | null): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      [
        'rebase',
        '-q',
        '-f',
        'qcow2',
        ...(backing === null ? ['-b', ''] : ['-b', backing, '-F', 'qcow2']),
        path,
      ],
      `rebase ${path} on ${backing ?? 'nothing'}`,
    );
  }

  /** An independent copy of what `source` shows (its whole backing chain flattened). */
  async convert(source: string, target: string, format: VolumeFormat): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      ['convert', '-q', '-O', format, source, target],
      `copy ${source} to ${target}`,
    );
  }

  /** Grows an image to `sizeGiB`; shrinking is refused (it would destroy data). */
  async grow(path: string, format: VolumeFormat, sizeGiB: number): Promise<void> {
    const current = await this.info(path);
    const targetBytes = sizeGiB * GIB;
    if (targetBytes < current.virtualSizeBytes) {
      throw errors.conflict(
        `refusing to shrink volume ${path} from ${formatGiB(current.virtualSizeBytes)} GiB to ${sizeGiB} GiB: shrinking destroys data; create a new, smaller volume instead`,
      );
    }
    if (targetBytes === current.virtualSizeBytes) return;
    await runTool(
      this.exec,
      this.file,
      ['resize', '-q', '-f', format, path, `${sizeGiB}G`],
      `grow image ${path}`,
    );
  }
}

export function formatGiB(bytes: number): string {
  return String(Math.round((bytes / GIB) * 1000) / 1000);
}
