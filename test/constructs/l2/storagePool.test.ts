/** StoragePool.directory/replicated/erasureCoded: kind, redundancy and failure domain; problems in the L2's words. */
import { Size, StoragePool } from '../../../constructs/index.js';
import { HINT, platform, resources, synthErrors } from '../support.js';

it('GIVEN the three kinds of pool WHEN synthesized THEN kind, replicas or erasure_code and failure_domain are set', () => {
  const { stack, cluster } = platform();
  StoragePool.directory(stack, 'local', { cluster, quota: Size.tebibytes(2) });
  StoragePool.replicated(stack, 'ceph3', {
    cluster,
    replicas: 3,
    failureDomain: 'host',
    recoveryQos: 'fast',
  });
  StoragePool.erasureCoded(stack, 'ec', { cluster, dataChunks: 4, parityChunks: 2 });
  const c = '${nssv_cluster.c1.id}';
  expect(resources(stack)['nssv_storage_pool']).toEqual({
    local: { name: 'local', kind: 'dir', cluster_id: c, quota_gib: 2048 },
    ceph3: {
      name: 'ceph3',
      kind: 'rbd',
      cluster_id: c,
      replicas: 3,
      failure_domain: 'host',
      recovery_qos: 'fast',
    },
    ec: { name: 'ec', kind: 'rbd', cluster_id: c, erasure_code: [{ k: 4, m: 2 }] },
  });
});

it('GIVEN out-of-range redundancy WHEN synthesized THEN the L2 props are named with the schema attribute', () => {
  const { stack, cluster } = platform();
  StoragePool.replicated(stack, 'ceph', { cluster, replicas: 7 });
  StoragePool.erasureCoded(stack, 'ec', { cluster, dataChunks: 1, parityChunks: 9 });
  expect(synthErrors(stack)).toBe(
    'Validation failed with the following errors:\n' +
      '  [stack/ceph] replicas = 7 is above the maximum 6. Allowed: 2–6. Fix: set replicas to at most 6.\n' +
      '  [stack/ec] dataChunks (erasure_code[0].k) = 1 is below the minimum 2. Allowed: 2–16. Fix: set dataChunks (erasure_code[0].k) to at least 2.\n' +
      '  [stack/ec] parityChunks (erasure_code[0].m) = 9 is above the maximum 8. Allowed: 1–8. Fix: set parityChunks (erasure_code[0].m) to at most 8.' +
      HINT,
  );
});
