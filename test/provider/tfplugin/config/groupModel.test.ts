import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainInfo } from '../../../../schemas/generated/agentApi.js';
import { planResource } from '../../../../provider/tfplugin/resources/plan.js';
import type { Session } from '../../../../provider/tfplugin/session.js';
import { fakeSession } from '../fakeSession.js';

const config = (count: number, mode: string) => `
variable "memory_mib" {
  type    = number
  default = 64
}
resource "nssv_datacenter" "d" {
  name = "d"
}
resource "nssv_cluster" "c" {
  name          = "c"
  datacenter_id = nssv_datacenter.d.id
}
resource "nssv_scheduling_group" "spread" {
  name       = "spread"
  cluster_id = nssv_cluster.c.id
  policy     = "vm-anti-affinity"
  mode       = "${mode}"
}
resource "nssv_vm" "w" {
  count               = ${count}
  name                = "w\${count.index}"
  cluster_id          = nssv_cluster.c.id
  memory_mib          = var.memory_mib
  scheduling_group_id = nssv_scheduling_group.spread.id
}
`;

describe('PlanResourceChange: unpinned VMs in a scheduling group', () => {
  let dir = '';
  const session = (tf: string, domains: Record<string, Partial<DomainInfo>[]> = {}): Session => {
    writeFileSync(join(dir, 'main.tf'), tf);
    const s = fakeSession(
      Object.fromEntries(['h1', 'h2', 'h3'].map((h) => [h, { domains: (domains[h] ?? []) as DomainInfo[] }])),
    );
    s.configDir = dir;
    return s;
  };
  const vm = (name: string, memory = 64) => ({
    name,
    cluster_id: 'c',
    memory_mib: memory,
    scheduling_group_id: 'spread',
  });
  const plan = async (s: Session, name: string, memory = 64) =>
    planResource(s, 'nssv_vm', null, vm(name, memory), false);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nssv-groupmodel-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN three unpinned VMs of an anti-affinity group on three hosts THEN each planned on its own host, whatever the order', async () => {
    const s = session(config(3, 'mandatory'));
    const hosts = [];
    for (const name of ['w2', 'w0', 'w1']) {
      const p = await plan(s, name);
      expect(p.diagnostics).toEqual([]);
      hosts.push(p.planned.host_id);
    }
    expect(hosts).toEqual(['h3', 'h1', 'h2']);
  });

  it('GIVEN one VM of the group already runs (created earlier in the apply) THEN the others keep the hosts the plan showed', async () => {
    const running = { name: 'w2', address: 'nssv_vm.w2', powerState: 'running', memoryMiB: 64, vcpus: 1 };
    const s = session(config(3, 'mandatory'), { h3: [running as Partial<DomainInfo>] });
    expect((await plan(s, 'w0')).planned.host_id).toBe('h1');
    expect((await plan(s, 'w1')).planned.host_id).toBe('h2');
  });

  it('GIVEN a fourth VM a mandatory anti-affinity cannot place THEN the plan error names the rule', async () => {
    const s = session(config(4, 'mandatory'));
    const p = await plan(s, 'w3');
    expect(p.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_SCHEDULING_RULE_FAILED',
        'nssv_vm.w[3] cannot be placed in cluster "c" by mandatory anti-affinity: spread: h1: already runs nssv_vm.w[0] of the group; h2: already runs nssv_vm.w[1] of the group; h3: already runs nssv_vm.w[2] of the group',
      ],
    ]);
  });

  it('GIVEN Terraform planned another memory_mib than the configuration evaluates to (a -var) THEN NSSV_TF_SCHEDULING_CONFIG says so', async () => {
    const s = session(config(3, 'mandatory'));
    const p = await plan(s, 'w0', 128);
    expect(p.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_TF_SCHEDULING_CONFIG',
        `nssv_vm "w0": to place this VM by its scheduling group, the provider evaluates the configuration in ${dir}: nssv_vm.w[0].memory_mib is 64 there but 128 in Terraform's plan`,
      ],
    ]);
  });

  it('GIVEN a configuration that does not evaluate (a variable without value) THEN NSSV_TF_SCHEDULING_CONFIG with its error', async () => {
    const s = session(config(3, 'mandatory').replace('default = 64', ''));
    const p = await plan(s, 'w0');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['NSSV_TF_SCHEDULING_CONFIG']);
    expect(p.diagnostics[0]!.summary).toContain(
      `nssv_vm "w0": to place this VM by its scheduling group, the provider evaluates the configuration in ${dir}: it does not evaluate: `,
    );
  });

  it('GIVEN a grouped VM whose new dir-pool volume was placed on another host THEN NSSV_VOLUME_HOST_CONFLICT says how to fix it', async () => {
    const s = session(config(3, 'mandatory'));
    s.remember('nssv_storage_pool', { name: 'local', kind: 'dir' });
    s.remember('nssv_volume', { name: 'root0', pool_id: 'local', host_id: 'h3' });
    const p = await planResource(s, 'nssv_vm', null, { ...vm('w0'), disk: [{ volume_id: 'root0' }] }, false);
    expect(p.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_VOLUME_HOST_CONFLICT',
        'nssv_vm "w0": nssv_scheduling_group "spread" puts it on "h1", but its disk nssv_volume "root0" is in a dir pool on "h3"',
      ],
    ]);
  });
});
