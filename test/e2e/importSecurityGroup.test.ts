/**
 * Importing security groups on a two-host sandbox: a group nssv applied and then forgot
 * (`nssv state rm`) is imported from the rules its agents recorded (descriptions kept from the
 * configuration) and the replan is empty; a group whose rule matches
 * a peer group is refused with the reason, and the state stays without it.
 */
import { jest } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(600_000);

const GROUPS = `
resource "nssv_security_group" "web" {
  name          = "web"
  datacenter_id = nssv_datacenter.sandbox.id
  rule {
    direction   = "ingress"
    protocol    = "tcp"
    port_from   = 80
    port_to     = 443
    cidr        = "10.20.0.0/16"
    description = "http and https from the office"
  }
  rule {
    direction = "ingress"
    protocol  = "icmp"
    action    = "deny"
    priority  = 10
  }
}
resource "nssv_security_group" "db" {
  name          = "db"
  datacenter_id = nssv_datacenter.sandbox.id
  rule {
    direction              = "ingress"
    protocol               = "tcp"
    port_from              = 5432
    peer_security_group_id = nssv_security_group.web.id
  }
}
`;

describeE2e('importing security groups, on a two-host sandbox', SANDBOX_WITH_AGENTS, () => {
  let env: E2eSandbox;

  beforeAll(async () => {
    env = await startSandbox('i13sg');
    writeFileSync(join(env.configDir, 'groups.tf'), GROUPS);
    const applied = await nssv(['apply', '-auto-approve'], env.configDir);
    if (applied.code !== 0) throw new Error(applied.stderr);
  });

  afterAll(async () => {
    await env?.down();
    // the sandbox's root is left by down(): remove it (it holds this suite's files)
    if (env) rmSync(env.root, { recursive: true, force: true });
  });

  test('GIVEN a group the state forgot WHEN nssv import THEN it is taken from the recorded rules and the replan is empty', async () => {
    const dir = env.configDir;
    expect((await nssv(['state', 'rm', 'nssv_security_group.web'], dir)).code).toBe(0);
    const imported = await nssv(['import', 'nssv_security_group.web', 'web'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const shown = await nssv(['state', 'show', 'nssv_security_group.web'], dir);
    expect(shown.stdout).toContain('cidr');
    expect(shown.stdout).toContain('"10.20.0.0/16"');
    expect(shown.stdout).toContain('"http and https from the office"');
    expect(shown.stdout).toMatch(/host_ids\s+=\s+\[\s*"h1",\s*"h2",?\s*\]/);
    const replan = await nssv(['plan', '-detailed-exitcode'], dir);
    expect(replan.stderr).toBe('');
    expect(replan.stdout).toContain('No changes.');
    expect(replan.code).toBe(0);
  });

  test('GIVEN a group with a peer-group rule WHEN nssv import THEN it is refused with the reason and the state stays without it', async () => {
    const dir = env.configDir;
    expect((await nssv(['state', 'rm', 'nssv_security_group.db'], dir)).code).toBe(0);
    const imported = await nssv(['import', 'nssv_security_group.db', 'db'], dir);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(
      `rule 1 of the security group "db" matches the addresses of a peer security group's members; importing such a group is not supported yet`,
    );
    const list = await nssv(['state', 'list'], dir);
    expect(list.stdout).not.toContain('nssv_security_group.db');
  });
});
