import { imageHandler } from '../../../provider/handlers/image.js';
import { fakeHosts, type FakeHosts } from './fakeHosts.js';

let hosts: FakeHosts;
beforeEach(async () => (hosts = await fakeHosts()));
afterEach(() => hosts.close());

const img = (policy: string) => ({
  name: 'debian',
  image_storage_id: 'images',
  source: '/srv/debian.qcow2',
  format: 'qcow2',
  sha256: null,
  host_ids: ['h1', 'h2'],
  delete_policy: policy,
});
const A = 'nssv_image.debian';

describe('imageHandler', () => {
  it('GIVEN an image with delete_policy "never" WHEN its handler is asked to delete it anyway THEN it refuses and no host is asked', async () => {
    await expect(imageHandler.delete(hosts.ctx(), A, img('never'))).rejects.toThrow(
      'nssv_image.debian has delete_policy = "never": nssv does not delete it',
    );
    expect([hosts.h1.calls(), hosts.h2.calls()]).toEqual([[], []]);
  });

  const debian = {
    store: 'images',
    name: 'debian',
    address: A,
    source: '/srv/debian.qcow2',
    format: 'qcow2' as const,
    sha256: 'a'.repeat(64),
    sizeBytes: 10,
    virtualSizeBytes: 20,
    path: '/srv/.images/images/debian.qcow2',
  };
  const onBoth = () => {
    for (const h of [hosts.h1, hosts.h2]) h.inventory.images.push({ ...debian });
  };

  it('GIVEN an image with delete_policy "delayed" on two hosts WHEN deleted THEN each host moves it to its trash for 7 days', async () => {
    onBoth();
    const before = Date.now();
    await imageHandler.delete(hosts.ctx(), A, img('delayed'));
    for (const h of [hosts.h1, hosts.h2]) {
      expect(h.calls()).toEqual(['PUT /v1/image-stores/images/images/debian/trash']);
      expect(h.trash.map((e) => [e.id, e.imageStore, e.image, e.address])).toEqual([
        ['images.debian-1', 'images', 'debian', A],
      ]);
      const expires = Date.parse(h.trash[0]!.expiresAt!);
      expect(expires - before).toBeGreaterThanOrEqual(7 * 24 * 3600_000);
      expect(expires - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600_000);
    }
  });

  it('GIVEN an image with delete_policy "immediate" WHEN deleted THEN each host deletes it, no trash', async () => {
    onBoth();
    await imageHandler.delete(hosts.ctx(), A, img('immediate'));
    for (const h of [hosts.h1, hosts.h2]) {
      expect(h.calls()).toEqual(['DELETE /v1/image-stores/images/images/debian']);
      expect([h.trash, h.inventory.images]).toEqual([[], []]);
    }
  });

  it('GIVEN a delayed image deleted WHEN the delete is undone THEN each host restores it from its trash, nothing imported again', async () => {
    onBoth();
    await imageHandler.delete(hosts.ctx(), A, img('delayed'));
    const undone = await imageHandler.undoDelete!(hosts.ctx(), A, img('delayed'));
    expect(undone).toEqual({
      attributes: img('delayed'),
      note: 'restored from the trash (images.debian-1, images.debian-1) with its content',
    });
    for (const h of [hosts.h1, hosts.h2]) {
      expect(h.calls()).toEqual([
        'PUT /v1/image-stores/images/images/debian/trash',
        'PUT /v1/trash/images.debian-1/restore',
      ]);
      expect([h.trash, h.inventory.images.map((i) => i.name)]).toEqual([[], ['debian']]);
    }
  });

  it('GIVEN an image already back on a host (an rbd store restored by another host) WHEN the delete is undone THEN that host is not asked to restore', async () => {
    onBoth();
    await imageHandler.delete(hosts.ctx(), A, img('delayed'));
    hosts.h2.inventory.images.push(debian);
    const undone = await imageHandler.undoDelete!(hosts.ctx(), A, img('delayed'));
    expect(undone.note).toBe('restored from the trash (images.debian-1) with its content');
    expect(hosts.h2.calls()).toEqual(['PUT /v1/image-stores/images/images/debian/trash']);
  });

  it('GIVEN a trash entry purged meanwhile WHEN the delete is undone THEN the undo fails naming the host', async () => {
    onBoth();
    await imageHandler.delete(hosts.ctx(), A, img('delayed'));
    hosts.h1.trash.length = 0;
    await expect(imageHandler.undoDelete!(hosts.ctx(), A, img('delayed'))).rejects.toThrow(
      'cannot bring nssv_image.debian back on h1: its trash entry is gone (purged outside nssv?); import it again with the next apply',
    );
  });
});
