import { chunkEntries, chunkKeys, joinChunks, MAX_META_VALUE } from '../../../agentd/ceph/metaChunks.js';

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
});
