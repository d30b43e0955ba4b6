import { createHandlerContext } from '../../../provider/handlers/context.js';
import { logicalHandler } from '../../../provider/handlers/logical.js';

describe('logicalHandler', () => {
  const ctx = createHandlerContext(new Map());
  const handler = logicalHandler('nssv_cluster');
  const prior = { name: 'c', datacenter_id: 'dc', cpu_overcommit_ratio: 1 };
  const next = { ...prior, cpu_overcommit_ratio: 2 };

  it('GIVEN state-only attributes WHEN read, created and updated THEN the recorded attributes are the truth', async () => {
    expect(handler.type).toBe('nssv_cluster');
    expect(await handler.read(ctx, 'nssv_cluster.c', prior)).toBe(prior);
    expect(await handler.create(ctx, 'nssv_cluster.c', prior)).toBe(prior);
    expect(await handler.update(ctx, 'nssv_cluster.c', prior, next)).toBe(next);
  });

  it('GIVEN no agent at all WHEN deleted THEN it completes (nothing lives on a host)', async () => {
    await expect(handler.delete(ctx, 'nssv_cluster.c', prior)).resolves.toBeUndefined();
  });
});
