import { Args } from '@oclif/core';
import { restoreFromTrash } from '../../../engine/usecases/trash.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';
import { restoredLines } from '../../shared/trashResult.js';

export default class TrashRestore extends NssvCommand {
  static override description =
    'Bring a deleted object back from the trash under its old name: a volume into its pool with its data and snapshots, a VM defined again (same UUID, shut off), an image into its image storage with its content. Then adopt it with an import block.';
  static override examples = ['nssv trash restore data.vol1-m3k2x0a1'];
  static override args = {
    id: Args.string({ description: 'Trash entry id, as `nssv trash list` shows it.', required: true }),
  };
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TrashRestore);
    const e = await restoreFromTrash(this.resolveConfigDir(flags.config), args.id, this.loadOptions(flags));
    process.stdout.write(restoredLines(e));
  }
}
