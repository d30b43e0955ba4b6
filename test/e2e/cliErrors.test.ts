/**
 * Bad input and bad situations through the built CLI, the way a platform engineer meets them by
 * accident: misused flags, bad -var / -var-file, a wrong --config, corrupt state, a held lock,
 * schema errors and values nssv does not support yet (all before any host is contacted), then,
 * on a private two-host sandbox, a wrong endpoint or token, a host whose name is not the agent's,
 * VMs that cannot be placed, and an agent that died. Each asserts the exact error (exit code,
 * file:line:col, the value given, what is allowed, the fix) and that nothing is left half-done.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, repo, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(60_000);

const fixtures = join(repo, 'test/fixtures/cli');
const tmpDirs: string[] = [];
function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), `nssv-clierr-${prefix}-`));
  tmpDirs.push(d);
  return d;
}
/** A fresh copy of a fixture directory (state and lock files are written next to the config). */
function copyFixture(name: string): string {
  const d = tmp(name);
  cpSync(join(fixtures, name), d, { recursive: true });
  return d;
}
function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(file, next);
}
/** A port nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
/** What every user error must avoid. */
function expectCleanError(r: { stdout: string; stderr: string }): void {
  const all = r.stdout + r.stderr;
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // stack frame
  expect(all).not.toContain('Internal error');
  expect(all).not.toContain('undefined');
  expect(all).not.toContain('[object Object]');
}

afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

