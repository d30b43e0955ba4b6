/**
 * The README's HCL tour, planned as a user runs it: next to the sandbox.tf that `nssv sandbox up
 * --emit` writes, every block that adds resources (not one showing another form of a resource
 * declared before it) loads, validates and plans on two hosts without an error. An example the
 * planner would refuse fails here, not in a user's first plan.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAndValidate } from '../../engine/plan/loadAndValidate.js';
import { makePlan } from '../../planner/plan/makePlan.js';
import { emptyState } from '../../planner/state/types.js';
import { renderSandboxTf } from '../../sandbox/emitTf.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```hcl\n([\s\S]*?)```/g)].map((m) => m[1]!);
const addresses = (hcl: string): string[] =>
  [...hcl.matchAll(/^resource "(\w+)" "(\w+)"/gm)].map((m) => `${m[1]}.${m[2]}`);

const hosts = ['h1', 'h2'].map((name, i) => ({
  name,
  endpoint: `http://127.0.0.1:${40001 + i}`,
  token: name.repeat(32),
}));
const image = { path: '/var/cache/nssv/images/nssv-guest-1.qcow2', sha256: 'f'.repeat(64) };

describe('the README tour', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nssv-readme-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN the blocks that add resources, next to sandbox.tf THEN they plan on two hosts without an error', async () => {
    const sandboxTf = renderSandboxTf(hosts, '/var/lib/nssv/sandbox', image);
    const declared = new Set(addresses(sandboxTf));
    const tour: string[] = [];
    const otherForms: string[] = [];
    for (const block of blocks) {
      const own = addresses(block);
      if (own.some((a) => declared.has(a))) {
        otherForms.push(own[0]!);
        continue;
      }
      own.forEach((a) => declared.add(a));
      tour.push(block);
    }
    // The blocks that show another way to write something declared before.
    expect(otherForms).toEqual(['nssv_host.h1', 'nssv_port_group.web']);
    writeFileSync(join(dir, 'sandbox.tf'), sandboxTf);
    writeFileSync(join(dir, 'main.tf'), tour.join('\n'));

    const loaded = await loadAndValidate(dir);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = makePlan({
      mode: 'normal',
      desired: loaded.desired,
      prior: emptyState('readme'),
      live: new Map(),
      hostFacts: new Map(
        hosts.map((h) => [
          h.name,
          {
            name: h.name,
            cluster: 'sandbox',
            address: `nssv_host.${h.name}`,
            cpus: 8,
            memoryMiB: 16384,
            maintenance: false,
          },
        ]),
      ),
    });
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan.changes.map((c) => c.action).filter((a) => a !== 'create')).toEqual([]);
    expect(plan.changes.map((c) => c.address)).toEqual(expect.arrayContaining([...declared]));
  });
});
