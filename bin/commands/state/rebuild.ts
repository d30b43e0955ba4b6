import { runRebuild } from '../../../engine/usecases/rebuild.js';
import { NssvCommand } from '../../shared/command.js';
import { stateFlags } from '../../shared/flags.js';

export default class StateRebuild extends NssvCommand {
  static override description =
    'Rebuild a lost state from what the hosts record (each object carries its nssv address) and the configuration; nothing on the hosts changes.';
  static override examples = ['nssv state rebuild'];
  static override flags = { ...stateFlags };

  async run(): Promise<void> {
    const { flags } = await this.parse(StateRebuild);
    const r = await runRebuild(this.resolveConfigDir(flags.config), this.loadOptions(flags));
    const lines = [`Rebuilt the state in ${r.where}: ${r.written} instance(s).`, ''];
    lines.push(`Found on the hosts (${r.matched.length}):`);
    for (const m of r.matched) lines.push(`  ${m.address} <- ${m.object.id} on ${m.object.hosts.join(', ')}`);
    lines.push(`From the configuration (${r.fromConfig.length}): ${r.fromConfig.join(', ') || 'none'}`);
    lines.push(
      `Not found on any host (${r.missing.length}): ${r.missing.join(', ') || 'none'}${r.missing.length ? ' (the next plan creates them)' : ''}`,
    );
    lines.push(`On the hosts, recording addresses this configuration does not declare (${r.strays.length}):`);
    for (const o of r.strays)
      lines.push(`  ${o.address}: ${o.id} on ${o.hosts.join(', ')} (left alone; see nssv discover)`);
    lines.push('', 'Run nssv plan to compare the rebuilt state with the configuration.');
    process.stdout.write(lines.join('\n') + '\n');
  }
}
