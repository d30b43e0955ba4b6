import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Attributes } from '../../../core/values.js';
import { makePlan } from '../../../planner/plan/makePlan.js';
import type { Plan } from '../../../planner/plan/types.js';
import { emptyState, type State } from '../../../planner/state/types.js';
import { delayedByDefault, STATE_VERSION, upgradeState } from '../../../planner/state/upgrade.js';
import { LocalStateStore } from '../../../provider/state/localState.js';
import { desired, facts, vm, world } from '../../helpers/desired.js';

const image = (extra: Attributes = {}) =>
  desired('nssv_image.debian', {
    name: 'debian',
    image_storage_id: 'lib',
    source: '/srv/debian.raw',
    format: 'raw',
    sha256: 'a'.repeat(64),
    ...extra,
  });
const storage = desired('nssv_image_storage.lib', { name: 'lib', datacenter_id: 'dc1', cluster_id: 'c1' });

const plan = (instances: ReturnType<typeof desired>[], prior: State): Plan =>
  makePlan({ mode: 'normal', desired: instances, prior, live: new Map(), hostFacts: facts });

/** The format 1 state an older nssv left after applying `instances`: VMs and images recorded "immediate". */
function formatOneState(instances: ReturnType<typeof desired>[]): State {
  const p = plan(instances, emptyState('L'));
  expect(p.diagnostics).toEqual([]);
  return {
    version: 1,
    serial: 1,
    lineage: 'L',
    resources: p.changes.map((c) => {
      const a: Attributes = { ...c.after! };
      if (c.type === 'nssv_vm') {
        a.uuid = `uuid-${a.name}`;
        a.nic = (a.nic as Attributes[]).map((n, i) => ({ ...n, mac: `52:54:00:00:00:0${i}` }));
      }
      if (c.type === 'nssv_image') a.size_bytes = 4;
      if (c.type === 'nssv_host') Object.assign(a, { cpus: 2, memory_mib: 4096, domain_type: 'qemu' });
      if (c.type === 'nssv_vm' || c.type === 'nssv_image') a.delete_policy = 'immediate'; // format 1's default
      return {
        address: c.address,
        type: c.type,
        attributes: a,
        dependencies: p.dependencies[c.address] ?? [],
        sensitivePaths: c.sensitivePaths,
      };
    }),
  };
}

describe('state format upgrade (delete_policy "delayed" became the default of VMs and images)', () => {
  test('GIVEN a VM or an image recorded "immediate" WHEN upgraded THEN "delayed"; other types and values are kept as they are', () => {
    expect(delayedByDefault('nssv_vm', { name: 'a', delete_policy: 'immediate' })).toEqual({
      name: 'a',
      delete_policy: 'delayed',
    });
    expect(delayedByDefault('nssv_image', { delete_policy: 'immediate' })).toEqual({
      delete_policy: 'delayed',
    });
    const never = { delete_policy: 'never' };
    expect(delayedByDefault('nssv_vm', never)).toBe(never);
    const volume = { delete_policy: 'immediate' };
    expect(delayedByDefault('nssv_volume', volume)).toBe(volume);
  });

  test('GIVEN a format 2 state WHEN upgraded THEN it is the same object (an explicit "immediate" stays)', () => {
    const s: State = {
      version: 2,
      serial: 3,
      lineage: 'L',
      resources: [
        {
          address: 'nssv_vm.a',
          type: 'nssv_vm',
          attributes: { delete_policy: 'immediate' },
          dependencies: [],
          sensitivePaths: [],
        },
      ],
    };
    expect(STATE_VERSION).toBe(2);
    expect(upgradeState(s)).toBe(s);
    expect(emptyState('x').version).toBe(2);
  });

  test('GIVEN a format 1 state file and the unchanged configuration that never set delete_policy WHEN read and planned THEN "No changes." (every instance a no-op)', async () => {
    const config = [...world(), ...vm('a'), storage, image()];
    const old = formatOneState(config);
    expect(old.resources.find((r) => r.address === 'nssv_vm.a')!.attributes.delete_policy).toBe('immediate');
    const dir = mkdtempSync(join(tmpdir(), 'nssv-upgrade-'));
    try {
      writeFileSync(join(dir, 'nssv.tfstate'), JSON.stringify(old));
      const read = await new LocalStateStore(dir).read();
      expect(read!.version).toBe(2);
      const p = plan(config, read!);
      expect(p.diagnostics).toEqual([]);
      expect(p.changes.filter((c) => c.action !== 'noop').map((c) => [c.address, c.action])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('GIVEN a format 1 state and a configuration that sets delete_policy = "immediate" WHEN planned THEN one in-place update of delete_policy alone', () => {
    const config = [...world(), storage, image({ delete_policy: 'immediate' })];
    const p = plan(config, upgradeState(formatOneState(config)));
    const changed = p.changes.filter((c) => c.action !== 'noop');
    expect(
      changed.map((c) => [c.address, c.action, c.before!.delete_policy, c.after!.delete_policy]),
    ).toEqual([['nssv_image.debian', 'update', 'delayed', 'immediate']]);
  });
});
