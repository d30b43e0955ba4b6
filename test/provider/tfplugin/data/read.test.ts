import { readData } from '../../../../provider/tfplugin/data/read.js';
import { fakeSession } from '../fakeSession.js';

const s = fakeSession({
  h1: {
    domains: [
      {
        name: 'web1',
        uuid: 'u1',
        address: 'nssv_vm.web1',
        vcpus: 1,
        maxVcpus: 1,
        memoryMiB: 128,
        maxMemoryMiB: 128,
        disks: [],
        nics: [],
        tags: {},
        state: 'running',
        powerState: 'running',
        pciDevices: ['0000:65:00.0'],
      },
    ],
    pciDevices: [
      {
        address: '0000:65:00.0',
        vendorId: '0x10de',
        vendor: 'NVIDIA Corporation',
        productId: '0x2330',
        product: 'GH100',
        class: '0x030200',
        driver: null,
        iommuGroup: 42,
        usedBy: ['web1'],
      },
    ],
  },
  h2: {},
});

describe('data sources', () => {
  it("GIVEN nssv_host THEN the provider's host with its agent's facts, never its token", async () => {
    const r = await readData(s, 'nssv_host', { name: 'h1' });
    expect(r.state).toEqual({
      name: 'h1',
      id: 'h1',
      cluster_id: 'c',
      endpoint: 'http://h1:7400',
      maintenance: false,
      labels: {},
      cpus: 8,
      memory_mib: 16384,
      domain_type: 'qemu',
    });
    expect(JSON.stringify(r.state)).not.toContain('token-of');
  });

  it('GIVEN nssv_cluster THEN its hosts', async () => {
    expect((await readData(s, 'nssv_cluster', { name: 'c' })).state).toEqual({
      name: 'c',
      id: 'c',
      host_ids: ['h1', 'h2'],
    });
    expect((await readData(s, 'nssv_cluster', { name: 'x' })).diagnostics[0]).toMatchObject({
      code: 'NSSV_DATA_NOT_FOUND',
      summary: 'no cluster "x" among the configured hosts',
      detail: 'Known: c.',
    });
  });

  it('GIVEN nssv_host_inventory THEN what the agent reports', async () => {
    const r = await readData(s, 'nssv_host_inventory', { host: 'h1' });
    expect(r.state!.domains).toEqual([
      {
        name: 'web1',
        uuid: 'u1',
        address: 'nssv_vm.web1',
        vcpus: 1,
        memory_mib: 128,
        power_state: 'running',
      },
    ]);
    expect(r.state!.pci_devices).toEqual([
      {
        address: '0000:65:00.0',
        vendor_id: '0x10de',
        vendor: 'NVIDIA Corporation',
        product_id: '0x2330',
        product: 'GH100',
        driver: null,
        iommu_group: 42,
        used_by: ['web1'],
      },
    ]);
    expect((await readData(s, 'nssv_host_inventory', { host: 'h2' })).state!.pci_devices).toEqual([]);
    expect((await readData(s, 'nssv_host_inventory', { host: 'h9' })).diagnostics[0]).toMatchObject({
      attribute: 'host',
      summary: 'no host "h9" among the configured hosts',
      detail: 'Known: h1, h2.',
    });
  });

  const img = (store: string, name: string) => ({
    store,
    name,
    address: `nssv_image.${name}`,
    source: `/srv/${name}.qcow2`,
    format: 'qcow2' as const,
    sha256: 'ab'.repeat(32),
    sizeBytes: 1024,
    virtualSizeBytes: 4096,
    path: `/var/lib/nssv/images/${store}/${name}`,
  });
  const withImages = fakeSession({
    h1: { images: [img('lib', 'debian'), img('lib', 'alpine'), img('other', 'alpine')] },
    h2: { images: [img('lib', 'debian')] },
  });

  it('GIVEN nssv_image by name THEN the image as the agents verified it, with the hosts that keep it', async () => {
    const r = await readData(withImages, 'nssv_image', { name: 'debian' });
    expect(r.diagnostics).toEqual([]);
    expect(r.state).toEqual({
      id: 'debian',
      name: 'debian',
      image_storage_id: 'lib',
      source: '/srv/debian.qcow2',
      format: 'qcow2',
      sha256: 'ab'.repeat(32),
      size_bytes: 1024,
      host_ids: ['h1', 'h2'],
      os_type: null,
      delete_policy: null,
      description: null,
    });
  });

  it('GIVEN nssv_image whose name is in two image storages THEN NSSV_DATA_AMBIGUOUS, and image_storage_id picks one', async () => {
    expect((await readData(withImages, 'nssv_image', { name: 'alpine' })).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'NSSV_DATA_AMBIGUOUS',
        attribute: 'name',
        summary: 'more than one image "alpine": one in each of the image storages lib, other',
        detail: 'Fix: set image_storage_id to one of lib, other.',
      },
    ]);
    const r = await readData(withImages, 'nssv_image', { name: 'alpine', image_storage_id: 'other' });
    expect(r.state).toMatchObject({ image_storage_id: 'other', host_ids: ['h1'] });
  });

  it('GIVEN nssv_image that no host keeps THEN NSSV_DATA_NOT_FOUND names the images there are', async () => {
    expect((await readData(withImages, 'nssv_image', { name: 'centos' })).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'NSSV_DATA_NOT_FOUND',
        attribute: 'name',
        summary: 'no image "centos" among the configured hosts',
        detail: 'Known: alpine, debian.',
      },
    ]);
  });
});