describe('CLI misuse', () => {
  test('GIVEN -var without = WHEN planning THEN it says NAME=VALUE is expected, with an example', async () => {
    const dir = copyFixture('offline');
    const r = await nssv(['plan', '-var', 'vm_count'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: -var "vm_count" is not NAME=VALUE');
    expect(r.stderr).toContain('Fix: pass variables as -var NAME=VALUE, e.g. -var vm_count=3.');
    expectCleanError(r);
  });

  test('GIVEN -var for an undeclared variable or of the wrong type WHEN planning THEN each names the variable', async () => {
    const dir = copyFixture('offline');
    const [undeclared, wrongType] = await Promise.all([
      nssv(['plan', '-var', 'nope=1'], dir),
      nssv(['plan', '-var', 'vm_count=abc'], dir),
    ]);
    expect(undeclared.code).toBe(1);
    expect(undeclared.stderr).toContain('Error: Value for undeclared variable "nope"');
    expect(undeclared.stderr).toContain('Declare the variable or remove the value.');
    expectCleanError(undeclared);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('Error: main.tf:10:10: Invalid value for variable "vm_count"');
    expect(wrongType.stderr).toContain('declared as number: a number is required');
    expectCleanError(wrongType);
  });

  test('GIVEN -var-file with bad syntax, an undeclared name, or no such file WHEN planning THEN file:line:col or the path is named', async () => {
    const dir = copyFixture('offline');
    const [syntax, undeclared, missing] = await Promise.all([
      nssv(['plan', '-var-file', 'bad-syntax.tfvars'], dir),
      nssv(['plan', '-var-file', 'undeclared.tfvars'], dir),
      nssv(['plan', '-var-file', 'missing.tfvars'], dir),
    ]);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toContain(
      'Error: bad-syntax.tfvars:1:12: Syntax error: expected an expression, found a newline',
    );
    expect(syntax.stderr).toContain(
      'Error: bad-syntax.tfvars:2:21: Syntax error: Unterminated template string',
    );
    expect(syntax.stderr).toContain('close it with " or use a heredoc (<<EOT)');
    expectCleanError(syntax);
    expect(undeclared.code).toBe(1);
    expect(undeclared.stderr).toContain(
      'Error: undeclared.tfvars:2:1: Value for undeclared variable "vm_countt"',
    );
    expect(undeclared.stderr).toContain('Did you mean "vm_count"?');
    expectCleanError(undeclared);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Error: Cannot read -var-file missing.tfvars: no such file');
    expect(missing.stderr).toContain('relative -var-file paths are resolved against the current directory');
    expectCleanError(missing);
  });

  test('GIVEN --config naming a missing or an empty directory WHEN planning THEN it says so and how to fix it', async () => {
    const empty = tmp('empty');
    const missingDir = join(empty, 'nope');
    const [missing, none] = await Promise.all([
      nssv(['plan', '--config', missingDir], empty),
      nssv(['plan', '--config', empty], tmpdir()),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Error: configuration directory ${missingDir} does not exist`);
    expect(missing.stderr).toContain('Fix: run nssv in a directory with .tf files, or pass --config DIR.');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`Error: No configuration files in ${empty}`);
    expect(none.stderr).toContain('holds no *.tf or *.tf.json files');
    expect(existsSync(join(empty, 'nssv.tfstate'))).toBe(false);
  });

  test('GIVEN an unknown flag or out-of-range apply flags WHEN run THEN the flag, the value and what is allowed are named', async () => {
    const dir = copyFixture('offline');
    const [bogus, parallelism, onFailure] = await Promise.all([
      nssv(['plan', '--bogus'], dir),
      nssv(['apply', '-auto-approve', '--parallelism', '0'], dir),
      nssv(['apply', '-auto-approve', '--on-failure', 'maybe'], dir),
    ]);
    // oclif exits 2 for usage errors (reported: the standard says 1, and 2 means "changes" to
    // plan -detailed-exitcode); assert only that they fail.
    expect(bogus.code).not.toBe(0);
    expect(bogus.stderr).toContain('Nonexistent flag: --bogus');
    expect(parallelism.code).not.toBe(0);
    expect(parallelism.stderr).toContain('Expected an integer greater than or equal to 1 but received: 0');
    expect(onFailure.code).not.toBe(0);
    expect(onFailure.stderr).toContain('Expected --on-failure=maybe to be one of: rollback, stop');
    expect(existsSync(join(dir, 'nssv.tfstate'))).toBe(false);
  });
});

describe('config and state problems found before any host is contacted', () => {
  test('GIVEN values the agents cannot apply yet WHEN planning THEN each is refused at its file:line:col', async () => {
    const dir = copyFixture('offline');
    edit(
      join(dir, 'main.tf'),
      '  datacenter_id = nssv_datacenter.dc.id\n}',
      '  datacenter_id = nssv_datacenter.dc.id\n  ha_enabled    = true\n}',
    );
    // rbd pools have quotas; dir pools not yet.
    edit(join(dir, 'main.tf'), 'kind       = "dir"', 'kind       = "dir"\n  quota_gib  = 10');
    const r = await nssv(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'Error: main.tf:22:19: nssv_cluster.c1: ha_enabled is not supported yet: the agents do not apply it yet',
    );
    expect(r.stderr).toContain('Fix: remove ha_enabled from nssv_cluster.c1, or leave it at its default.');
    expect(r.stderr).toContain(
      'Error: main.tf:47:16: nssv_storage_pool.local: quota_gib is not supported yet: the agents do not apply it to kind = "dir" yet',
    );
    expectCleanError(r);
  });

  test('GIVEN a schema error WHEN planning THEN the attribute, the value given, what is allowed and the fix are named', async () => {
    const dir = copyFixture('offline');
    edit(join(dir, 'main.tf'), 'vlan_id   = 100', 'vlan_id   = 5000');
    edit(join(dir, 'main.tf'), '  vcpus      = 1', '  vcpu       = 1');
    const r = await nssv(['plan'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'Error: main.tf:40:15: nssv_port_group.web: vlan_id = 5000 is above the maximum 4094.',
    );
    expect(r.stderr).toContain('Allowed: 1–4094. Fix: set vlan_id to at most 4094.');
    expect(r.stderr).toContain('Unsupported argument "vcpu" in nssv_vm.web[0]: did you mean "vcpus"?');
    expect(r.stderr).toContain('Fix: rename "vcpu" to "vcpus".');
    expectCleanError(r);
  });

  test('GIVEN a precondition that -var makes false, and a postcondition WHEN planning THEN each is an error at its file:line:col; nothing is written', async () => {
    const dir = copyFixture('offline');
    edit(
      join(dir, 'main.tf'),
      '  memory_mib = 128\n',
      '  memory_mib = 128\n\n  lifecycle {\n    precondition {\n      condition     = var.vm_count <= 2\n      error_message = "At most 2 web VMs fit the rack, not ${var.vm_count}."\n    }\n  }\n',
    );
    const ok = await nssv(['validate'], dir);
    expect([ok.code, ok.stdout.trim()]).toEqual([0, 'Success! The configuration is valid.']);
    const r = await nssv(['plan', '-var', 'vm_count=3'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: main.tf:65:23: nssv_vm.web[0]: precondition failed');
    expect(r.stderr).toContain('At most 2 web VMs fit the rack, not 3.');
    expect(r.stderr.match(/precondition failed/g)).toHaveLength(3);
    edit(join(dir, 'main.tf'), 'precondition {', 'postcondition {');
    const post = await nssv(['validate'], dir);
    expect(post.code).toBe(1);
    expect(post.stderr).toContain(
      'Error: main.tf:64:5: postcondition blocks are not supported yet: nssv would not check the condition after apply',
    );
    expect(existsSync(join(dir, 'nssv.tfstate'))).toBe(false);
    expectCleanError(r);
    expectCleanError(post);
  });

  test('GIVEN a corrupt state file WHEN planning or applying THEN it is named with the way out, and left as it was', async () => {
    const dir = copyFixture('offline');
    const statePath = join(dir, 'nssv.tfstate');
    writeFileSync(statePath, '{"version": 1, "serial": ');
    writeFileSync(`${statePath}.backup`, '{"version": 1, "serial": 1, "lineage": "x", "resources": []}\n');
    const [plan, apply] = await Promise.all([nssv(['plan'], dir), nssv(['apply', '-auto-approve'], dir)]);
    for (const r of [plan, apply]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `Error: the state file ${statePath} cannot be read: it is not JSON (Unexpected end of JSON input)`,
      );
      expect(r.stderr).toContain(
        `Restore it from ${statePath}.backup, or move it away to start from empty state.`,
      );
      expectCleanError(r);
    }
    expect(readFileSync(statePath, 'utf8')).toBe('{"version": 1, "serial": ');
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  });

  test('GIVEN the state is locked by a live process WHEN applying or destroying THEN the holder is named and the lock kept', async () => {
    const dir = copyFixture('offline');
    const lock = join(dir, 'nssv.tfstate.lock');
    const holder = {
      pid: process.pid,
      host: hostname(),
      operation: 'nssv apply',
      startedAt: '2026-01-01T00:00:00.000Z',
    };
    writeFileSync(lock, JSON.stringify(holder) + '\n');
    const [apply, destroy] = await Promise.all([
      nssv(['apply', '-auto-approve'], dir),
      nssv(['destroy', '-auto-approve'], dir),
    ]);
    for (const r of [apply, destroy]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `Error: the state is locked by nssv apply (pid ${process.pid} on ${hostname()}, since 2026-01-01T00:00:00.000Z)`,
      );
      expect(r.stderr).toContain(
        `Only one apply may run at a time on ${join(dir, 'nssv.tfstate')}. Wait for it to finish; if that process is gone or hung, delete ${lock}.`,
      );
      expectCleanError(r);
    }
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual(holder);
  });
});

describe('sandbox misuse', () => {
  test('GIVEN bad --hosts or --name WHEN sandbox up THEN it is refused before anything starts', async () => {
    const root = join(tmp('sbx'), 'root');
    const [zero, many, badName] = await Promise.all([
      nssv(['sandbox', 'up', '--hosts', '0', '--root', root], tmpdir()),
      nssv(['sandbox', 'up', '--hosts', '1000', '--root', root], tmpdir()),
      nssv(['sandbox', 'up', '--hosts', '1', '--root', root, '--name', 'Bad Name!'], tmpdir()),
    ]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain(
      'Error: --hosts 0 is out of range: it takes a whole number of hosts from 1 to 64.',
    );
    expect(many.code).toBe(1);
    expect(many.stderr).toContain(
      'Error: --hosts 1000 is out of range: it takes a whole number of hosts from 1 to 64.',
    );
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain(
      `Error: Invalid name "Bad Name!": lower-case letters, digits and '-', starting with a letter, at most 20 characters.`,
    );
    expect(badName.stderr).toContain('Pass a valid --name.');
    expect(existsSync(root)).toBe(false);
  });

  test('GIVEN nothing is up WHEN sandbox status or down THEN each says so and exits 0', async () => {
    const root = join(tmp('sbx'), 'root');
    const status = await nssv(['sandbox', 'status', '--root', root], tmpdir());
    expect(status).toMatchObject({ code: 0, stdout: `No sandbox is up in ${root}.` });
    const down = await nssv(['sandbox', 'down', '--root', root], tmpdir());
    expect(down).toMatchObject({ code: 0, stdout: `No sandbox was up in ${root}; nothing to do.` });
    expect(existsSync(root)).toBe(false);
  });
});

describeE2e('on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;
  const h2 = () => env.sandbox.hosts.find((h) => h.name === 'h2')!;

  beforeAll(async () => {
    env = await startSandbox('ce');
    cpSync(join(fixtures, 'two-vms/main.tf'), join(env.configDir, 'main.tf'));
  });
  afterAll(async () => {
    await env?.down();
    if (env) for (const d of [env.configDir, env.root]) rmSync(d, { recursive: true, force: true });
  });

  /** A fresh config dir: the sandbox's sandbox.tf and the two-vms main.tf, no state. */
  function variant(name: string): { dir: string; main: string; sandboxTf: string } {
    const dir = tmp(name);
    cpSync(join(env.configDir, 'main.tf'), join(dir, 'main.tf'));
    cpSync(join(env.configDir, 'sandbox.tf'), join(dir, 'sandbox.tf'));
    return { dir, main: join(dir, 'main.tf'), sandboxTf: join(dir, 'sandbox.tf') };
  }
  const h2Block = /(resource "nssv_host" "h2" \{[\s\S]*?\n\})/;
  function editH2(file: string, from: string | RegExp, to: string): void {
    const text = readFileSync(file, 'utf8');
    const block = h2Block.exec(text)![1]!;
    const next = block.replace(from, to);
    if (next === block) throw new Error(`test setup: ${String(from)} not in the h2 block`);
    writeFileSync(file, text.replace(block, next));
  }

  test('GIVEN a sandbox is up WHEN up again with its root THEN nothing happens; WHEN its name is used with another root THEN refused', async () => {
    const again = await nssv(['sandbox', 'up', '--hosts', '2', '--root', env.root], tmpdir());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `Sandbox "${env.sandbox.name}" is already up in ${env.root} with 2 host(s); nothing to do.`,
    );
    const otherRoot = join(tmp('sbx'), 'root');
    const clash = await nssv(
      ['sandbox', 'up', '--hosts', '1', '--root', otherRoot, '--name', env.sandbox.name],
      tmpdir(),
    );
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain(
      `Error: The sandbox name "${env.sandbox.name}" is already in use on this machine (network namespace ${env.sandbox.name}-underlay exists).`,
    );
    expect(clash.stderr).toContain('Pick another --name, or bring the other sandbox down first.');
    expect(existsSync(otherRoot)).toBe(false);
  });

  test('GIVEN a wrong token or an endpoint nothing listens on WHEN planning THEN the host, the endpoint and the fix are named', async () => {
    const badToken = variant('token');
    editH2(badToken.sandboxTf, /token {6}= "[0-9a-f]+"/, 'token      = "0123456789abcdef0123"');
    const port = await freePort();
    const unreachable = variant('endpoint');
    editH2(unreachable.sandboxTf, /endpoint {3}= "[^"]+"/, `endpoint   = "http://127.0.0.1:${port}"`);
    const [token, endpoint] = await Promise.all([
      nssv(['plan'], badToken.dir),
      nssv(['plan'], unreachable.dir),
    ]);
    expect(token.code).toBe(1);
    expect(token.stderr).toContain('Error: host h2: missing or invalid bearer token');
    expect(token.stderr).toContain('(in nssv_host.h2)');
    expect(token.stderr).toContain(
      `The agent refused the token of nssv_host "h2". Fix: set token to the agent's token.`,
    );
    expect(token.stderr).not.toContain('0123456789abcdef0123');
    expectCleanError(token);
    expect(endpoint.code).toBe(1);
    expect(endpoint.stderr).toContain(
      `Error: cannot reach the agent of host h2 at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect(endpoint.stderr).toContain(
      'Check that agentd runs on host h2 and that the nssv_host endpoint is right',
    );
    expectCleanError(endpoint);
  });

  test('GIVEN a host named unlike its agent WHEN planning THEN both names, the endpoint and the fix are named at the name', async () => {
    const v = variant('hostname');
    editH2(v.sandboxTf, 'name       = "h2"', 'name       = "h3"');
    edit(v.main, 'host_id    = "h2"', 'host_id    = "h3"');
    const plan = await nssv(['plan'], v.dir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(
      new RegExp(
        `Error: sandbox\\.tf:\\d+:\\d+: nssv_host\\.h2: name = "h3", but the agent at ${h2().endpoint} says it is host "h2"`,
      ),
    );
    expect(plan.stderr).toContain('Fix: set name = "h2", or fix endpoint to the agent of host "h3".');
    expectCleanError(plan);
    const apply = await nssv(['apply', '-auto-approve'], v.dir);
    expect(apply.code).toBe(1);
    expect(existsSync(join(v.dir, 'nssv.tfstate.lock'))).toBe(false);
  });

  test('GIVEN a VM pinned to a host of another cluster WHEN planning THEN both clusters and the fix are named at the host_id', async () => {
    const v = variant('cluster');
    writeFileSync(
      v.main,
      readFileSync(v.main, 'utf8') +
        '\nresource "nssv_cluster" "c2" {\n  name          = "c2"\n  datacenter_id = nssv_datacenter.sandbox.id\n}\n',
    );
    editH2(v.sandboxTf, 'cluster_id = nssv_cluster.sandbox.id', 'cluster_id = nssv_cluster.c2.id');
    const r = await nssv(['plan'], v.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Error: main.tf:54:16: nssv_vm.web2: host_id = "h2" is in cluster "c2", not in the VM's cluster "sandbox"`,
    );
    expect(r.stderr).toContain('Fix: pin the VM to a host of cluster "sandbox", or set cluster_id = "c2".');
    expectCleanError(r);
  });

  test('GIVEN a VM too big for any host WHEN planning THEN the request, why each host was rejected and the fixes are named', async () => {
    const v = variant('big');
    edit(v.main, /(resource "nssv_vm" "web1" \{\n.*\n.*\n) {2}host_id {4}= "h1"\n/, '$1');
    edit(v.main, /(resource "nssv_vm" "web1" \{[\s\S]*?)memory_mib = 128/, '$1memory_mib = 1000000');
    const r = await nssv(['plan'], v.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /Error: main\.tf:35:1: nssv_vm\.web1 cannot be placed in cluster "sandbox": h1: \d+ MiB and \d+ vCPUs free, needs 1000000 MiB and 1 vCPUs; h2: \d+ MiB and \d+ vCPUs free, needs 1000000 MiB and 1 vCPUs/,
    );
    expect(r.stderr).toContain('Fix: lower memory_mib or vcpus, raise the cluster');
    expectCleanError(r);
  });

  test('GIVEN a volume attached to a second VM WHEN validating or planning THEN both VMs and the fix are named', async () => {
    const v = variant('volume');
    edit(
      v.main,
      /(resource "nssv_vm" "web2" \{[\s\S]*?)nssv_volume\.web2_root\.id/,
      '$1nssv_volume.web1_root.id',
    );
    for (const command of ['validate', 'plan']) {
      const r = await nssv([command], v.dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'Error: main.tf:23:1: nssv_volume.web1_root is attached to nssv_vm.web1 and nssv_vm.web2; a volume can be attached to one VM at a time',
      );
      expect(r.stderr).toContain('Fix: give nssv_vm.web2 its own volume.');
      expectCleanError(r);
    }
  });

  test('GIVEN a stale lock left by a dead process WHEN destroying THEN the lock is taken over and released', async () => {
    const v = variant('stale');
    const lock = join(v.dir, 'nssv.tfstate.lock');
    writeFileSync(
      lock,
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), operation: 'nssv apply', startedAt: 'x' }),
    );
    const r = await nssv(['destroy', '-auto-approve'], v.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('locked');
    expect(existsSync(lock)).toBe(false);
  });

  // Last: it leaves the sandbox degraded (afterAll brings it down).
  test('GIVEN the agent of h2 died WHEN planning THEN the host and its endpoint are named; sandbox status says degraded', async () => {
    const agentd = h2().pids.find((p) => p.role === 'agentd')!.pid;
    process.kill(agentd, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      `Error: cannot reach the agent of host h2 at ${h2().endpoint}: connect ECONNREFUSED`,
    );
    expect(plan.stderr).toContain('Check that agentd runs on host h2');
    expectCleanError(plan);
    const status = await nssv(['sandbox', 'status', '--root', env.root], tmpdir());
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('DEGRADED');
    expect(status.stdout).toMatch(/h2 .* 6\/7 alive .* NO/);
  });
});
