import { Flags } from '@oclif/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runDiscover } from '../../engine/usecases/discover.js';
import { NssvCommand } from '../shared/command.js';
import { stateFlags } from '../shared/flags.js';

export default class Discover extends NssvCommand {
  static override description =
    "List what the configuration's hosts run that this state does not manage, as import blocks that adopt it.";
  static override examples = [
    'nssv discover',
    'nssv discover -out imports.tf && nssv plan -generate-config-out=generated.tf',
  ];
  static override flags = {
    ...stateFlags,
    out: Flags.string({
      description: 'Write the import blocks to FILE (it must not exist yet) instead of stdout.',
    }),
    json: Flags.boolean({ description: 'Machine-readable JSON on stdout.', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Discover);
    const configDir = this.resolveConfigDir(flags.config);
    const found = await runDiscover(configDir, this.loadOptions(flags));
    if (flags.json) {
      process.stdout.write(
        JSON.stringify(
          found.unmanaged.map((o) => ({
            type: o.type,
            name: o.name,
            hosts: o.hosts,
            recorded: o.address,
            to: o.to,
            id: o.id,
          })),
          null,
          2,
        ) + '\n',
      );
    } else if (flags.out) {
      const path = resolve(configDir, flags.out);
      writeFileSync(path, found.text, { flag: 'wx' });
      process.stdout.write(`Wrote ${found.unmanaged.length} import block(s) to ${path}.\n`);
    } else process.stdout.write(found.text);
  }
}
