import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  forgetInventoryTags,
  INVENTORY_TAGS_PATH,
  inventoryTagsKey,
  readInventoryTags,
  sameTags,
  tagsToKeep,
  writeInventoryTags,
} from '../../../engine/plan/inventoryTags.js';
import type { TaggedHost, TaggedRead } from '../../../provider/hostReads.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-inventory-tags-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const facts = (name: string) => ({ name, cpus: 4, memoryMiB: 8192 });
const host = (name: string, etag: string): TaggedHost => ({ etag, facts: facts(name) });

describe('inventoryTagsKey', () => {
  it('GIVEN two state tags THEN two keys, each ending with its state tag', () => {
    const [a, b] = [inventoryTagsKey('1:2:3'), inventoryTagsKey('1:2:4')];
    expect([a.endsWith('|1:2:3'), b.endsWith('|1:2:4'), a === inventoryTagsKey('1:2:3')]).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('readInventoryTags / writeInventoryTags', () => {
  it('GIVEN tags written THEN they read back under their key, the file mode 0600, no temporary file left', async () => {
    const hosts = new Map([['h1', host('h1', '"a"')]]);
    await writeInventoryTags(dir, { key: 'K', hosts });
    expect(readInventoryTags(dir, 'K')).toEqual({ key: 'K', hosts });
    expect(statSync(join(dir, INVENTORY_TAGS_PATH)).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, '.nssv'))).toEqual(['inventory-tags.json']);
  });

  it('GIVEN another key THEN nothing is known', async () => {
    await writeInventoryTags(dir, { key: 'K', hosts: new Map([['h1', host('h1', '"a"')]]) });
    expect(readInventoryTags(dir, 'K2')).toBeUndefined();
  });

  it.each([
    ['no file', undefined],
    ['not JSON', '{"key":'],
    ['no hosts', '{"key":"K"}'],
  ])('GIVEN %s THEN nothing is known', (_what, text) => {
    if (text !== undefined) {
      mkdirSync(join(dir, '.nssv'));
      writeFileSync(join(dir, INVENTORY_TAGS_PATH), text);
    }
    expect(readInventoryTags(dir, 'K')).toBeUndefined();
  });

  it('GIVEN an entry of another shape THEN that host is not known, the others are', () => {
    mkdirSync(join(dir, '.nssv'));
    const text = JSON.stringify({
      key: 'K',
      hosts: { h1: host('h1', '"a"'), h2: { etag: 7, facts: facts('h2') }, h3: { etag: '"c"' } },
    });
    writeFileSync(join(dir, INVENTORY_TAGS_PATH), text);
    expect([...readInventoryTags(dir, 'K')!.hosts.keys()]).toEqual(['h1']);
  });

  it('GIVEN tags WHEN forgotten THEN the file is gone; forgetting none is no error', async () => {
    await writeInventoryTags(dir, { key: 'K', hosts: new Map([['h1', host('h1', '"a"')]]) });
    await forgetInventoryTags(dir);
    await forgetInventoryTags(dir);
    expect(readInventoryTags(dir, 'K')).toBeUndefined();
  });

  it('GIVEN a directory that cannot be written THEN no error (the next plan reads every host whole)', async () => {
    writeFileSync(join(dir, '.nssv'), 'a file where the directory would be');
    await expect(writeInventoryTags(dir, { key: 'K', hosts: new Map() })).resolves.toBeUndefined();
  });
});

describe('tagsToKeep', () => {
  const read = (etag: string, more: Partial<TaggedRead> = {}): TaggedRead => ({
    etag,
    unchanged: false,
    differs: false,
    facts: facts('x'),
    ...more,
  });

  it('GIVEN hosts read back as recorded and searched, one unchanged, one that differs, one with a stale copy, one without facts THEN the first and the unchanged one are kept, by name', () => {
    const tagged = new Map<string, TaggedRead>([
      ['h3', read('"3"', { unchanged: true })],
      ['h1', read('"1"')],
      ['h2', read('"2"', { differs: true })],
      ['h4', read('"4"')],
      ['h5', { etag: '"5"', unchanged: false, differs: false }],
    ]);
    expect([...tagsToKeep(tagged, new Set(['h1', 'h2', 'h4', 'h5']), new Set(['h4']))]).toEqual([
      ['h1', { etag: '"1"', facts: facts('x') }],
      ['h3', { etag: '"3"', facts: facts('x') }],
    ]);
  });

  it('GIVEN a host read back as recorded but not searched for stale copies (not declared) THEN it is not kept', () => {
    const tagged = new Map<string, TaggedRead>([['h1', read('"1"')]]);
    expect(tagsToKeep(tagged, new Set(), new Set()).size).toBe(0);
  });
});

describe('sameTags', () => {
  it('GIVEN the same hosts and tags THEN the same; another tag or another host THEN not', () => {
    const a = new Map([['h1', host('h1', '"a"')]]);
    expect(sameTags(a, new Map([['h1', host('h1', '"a"')]]))).toBe(true);
    expect(sameTags(a, new Map([['h1', host('h1', '"b"')]]))).toBe(false);
    expect(sameTags(a, new Map([['h2', host('h2', '"a"')]]))).toBe(false);
    expect(sameTags(a, new Map())).toBe(false);
  });
});
