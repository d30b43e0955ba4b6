/**
 * What the `nssv sandbox` commands print: pure renderers (text and JSON) and the user-error
 * message. Tokens never go to stdout: the token file's path does.
 */
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
    emittedFile: r.emittedFile ?? null,
    elapsedMs: r.elapsedMs,
    underlay: r.underlay,
    hosts: r.hosts.map(publicHost),
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
        : `Sandbox "${r.name}" is already up in ${r.root} with ${r.hosts.length} host(s); nothing to do.`;
  const rows = [['HOST', 'AGENT ENDPOINT', 'UNDERLAY IP', 'LIBVIRT URI']];
  for (const h of r.hosts) rows.push([h.name, h.endpoint ?? '-', h.underlayIp, h.libvirtUri]);
  const emitted = r.emittedFile === undefined ? '' : `Wrote ${r.emittedFile}\n`;
  return `${head}\n\n${table(rows)}\n${emitted}Tokens: <host dir>/agentd/token. Stop everything with: nssv sandbox down\n`;
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
  const verdict = s.healthy ? 'healthy' : 'DEGRADED (run `nssv sandbox down` and `nssv sandbox up`)';
  return `Sandbox "${s.name}" in ${s.root}: ${verdict}\n\n${table(rows)}`;
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
