import type { VolumeInfo } from '../../../../schemas/generated/agentApi.js';
import { readResource } from '../../../../provider/tfplugin/resources/read.js';
import { fakeSession } from '../fakeSession.js';

const prior = {
  name: 'data',
  id: 'data',
  pool_id: 'local',
  size_gib: 1,
  format: 'qcow2',
  host_id: 'h1',
  clone_state: null,
};
const volume = (address: string, path = '/srv/h2/local/data.qcow2'): VolumeInfo =>
  ({ pool: 'local', name: 'data', address, sizeGiB: 2, format: 'qcow2', path }) as VolumeInfo;

describe('ReadResource of a volume', () => {
  it("GIVEN a dir-pool volume gone from its host and found on another with its address (its VM's migration copied it) THEN read there", async () => {
    const s = fakeSession({ h1: {}, h2: { volumes: [volume('nssv_volume.data')] } });
    const r = await readResource(s, 'nssv_volume', prior);
    expect(r.diagnostics).toEqual([]);
    expect(r.state).toMatchObject({ host_id: 'h2', size_gib: 2 });
  });

  it('GIVEN a volume of that name elsewhere recorded for another address THEN it is gone (will be created)', async () => {
    const s = fakeSession({ h1: {}, h2: { volumes: [volume('nssv_volume.other')] } });
    expect((await readResource(s, 'nssv_volume', prior)).state).toBeNull();
  });

  it('GIVEN the volume still on its host THEN read there, whatever another host has', async () => {
    const s = fakeSession({
      h1: { volumes: [volume('nssv_volume.data', '/srv/h1/local/data.qcow2')] },
      h2: { volumes: [volume('nssv_volume.data')] },
    });
    expect((await readResource(s, 'nssv_volume', prior)).state).toMatchObject({ host_id: 'h1' });
  });
});
