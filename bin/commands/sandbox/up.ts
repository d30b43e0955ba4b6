import { Command, Flags } from '@oclif/core';
import { errorText, upJson, upNotes, upText } from '../../../sandbox/cli.js';
import { isSandboxError } from '../../../sandbox/errors.js';
import { DEFAULT_HOSTS, MAX_HOSTS, parseHostCount } from '../../../sandbox/paths.js';
import { sandboxUp } from '../../../sandbox/up.js';
import { sandboxFlags } from '../../../sandbox/cliFlags.js';
import { parseRatio } from '../../../sandbox/clusterFlags.js';

export default class SandboxUp extends Command {
  static override description =
    'Start N simulated hypervisor hosts on this machine (own network namespace, libvirtd, Open vSwitch, dir pool and agentd each). Running it again is harmless: a larger --hosts adds the missing hosts, and daemons of a host that died are restarted in place.';
  static override examples = [
    'nssv sandbox up',
    'nssv sandbox up --hosts 3 --emit examples/quickstart',
    'nssv sandbox up --hosts 3 --ceph',
    'nssv sandbox up --hosts 4 --cpu-overcommit-ratio 2 --memory-overcommit-ratio 1.5 --emit examples/quickstart',
  ];
  static override flags = {
    // A string, checked by parseHostCount: oclif's integer range check names neither the range nor the fix.
    hosts: Flags.string({
      description: `Number of hosts (h1..hN), 1 to ${MAX_HOSTS}.`,
      default: String(DEFAULT_HOSTS),
      helpValue: 'N',
    }),
    ceph: Flags.boolean({
      description:
        'Also run a Ceph cluster (monitor, manager, one memstore OSD per host under a CRUSH host bucket named after it) for rbd pools; its ceph.conf and admin keyring are under the root.',
      default: false,
    }),
    emit: Flags.string({
      description: 'Write DIR/sandbox.tf declaring the sandbox data center, cluster and hosts.',
    }),
    'cpu-overcommit-ratio': Flags.string({
      description:
        'vCPUs the scheduler may place per physical CPU in the emitted cluster, 1.0 to 4.0 (default: as the last up set it, else 1.0).',
      helpValue: 'RATIO',
    }),
    'memory-overcommit-ratio': Flags.string({
      description:
        'Guest memory the scheduler may place per MiB of host memory in the emitted cluster, 1.0 to 4.0 (default: as the last up set it, else 1.0).',
      helpValue: 'RATIO',
    }),
    ...sandboxFlags,
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(SandboxUp);
    // Ctrl-C: stop at the next step and undo what was started (the daemons run in their own sessions).
    const abort = new AbortController();
    const onSignal = (): void => {
      if (!abort.signal.aborted) process.stderr.write('Interrupted: undoing what sandbox up started...\n');
      abort.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const result = await sandboxUp({
      signal: abort.signal,
      root: flags.root,
      name: flags.name,
      hosts: parseHostCount(flags.hosts),
      emitDir: flags.emit,
      ceph: flags.ceph,
      cluster: {
        ...(flags['cpu-overcommit-ratio'] === undefined
          ? {}
          : { cpuOvercommitRatio: parseRatio('cpu-overcommit-ratio', flags['cpu-overcommit-ratio']) }),
        ...(flags['memory-overcommit-ratio'] === undefined
          ? {}
          : {
              memoryOvercommitRatio: parseRatio('memory-overcommit-ratio', flags['memory-overcommit-ratio']),
            }),
      },
      progress: (msg) => process.stderr.write(`${msg}\n`),
    });
    process.stderr.write(upNotes(result));
    process.stdout.write(flags.json ? JSON.stringify(upJson(result), null, 2) + '\n' : upText(result));
  }

  protected override async catch(err: Error & { oclif?: unknown }): Promise<unknown> {
    if (!isSandboxError(err)) return super.catch(err);
    process.stderr.write(errorText(err));
    return this.exit(1);
  }
}
