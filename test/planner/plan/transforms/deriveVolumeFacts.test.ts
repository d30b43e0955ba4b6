import { diff } from '../../../../planner/plan/transforms/diff.js';
import {
  deriveSnapshotPlaces,
  deriveVolumeFormats,
} from '../../../../planner/plan/transforms/deriveVolumeFacts.js';
import { plannedAttributes } from '../../../../planner/plan/transforms/plannedAttributes.js';
import { desired } from '../../../helpers/desired.js';
import { planContext, recorded, stateOf } from '../../../helpers/planContext.js';

const pool = (name: string, kind: string) =>
  desired(`nssv_storage_pool.${name}`, { name, kind, cluster_id: 'c' });
const vol = (name: string, poolId: string, extra = {}) =>
  desired(`nssv_volume.${name}`, { name, pool_id: poolId, size_gib: 1, host_id: 'h1', ...extra });

describe('deriveVolumeFormats', () => {
  test('GIVEN no format WHEN planned THEN qcow2 in a dir pool, raw in an rbd pool; a format set is kept', () => {
    const ctx = planContext(
      {
        desired: [
          pool('local', 'dir'),
          pool('ceph', 'rbd'),
          vol('a', 'local'),
          vol('b', 'ceph'),
          vol('c', 'local', { format: 'raw' }),
        ],
      },
      plannedAttributes,
      deriveVolumeFormats,
    );
    const format = (a: string) => ctx.nodes.get(a)!.planned!.format;
    expect([format('nssv_volume.a'), format('nssv_volume.b'), format('nssv_volume.c')]).toEqual([
      'qcow2',
      'raw',
      'raw',
    ]);
  });
});

describe('deriveSnapshotPlaces', () => {
  test("GIVEN a snapshot WHEN planned THEN it carries its volume's pool and host", () => {
    const ctx = planContext(
      {
        desired: [
          pool('local', 'dir'),
          vol('a', 'local', { host_id: 'h2' }),
          desired('nssv_volume_snapshot.s', { name: 's', volume_id: 'a' }),
        ],
      },
      plannedAttributes,
      deriveSnapshotPlaces,
    );
    expect(ctx.nodes.get('nssv_volume_snapshot.s')!.planned).toMatchObject({
      volume_pool_id: 'local',
      volume_host_id: 'h2',
    });
  });
});

describe('host_id of an rbd volume', () => {
  const prior = (poolId: string) =>
    stateOf([
      recorded('nssv_volume.v', {
        name: 'v',
        id: 'v',
        pool_id: poolId,
        size_gib: 1,
        format: 'raw',
        host_id: 'h1',
        delete_policy: 'delayed',
      }),
    ]);
  test('GIVEN an rbd volume WHEN its host_id changes THEN it is updated in place; in a dir pool it is replaced', () => {
    const rbd = planContext(
      {
        desired: [pool('ceph', 'rbd'), vol('v', 'ceph', { host_id: 'h2', format: 'raw' })],
        prior: prior('ceph'),
      },
      plannedAttributes,
      diff,
    );
    expect(rbd.changes.find((c) => c.address === 'nssv_volume.v')!.action).toBe('update');
    const dir = planContext(
      {
        desired: [pool('local', 'dir'), vol('v', 'local', { host_id: 'h2', format: 'raw' })],
        prior: prior('local'),
      },
      plannedAttributes,
      diff,
    );
    expect(dir.changes.find((c) => c.address === 'nssv_volume.v')).toMatchObject({
      action: 'replace',
      requiredReplace: ['host_id'],
    });
  });
});
