import { Flags } from '@oclif/core';
import { listTrash } from '../../../engine/usecases/trash.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';
import { trashLine } from '../../shared/trashLine.js';

export default class TrashList extends NssvCommand {
  static override description =
    'List deleted volumes, VMs and images kept in the trash (delete_policy = "delayed"): on each host for dir pools, VMs and dir image storages, in the Ceph cluster for rbd pools and rbd image storages, with when they are purged.';
  static override examples = ['nssv trash list', 'nssv trash list --json'];
  static override flags = {
    ...stateFlags,
    json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(TrashList);
    const listing = await listTrash(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    for (const u of listing.unreachable)
      process.stderr.write(`Warning: ${u.host} did not answer: ${u.error}\n`);
    if (flags.json) {
      process.stdout.write(JSON.stringify(listing.entries, null, 2) + '\n');
      return;
    }
    if (listing.entries.length === 0) {
      process.stderr.write('The trash is empty.\n');
      return;
    }
    for (const e of listing.entries) process.stdout.write(`${trashLine(e)}\n`);
  }
}
