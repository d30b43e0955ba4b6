/** Ceph command lines against the sandbox cluster, run in the underlay namespace (where it lives). */
import { run, type RunResult } from '../exec.js';

export interface CephTarget {
  /** Network namespace with a route to the cluster (the underlay, or a host's). */
  netns: string;
  conf: string;
}

export const inNetns = (netns: string, argv: readonly string[]): string[] => [
  'netns',
  'exec',
  netns,
  ...argv,
];

/** `ceph …` as client.admin; a connection timeout keeps a dead cluster from hanging us. */
export function ceph(t: CephTarget, args: readonly string[], input?: string): Promise<RunResult> {
  return run(
    'ip',
    inNetns(t.netns, ['ceph', '-c', t.conf, '--connect-timeout', '15', ...args]),
    input === undefined ? { timeoutMs: 60_000 } : { timeoutMs: 60_000, input },
  );
}

/** `ceph …` against a sandbox's cluster (for tests and debugging); refuses a sandbox without Ceph. */
export function sandboxCeph(
  sb: { root: string; ceph?: { netns: string; conf: string } | undefined },
  args: readonly string[],
): Promise<RunResult> {
  if (sb.ceph === undefined) throw new Error(`the sandbox in ${sb.root} runs no Ceph (sandbox up --ceph)`);
  return ceph({ netns: sb.ceph.netns, conf: sb.ceph.conf }, args);
}

/** `ceph … --format json`, parsed. */
export async function cephJson<T>(t: CephTarget, args: readonly string[]): Promise<T> {
  const r = await ceph(t, [...args, '--format', 'json']);
  return JSON.parse(r.stdout) as T;
}
