import { takeOver, type TakeoverDomains } from '../../../agentd/domains/takeover.js';
import type { DomainInfo, DomainSpec } from '../../../schemas/generated/agentApi.js';

const UUID = '4dea22b3-1d52-d8f3-2516-782e98ab3fa0';
const spec: DomainSpec = {
  address: 'nssv_vm.ha',
  vcpus: 1,
  memoryMiB: 64,
  powerState: 'running',
  disks: [{ pool: 'ceph', volume: 'data' }],
  nics: [],
};

/** The host's domains faked: what exists, where disks resolve, every put recorded. */
function domains(existing: DomainInfo | undefined, paths: string[]) {
  const puts: Array<[string, string | undefined]> = [];
  const d: TakeoverDomains = {
    get: async () => existing,
    diskPaths: async () => paths,
    put: async (name, _spec, uuid) => {
      puts.push([name, uuid]);
      return { name, uuid: uuid ?? existing!.uuid } as DomainInfo;
    },
  };
  return { d, puts };
}

describe('takeOver (HA restart on this host)', () => {
  test('GIVEN an rbd disk WHEN taken over THEN its other clients are fenced first, then the domain is defined with the old UUID', async () => {
    const { d, puts } = domains(undefined, ['rbd:nssv.ceph/data']);
    const order: string[] = [];
    const fence = async (p: readonly string[]) => {
      order.push(`fence ${p.join()}`);
      expect(puts).toEqual([]);
      return ['10.0.0.2:0/111'];
    };
    const r = await takeOver(d, fence, 'ha', { uuid: UUID, domain: spec });
    expect(order).toEqual(['fence rbd:nssv.ceph/data']);
    expect(puts).toEqual([['ha', UUID]]);
    expect(r.fencedClients).toEqual(['10.0.0.2:0/111']);
  });

  test('GIVEN a local disk WHEN taken over THEN it is refused, nothing fenced or defined', async () => {
    const { d, puts } = domains(undefined, ['/var/lib/nssv/pools/p/data.qcow2']);
    await expect(takeOver(d, async () => [], 'ha', { uuid: UUID, domain: spec })).rejects.toMatchObject({
      code: 'conflict',
      message:
        'domain "ha" cannot be restarted here: its disk /var/lib/nssv/pools/p/data.qcow2 is a local file of the lost host, not shared (rbd) storage',
    });
    expect(puts).toEqual([]);
  });

  test('GIVEN the domain is here already with that UUID (a retry) THEN it is only converged, not fenced again', async () => {
    const { d, puts } = domains({ name: 'ha', uuid: UUID } as DomainInfo, ['rbd:nssv.ceph/data']);
    let fenced = false;
    const r = await takeOver(d, async () => ((fenced = true), []), 'ha', { uuid: UUID, domain: spec });
    expect([fenced, r.fencedClients, puts]).toEqual([false, [], [['ha', undefined]]]);
  });

  test('GIVEN another machine of that name here THEN it is refused', async () => {
    const other = '11111111-2222-3333-4444-555555555555';
    const { d } = domains({ name: 'ha', uuid: other } as DomainInfo, []);
    await expect(takeOver(d, undefined, 'ha', { uuid: UUID, domain: spec })).rejects.toMatchObject({
      code: 'conflict',
      message: `domain "ha" already exists on this host with UUID ${other}, not ${UUID}: it is another machine; remove it or choose another name`,
    });
  });
});
