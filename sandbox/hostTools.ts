/**
 * Run tools against one sandbox host without touching the environment (for tests and debugging):
 * virsh on its libvirtd, ovs-vsctl/ovs-ofctl/ovs-appctl on its Open vSwitch, any command in its
 * network namespace. Argv arrays only.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { run, type RunOptions, type RunResult } from './exec.js';
import { ovsDbRemote } from './ovs.js';

export interface HostRef {
  libvirtUri: string;
  ovsDbSocket: string;
  netns: string;
}

export const hostVirsh = (
  host: Pick<HostRef, 'libvirtUri'>,
  args: readonly string[],
  opts?: RunOptions,
): Promise<RunResult> => run('virsh', ['-c', host.libvirtUri, ...args], opts);

export const hostOvsVsctl = (
  host: Pick<HostRef, 'ovsDbSocket'>,
  args: readonly string[],
  opts?: RunOptions,
): Promise<RunResult> =>
  run('ovs-vsctl', [`--db=${ovsDbRemote(host.ovsDbSocket)}`, '--timeout=10', ...args], opts);

/** ovs-ofctl on a bridge of this host (through the bridge's management socket). */
export const hostOvsOfctl = (
  host: Pick<HostRef, 'ovsDbSocket'>,
  command: string,
  bridge: string,
  args: readonly string[] = [],
  opts?: RunOptions,
): Promise<RunResult> =>
  run(
    'ovs-ofctl',
    [command, `unix:${path.join(path.dirname(host.ovsDbSocket), `${bridge}.mgmt`)}`, ...args],
    opts,
  );

/** ovs-appctl on this host's ovs-vswitchd (its control socket needs an absolute path). */
export function hostOvsAppctl(
  host: Pick<HostRef, 'ovsDbSocket'>,
  args: readonly string[],
  opts?: RunOptions,
): Promise<RunResult> {
  const dir = path.dirname(host.ovsDbSocket);
  const ctl = readdirSync(dir).find((f) => /^ovs-vswitchd\.\d+\.ctl$/.test(f)) ?? 'ovs-vswitchd.ctl';
  return run('ovs-appctl', ['-t', path.join(dir, ctl), ...args], opts);
}

/** Run a command inside the host's network namespace (e.g. ping another host's underlay address). */
export const hostNetnsExec = (
  host: Pick<HostRef, 'netns'>,
  argv: readonly string[],
  opts?: RunOptions,
): Promise<RunResult> => run('ip', ['netns', 'exec', host.netns, ...argv], opts);
