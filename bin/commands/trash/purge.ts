import { Args } from '@oclif/core';
import { purgeFromTrash } from '../../../engine/usecases/trash.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';
import { purgedLine } from '../../shared/trashResult.js';

export default class TrashPurge extends NssvCommand {
  static override description =
    'Delete a volume, VM or image from the trash for good: it cannot be restored afterwards.';
  static override examples = ['nssv trash purge data.vol1-m3k2x0a1'];
  static override args = {
    id: Args.string({ description: 'Trash entry id, as `nssv trash list` shows it.', required: true }),
  };
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(TrashPurge);
    const e = await purgeFromTrash(this.resolveConfigDir(flags.config), args.id, this.loadOptions(flags));
    process.stdout.write(purgedLine(e));
  }
}
