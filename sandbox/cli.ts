/**
 * What the `nssv sandbox` commands print: pure renderers (text and JSON) and the user-error
 * message. Tokens never go to stdout: the token file's path does.
 */
import { sandboxCommand } from './commandLine.js';
import type { SandboxDownResult } from './down.js';
import { SandboxError } from './errors.js';
import type { SandboxHostInfo } from './info.js';
import type { SandboxStatus } from './status.js';
import type { SandboxUpResult } from './up.js';

/** A host as the CLI shows it (no token). */
export function publicHost(h: SandboxHostInfo): Omit<SandboxHostInfo, 'token'> {
  const { token: _token, ...rest } = h;
  return rest;
}

export function upJson(r: SandboxUpResult): unknown {
  return {
    action: r.action,
    name: r.name,
    root: r.root,
    addedHosts: r.addedHosts,
    restarted: r.restarted,
    notes: r.notes,
    emittedFile: r.emittedFile ?? null,
    cluster: r.cluster,
    elapsedMs: r.elapsedMs,
    underlay: r.underlay,
    hosts: r.hosts.map(publicHost),
    ceph: r.ceph ?? null,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export function upText(r: SandboxUpResult): string {
  const head =
    r.action === 'created'
      ? `Sandbox "${r.name}" is up in ${r.root} with ${r.hosts.length} host(s) (${(r.elapsedMs / 1000).toFixed(1)}s).`
      : r.action === 'extended'
        ? `Sandbox "${r.name}" in ${r.root}: added ${r.addedHosts.join(', ')}; ${r.hosts.length} host(s) now.`
        : r.action === 'repaired'
          ? `Sandbox "${r.name}" in ${r.root} was degraded and is repaired; ${r.hosts.length} host(s).`
          : `Sandbox "${r.name}" is already up in ${r.root} with ${r.hosts.length} host(s); nothing to do.`;
  const restarted =
    r.restarted.length === 0
      ? ''
      : `Restarted in place (same directories, endpoints and tokens; guests kept):\n${r.restarted
          .map((d) => `  ${d.host}: ${d.role} (now pid ${d.pid}); log: ${d.log}\n`)
          .join('')}\n`;
  const rows = [['HOST', 'AGENT ENDPOINT', 'UNDERLAY IP', 'LIBVIRT URI']];
  for (const h of r.hosts) rows.push([h.name, h.endpoint ?? '-', h.underlayIp, h.libvirtUri]);
  const emitted = r.emittedFile === undefined ? '' : `Wrote ${r.emittedFile}\n`;
  const ceph =
    r.ceph === undefined
      ? ''
      : `Ceph: ${r.ceph.osds.length} OSD(s) at ${r.ceph.address}; inspect with: ip netns exec ${r.ceph.netns} ceph -c ${r.ceph.conf} -s\n`;
  const down = sandboxCommand('down', { root: r.root });
  const tlsDir = r.hosts.find((h) => h.tlsDir !== undefined)?.tlsDir;
  const tls =
    tlsDir === undefined
      ? ''
      : `Agents speak HTTPS with mutual TLS: the sandbox's CA and nssv's client certificate are in ${tlsDir} (tls_dir).\n`;
  return `${head}\n\n${table(rows)}\n${restarted}${ceph}${emitted}${tls}Tokens: <host dir>/agentd/token. Stop everything with: ${down}\n`;
}

/** What up says on stderr besides progress: e.g. that a smaller --hosts removed nothing. */
export function upNotes(r: SandboxUpResult): string {
  return r.notes.map((n) => `Note: ${n}\n`).join('');
}

const yesNo = (b: boolean | null): string => (b === null ? '-' : b ? 'yes' : 'NO');

export function statusText(s: SandboxStatus): string {
  if (!s.up) return `No sandbox is up in ${s.root}.\n`;
  const rows = [['HOST', 'AGENT ENDPOINT', 'PROCESSES', 'LIBVIRT', 'OVS', 'AGENT']];
  for (const h of s.hosts) {
    const alive = h.processes.filter((p) => p.alive).length;
    rows.push([
      h.name,
      h.endpoint ?? '-',
      `${alive}/${h.processes.length} alive`,
      yesNo(h.libvirtReachable),
      yesNo(h.ovsReachable),
      yesNo(h.agentHealthy),
    ]);
  }
  const cephLine =
    s.ceph === undefined
      ? ''
      : `\nCeph: ${s.ceph.processes.filter((p) => p.alive).length}/${s.ceph.processes.length} daemons alive\n`;
  if (s.healthy) return `Sandbox "${s.name}" in ${s.root}: healthy\n\n${table(rows)}${cephLine}`;
  const problems: string[] = [];
  for (const p of s.ceph?.processes.filter((x) => !x.alive) ?? []) {
    problems.push(
      `ceph ${p.role} (pid ${p.pid}) is not running (its in-memory data is gone); its log: ${p.log}`,
    );
  }
  for (const h of s.hosts) {
    if (!h.netnsPresent) problems.push(`${h.name}: its network namespace ${h.netns} is gone`);
    for (const p of h.processes.filter((x) => !x.alive)) {
      problems.push(`${h.name}: ${p.role} (pid ${p.pid}) is not running; its log: ${p.log}`);
    }
    if (!h.healthy && h.netnsPresent && h.processes.every((x) => x.alive)) {
      const silent = [
        h.libvirtReachable ? [] : ['libvirtd'],
        h.ovsReachable ? [] : ['Open vSwitch'],
        h.agentHealthy === false ? ['agentd'] : [],
      ].flat();
      problems.push(`${h.name}: its processes run but ${silent.join(', ')} does not answer`);
    }
  }
  // up restarts dead daemons in place; a missing namespace or a hung daemon needs down + up.
  // A dead Ceph daemon took its in-memory data with it: only down + up helps.
  const repairable =
    (s.ceph?.processes.every((p) => p.alive) ?? true) &&
    s.hosts.every((h) => h.healthy || (h.netnsPresent && h.processes.some((p) => !p.alive)));
  const hosts = s.hosts.length;
  const fix = repairable
    ? `Fix: run \`${sandboxCommand('up', { root: s.root, hosts })}\` to restart them in place (guests, endpoints and tokens are kept).`
    : `Fix: run \`${sandboxCommand('down', { root: s.root })}\` and then \`${sandboxCommand('up', { root: s.root, name: s.name ?? undefined, hosts, ceph: s.ceph !== undefined })}\` (this deletes its guests and gives the hosts new endpoints and tokens).`;
  return `Sandbox "${s.name}" in ${s.root}: DEGRADED\n\n${table(rows)}${cephLine}\n${problems.map((p) => `${p}\n`).join('')}${fix}\n`;
}

export function downText(r: SandboxDownResult): string {
  if (!r.wasUp) return `No sandbox was up in ${r.root}; nothing to do.\n`;
  return `Sandbox in ${r.root} is down: stopped ${r.stoppedProcesses} process(es) of ${r.hosts.join(', ')}, removed its namespaces and files.\n`;
}

/** The message a user sees for a SandboxError: what went wrong, the detail, what to do. */
export function errorText(e: SandboxError): string {
  const lines = [`Error: ${e.message}`];
  if (e.detail) lines.push(...e.detail.split('\n').map((l) => `  ${l}`));
  if (e.hint) lines.push(e.hint);
  return lines.join('\n') + '\n';
}
