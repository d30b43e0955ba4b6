/** The testing helpers shipped with the constructs: synthStack, validationProblems and the Jest matchers. */
import { expect as jestExpect } from '@jest/globals';
import { Size, StoragePool, Vm, Volume } from '../../../constructs/index.js';
import {
  nssvMatchers,
  synthStack,
  validationProblems,
  type NssvMatchers,
} from '../../../constructs/testing/index.js';
import { platform } from '../support.js';

jestExpect.extend(nssvMatchers);
const expect = jestExpect as unknown as (v: unknown) => NssvMatchers<void> & { not: NssvMatchers<void> };

function app() {
  const p = platform();
  const pool = StoragePool.directory(p.stack, 'local', { cluster: p.cluster });
  const root = new Volume(p.stack, 'web1-root', { pool, size: Size.gibibytes(1) });
  new Vm(p.stack, 'web1', { cluster: p.cluster, memory: Size.gibibytes(2) }).addDisk(root);
  return p.stack;
}

it('GIVEN a stack WHEN synthesized with synthStack THEN resources are found by type and name without metadata', () => {
  const s = synthStack(app());
  jestExpect(s.resource('nssv_volume', 'web1_root')).toEqual({
    name: 'web1-root',
    pool_id: '${nssv_storage_pool.local.id}',
    size_gib: 1,
  });
  jestExpect(Object.keys(s.resources('nssv_host'))).toEqual(['h1', 'h2']);
  jestExpect(s.resource('nssv_vm', 'nope')).toBeUndefined();
});

it('GIVEN the matchers WHEN given camelCase props THEN they match the synthesized attributes', () => {
  const s = synthStack(app());
  expect(s).toHaveNssvResource('nssv_vm', { name: 'web1', memoryMib: 2048 });
  expect(s).toHaveNssvResource('nssv_vm', { disk: [{ volumeId: '${nssv_volume.web1_root.id}' }] });
  expect(s).not.toHaveNssvResource('nssv_vm', { memoryMib: 4096 });
  expect(s).toHaveNssvResourceCount('nssv_volume', 1);
});

it('GIVEN a failing matcher WHEN it reports THEN the message lists what the stack has', () => {
  const r = nssvMatchers.toHaveNssvResource(synthStack(app()), 'nssv_volume', { sizeGib: 5 });
  jestExpect(r.pass).toBe(false);
  jestExpect(r.message()).toBe(
    'expected nssv_volume with {"size_gib":5}; the stack has web1_root {"name":"web1-root","pool_id":"${nssv_storage_pool.local.id}","size_gib":1}',
  );
  jestExpect(
    nssvMatchers.toHaveNssvResource(synthStack(app()), 'nssv_volume', { sizeGiB: 5 }).message(),
  ).toBe('sizeGiB: not props of nssv_volume');
});

it('GIVEN bad props WHEN validationProblems is called THEN every problem comes back as data, none thrown', () => {
  const p = platform();
  new Vm(p.stack, 'tiny', { cluster: p.cluster, memory: Size.mebibytes(32) });
  jestExpect(validationProblems(p.stack)).toEqual([
    '[stack/tiny] memory (memory_mib) = 32 is below the minimum 64. Allowed: 64–1048576 MiB. Fix: set memory (memory_mib) to at least 64.',
  ]);
});
