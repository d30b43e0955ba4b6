import {
  chunkEntries,
  chunkKeys,
  joinChunks,
  MAX_META_VALUE,
  storableValue,
} from '../../../agentd/ceph/metaChunks.js';

/** The characters Ceph takes in a pool metadata value (`osd pool application set`, measured). */
const CEPH_VALUE = /^[A-Za-z0-9_.=-]*$/;

describe('pool metadata chunks', () => {
  it('GIVEN a value Ceph takes whole THEN one entry', () => {
    expect(chunkEntries('nssv.trash.1', 'abc')).toEqual([['nssv.trash.1', 'abc']]);
  });

  it('GIVEN a value over the limit THEN the key holds the count and the pieces follow; joined it comes back whole', () => {
    const value = 'x'.repeat(MAX_META_VALUE) + 'y'.repeat(MAX_META_VALUE) + 'z';
    const entries = chunkEntries('nssv.trash.1', value);
    expect(entries.map(([k, v]) => [k, v.length])).toEqual([
      ['nssv.trash.1', 3],
      ['nssv.trash.1..0', MAX_META_VALUE],
      ['nssv.trash.1..1', MAX_META_VALUE],
      ['nssv.trash.1..2', 1],
    ]);
    expect(entries[0]![1]).toBe('..3');
    const meta = { 'nssv.address': 'a', ...Object.fromEntries(entries) };
    expect(joinChunks(meta)).toEqual({ 'nssv.address': 'a', 'nssv.trash.1': value });
    expect(chunkKeys(meta, 'nssv.trash.1')).toEqual([
      'nssv.trash.1..0',
      'nssv.trash.1..1',
      'nssv.trash.1..2',
    ]);
  });

  it.each([
    ['nssv_volume.data', 'nssv_volume.data'],
    ['nssv_volume.data[0]', 'b64.bnNzdl92b2x1bWUuZGF0YVswXQ'],
    ['nssv_volume.v["db/1"]', 'b64.bnNzdl92b2x1bWUudlsiZGIvMSJd'],
    // a plain value that looks encoded is encoded too, so it reads back as itself
    ['b64.abc', 'b64.YjY0LmFiYw'],
  ])('GIVEN the value %s THEN Ceph is given %s, which joinChunks gives back', (value, stored) => {
    expect(storableValue(value)).toBe(stored);
    expect(stored).toMatch(CEPH_VALUE);
    expect(chunkEntries('nssv.volume.data-0', value)).toEqual([['nssv.volume.data-0', stored]]);
    expect(joinChunks({ 'nssv.volume.data-0': stored })).toEqual({ 'nssv.volume.data-0': value });
  });

  it('GIVEN a long for_each address THEN it is encoded first, then chunked; every piece is storable and it reads back whole', () => {
    const address = `module.tenant["a b"].nssv_volume.v["${'k/'.repeat(60)}"]`;
    const entries = chunkEntries('nssv.volume.v', address);
    expect(entries.length).toBeGreaterThan(2);
    for (const [, v] of entries) expect(v).toMatch(CEPH_VALUE);
    expect(joinChunks(Object.fromEntries(entries))).toEqual({ 'nssv.volume.v': address });
  });
});
