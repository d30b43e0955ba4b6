import { keepUnexpired } from '../../../agentd/storage/trashExpiry.js';

describe('keepUnexpired', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const entries = [
    { id: 'a', expiresAt: '2026-12-07T11:59:59Z' },
    { id: 'b', expiresAt: null },
    { id: 'c', expiresAt: '2026-12-07T12:00:00Z' },
    { id: 'd', expiresAt: '2026-12-14T12:00:00Z' },
  ];

  it('GIVEN entries past, at and before their expiry WHEN listed THEN those at or past it are purged, the rest kept in order', async () => {
    const purged: string[] = [];
    const kept = await keepUnexpired(entries, now, async (e) => {
      purged.push(e.id);
    });
    expect({ kept: kept.map((e) => e.id), purged }).toEqual({ kept: ['b', 'd'], purged: ['a', 'c'] });
  });

  it('GIVEN a purge that fails WHEN listed THEN the error reaches the caller', async () => {
    await expect(
      keepUnexpired(entries, now, async () => {
        throw new Error('EACCES');
      }),
    ).rejects.toThrow('EACCES');
  });
});
