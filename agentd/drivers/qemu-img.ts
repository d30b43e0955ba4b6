import type { VolumeFormat } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';
import { DATA_TOOL_TIMEOUT_MS, type Exec } from '../util/exec.js';
import { exists } from '../util/exists.js';
import { runTool } from './tool.js';

export interface ImageInfo {
  format: string;
  virtualSizeBytes: number;
  actualSizeBytes: number;
  /** The backing file of a qcow2 overlay, as recorded in the image. */
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

  /** `info`, or undefined when the file went away meanwhile (a concurrent delete on this host). */
  async infoUnlessGone(path: string): Promise<ImageInfo | undefined> {
    try {
      return await this.info(path);
    } catch (e) {
      if (!(await exists(path))) return undefined;
      throw e;
    }
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
      'backing-filename'?: unknown;
    };
    try {
      parsed = JSON.parse(result.stdout) as typeof parsed;
    } catch {
      throw errors.toolFailed(`inspect image ${path}: qemu-img printed no JSON`, result.stdout.slice(0, 500));
    }
    return {
      format: String(parsed.format),
      virtualSizeBytes: Number(parsed['virtual-size'] ?? 0),
      actualSizeBytes: Number(parsed['actual-size'] ?? 0),
      ...(typeof parsed['backing-filename'] === 'string' ? { backingFile: parsed['backing-filename'] } : {}),
    };
  }

  /**
   * A qcow2 overlay backed by `backing` (its format given explicitly: QEMU 7.2 requires -F).
   * `unopened`: the backing file is not opened (-u), for one a running QEMU holds write-locked.
   */
  async createOverlay(
    path: string,
    backing: string,
    backingFormat: VolumeFormat,
    sizeGiB: number,
    unopened = false,
  ): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      [
        'create',
        '-q',
        ...(unopened ? ['-u'] : []),
        '-f',
        'qcow2',
        '-b',
        backing,
        '-F',
        backingFormat,
        path,
        `${sizeGiB}G`,
      ],
      `create overlay ${path} backed by ${backing}`,
    );
  }

  /** An independent copy of `source` in `format` (raw↔qcow2 conversion included). */
  async convert(
    source: string,
    sourceFormat: VolumeFormat,
    path: string,
    format: VolumeFormat,
  ): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      ['convert', '-q', '-f', sourceFormat, '-O', format, source, path],
      `copy image ${source} to ${path}`,
      { timeoutMs: DATA_TOOL_TIMEOUT_MS },
    );
  }

  /**
   * Points the overlay at another qcow2 backing file (null: none), copying into it whatever it read
   * from the layers it stops using (a block pull done offline): what the overlay shows is unchanged.
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
      { timeoutMs: DATA_TOOL_TIMEOUT_MS },
    );
  }

  /** Copies everything the overlay reads from its backing file into it and drops the backing file. */
  async flatten(path: string): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      ['rebase', '-q', '-f', 'qcow2', '-b', '', path],
      `flatten image ${path}`,
      { timeoutMs: DATA_TOOL_TIMEOUT_MS },
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
