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
});
