/**
 * `nssv apply --json` and `nssv destroy --json` on a real two-host sandbox (libvirtd, Open
 * vSwitch, agentd per host) with examples/quickstart: stdout parsed line by line as Terraform's
 * machine-readable UI is, every started step completed, the counts agreeing with the plan, and
 * the hosts each step ran on named in its hook.
 */
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(300_000);

let env: E2eSandbox;

interface UiLine {
  '@level': string;
  '@message': string;
  '@module': string;
  '@timestamp': string;
  type: string;
  hook?: { resource: { addr: string }; action: string; hosts: string[] };
  change?: { resource: { addr: string }; action: string };
  changes?: { add: number; change: number; remove: number; import: number; operation: string };
}

/** Each stdout line on its own: a line that is not one JSON object fails here, naming it. */
function parseLines(stdout: string): UiLine[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      try {
        return JSON.parse(l) as UiLine;
      } catch {
        throw new Error(`not a JSON line: ${l}`);
      }
    });
}

describeE2e('apply --json on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  beforeAll(async () => {
    env = await startSandbox('aj', ['examples/quickstart/main.tf']);
  });
  afterAll(async () => {
    await env?.down();
  });

  test('GIVEN the quick start WHEN nssv apply --json THEN every line is a UI message and each planned instance is started and completed once', async () => {
    const r = await nssv(['apply', '--json', '-auto-approve', '--config', env.configDir], env.configDir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = parseLines(r.stdout);
    expect(lines[0]).toMatchObject({ type: 'version', '@module': 'nssv.ui', '@message': 'nssv 0.1.0' });
    const planned = lines.filter((l) => l.type === 'planned_change').map((l) => l.change!.resource.addr);
    const started = lines.filter((l) => l.type === 'apply_start').map((l) => l.hook!.resource.addr);
    const completed = lines.filter((l) => l.type === 'apply_complete').map((l) => l.hook!.resource.addr);
    expect(planned.length).toBe(11);
    expect([...started].sort()).toEqual([...planned].sort());
    expect([...completed].sort()).toEqual([...planned].sort());
    expect(lines.filter((l) => l.type === 'apply_errored')).toEqual([]);
    // each start comes before its completion; the summaries open and close the stream
    for (const a of planned) {
      const s = lines.findIndex((l) => l.type === 'apply_start' && l.hook!.resource.addr === a);
      const c = lines.findIndex((l) => l.type === 'apply_complete' && l.hook!.resource.addr === a);
      expect(s).toBeLessThan(c);
    }
    const summaries = lines.filter((l) => l.type === 'change_summary');
    expect(summaries.map((l) => l['@message'])).toEqual([
      'Plan: 11 to add, 0 to change, 0 to destroy.',
      'Apply complete! Resources: 11 added, 0 changed, 0 destroyed.',
    ]);
    expect(lines.at(-1)!.changes).toEqual({ add: 11, change: 0, remove: 0, import: 0, operation: 'apply' });
    // the VMs' steps name the sandbox host they ran on
    const vmHosts = lines
      .filter((l) => l.type === 'apply_complete' && l.hook!.resource.addr.startsWith('nssv_vm.'))
      .map((l) => l.hook!.hosts);
    expect(vmHosts).toHaveLength(2);
    for (const h of vmHosts) expect(['h1', 'h2']).toEqual(expect.arrayContaining(h));
    // timestamps never go backwards
    const times = lines.map((l) => Date.parse(l['@timestamp']));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('GIVEN it applied WHEN nssv apply --json again THEN only the version and two empty summaries', async () => {
    const r = await nssv(['apply', '--json', '-auto-approve', '--config', env.configDir], env.configDir);
    expect(r.code).toBe(0);
    expect(parseLines(r.stdout).map((l) => `${l.type}: ${l['@message']}`)).toEqual([
      'version: nssv 0.1.0',
      'change_summary: Plan: 0 to add, 0 to change, 0 to destroy.',
      'change_summary: Apply complete! Resources: 0 added, 0 changed, 0 destroyed.',
    ]);
  });

  test('GIVEN it applied WHEN nssv destroy --json THEN each instance is destroyed once and the summary says so', async () => {
    const r = await nssv(['destroy', '--json', '-auto-approve', '--config', env.configDir], env.configDir);
    expect(r.code).toBe(0);
    const lines = parseLines(r.stdout);
    const destroyed = lines.filter((l) => l.type === 'apply_complete').map((l) => l.hook!.action);
    expect(destroyed).toEqual(Array(11).fill('delete'));
    expect(lines.at(-1)).toMatchObject({
      type: 'change_summary',
      '@message': 'Destroy complete! Resources: 11 destroyed.',
      changes: { add: 0, change: 0, remove: 11, import: 0, operation: 'destroy' },
    });
  });
});
