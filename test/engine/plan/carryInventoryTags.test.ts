import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { carryInventoryTags, hostsWithChangedRecords } from '../../../engine/plan/carryInventoryTags.js';
import {
  INVENTORY_TAGS_PATH,
  inventoryTagsKey,
  readInventoryTags,
  writeInventoryTags,
  type InventoryTags,
} from '../../../engine/plan/inventoryTags.js';
import type { Attributes } from '../../../core/values.js';
import type { State, StateResource } from '../../../planner/state/types.js';
import type { TaggedHost } from '../../../provider/hostReads.js';

const record = (type: string, name: string, attributes: Attributes): StateResource => ({
  address: `${type}.${name}`,
  type,
  attributes,
  dependencies: [],
  sensitivePaths: [],
});
const vm = (name: string, host: string, memory = 128): StateResource =>
  record('nssv_vm', name, { name, host_id: host, memory_mib: memory, uuid: `u-${name}` });
const pool = (hosts: string[]): StateResource =>
  record('nssv_storage_pool', 'p', { name: 'p', kind: 'dir', host_ids: hosts });
const state = (...resources: StateResource[]): State =>
  ({ version: 4, serial: 1, lineage: 'L', resources }) as unknown as State;

describe('hostsWithChangedRecords', () => {
  const a = vm('a', 'h1');
  const b = vm('b', 'h2');
  const p = pool(['h1', 'h2', 'h3']);

  it('GIVEN the same records (the same objects, or equal copies) THEN no host', () => {
    const copy = state(...[a, b, p].map((r) => JSON.parse(JSON.stringify(r)) as StateResource));
    expect([...hostsWithChangedRecords(state(a, b, p), state(a, b, p))]).toEqual([]);
    expect([...hostsWithChangedRecords(state(a, b, p), copy)]).toEqual([]);
  });

  it('GIVEN a VM changed in place THEN its host', () => {
    expect([...hostsWithChangedRecords(state(a, b), state(vm('a', 'h1', 256), b))]).toEqual(['h1']);
  });

  it('GIVEN a VM added, and one removed THEN the host of each', () => {
    expect([...hostsWithChangedRecords(state(a), state(b))].sort()).toEqual(['h1', 'h2']);
  });

  it('GIVEN a VM that moved hosts THEN both hosts', () => {
    expect([...hostsWithChangedRecords(state(a, b), state(vm('a', 'h3'), b))].sort()).toEqual(['h1', 'h3']);
  });

  it('GIVEN a pool changed from two hosts to three THEN every host of it, before and after', () => {
    expect([...hostsWithChangedRecords(state(pool(['h1', 'h2'])), state(p))].sort()).toEqual([
      'h1',
      'h2',
      'h3',
    ]);
  });
});

describe('carryInventoryTags', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nssv-carry-tags-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const tagged = (name: string): TaggedHost => ({
    etag: `"${name}"`,
    facts: { name, cpus: 2, memoryMiB: 4096 },
  });
  const from = (...hosts: string[]): InventoryTags => ({
    key: inventoryTagsKey('before'),
    hosts: new Map(hosts.map((h) => [h, tagged(h)])),
  });
  const before = state(vm('a', 'h1'), vm('b', 'h2'), vm('c', 'h3'));

  it('GIVEN an apply that changed a VM on h1 THEN the tags of h2 and h3, under the key of the state it stored', async () => {
    await writeInventoryTags(dir, from('h1', 'h2', 'h3'));
    const after = state(vm('a', 'h1', 256), vm('b', 'h2'), vm('c', 'h3'));
    await carryInventoryTags(dir, from('h1', 'h2', 'h3'), before, after, 'after');
    expect(readInventoryTags(dir, inventoryTagsKey('after'))).toEqual({
      key: inventoryTagsKey('after'),
      hosts: new Map([
        ['h2', tagged('h2')],
        ['h3', tagged('h3')],
      ]),
    });
    expect(readInventoryTags(dir, inventoryTagsKey('before'))).toBeUndefined();
  });

  it('GIVEN hosts named as touched (stale copies removed there) THEN they are left out too', async () => {
    await carryInventoryTags(dir, from('h1', 'h2', 'h3'), before, before, 'after', ['h3']);
    expect([...readInventoryTags(dir, inventoryTagsKey('after'))!.hosts.keys()]).toEqual(['h1', 'h2']);
  });

  it('GIVEN every tagged host changed THEN the file is removed', async () => {
    await writeInventoryTags(dir, from('h1'));
    await carryInventoryTags(dir, from('h1'), before, state(vm('b', 'h2'), vm('c', 'h3')), 'after');
    expect(existsSync(join(dir, INVENTORY_TAGS_PATH))).toBe(false);
  });

  it.each([
    ['no tags kept for the state the apply started from', undefined, 'after'],
    ['no tag for the state stored (a change log beside it, another backend)', from('h2'), undefined],
  ])('GIVEN %s THEN the file is removed', async (_what, tags, afterTag) => {
    await writeInventoryTags(dir, from('h2'));
    await carryInventoryTags(dir, tags, before, before, afterTag);
    expect(existsSync(join(dir, INVENTORY_TAGS_PATH))).toBe(false);
  });

  it('GIVEN nothing changed and the same state stored THEN the file is left as it was (not rewritten)', async () => {
    const tags: InventoryTags = { key: inventoryTagsKey('same'), hosts: from('h1', 'h2').hosts };
    await writeInventoryTags(dir, tags);
    const ino = statSync(join(dir, INVENTORY_TAGS_PATH)).ino;
    await carryInventoryTags(dir, tags, before, before, 'same');
    expect(statSync(join(dir, INVENTORY_TAGS_PATH)).ino).toBe(ino);
    expect(readInventoryTags(dir, tags.key)).toEqual(tags);
  });
});
