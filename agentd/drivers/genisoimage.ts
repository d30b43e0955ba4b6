import type { Exec } from '../util/exec.js';
import { runTool } from './tool.js';

/** genisoimage: NoCloud seed images (ISO 9660 with Rock Ridge and Joliet, volume id "cidata"). */
export class GenIsoImage {
  constructor(
    private readonly exec: Exec,
    private readonly file = 'genisoimage',
  ) {}

  /** Writes `output` holding `files` (paths of files to put at the image's root). */
  async seed(output: string, files: readonly string[]): Promise<void> {
    await runTool(
      this.exec,
      this.file,
      ['-quiet', '-output', output, '-volid', 'cidata', '-joliet', '-rock', ...files],
      `write cloud-init seed ${output}`,
    );
  }
}
