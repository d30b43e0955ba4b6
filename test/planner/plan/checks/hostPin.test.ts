import { checkHostPin } from '../../../../planner/plan/checks/hostPin.js';

const hosts = new Map<string, string | undefined>([
  ['h1', 'c'],
  ['h3', 'c2'],
  ['h4', undefined],
]);
const pin = (host: string, cluster?: string) => ({ address: 'nssv_vm.a', cluster, host, range: undefined });

describe('checkHostPin', () => {
  test('GIVEN a pin to an undeclared host THEN the declared hosts are listed', () => {
    expect(checkHostPin(pin('h9', 'c'), hosts).map((d) => [d.code, d.summary, d.detail])).toEqual([
      [
        'NSSV_UNKNOWN_HOST',
        'nssv_vm.a: host_id = "h9" names no declared host',
        'Declared hosts: "h1", "h3", "h4". Fix: use one of them, or declare an nssv_host with name = "h9".',
      ],
    ]);
  });

  test('GIVEN a pin to a host of another cluster THEN both clusters are named', () => {
    expect(checkHostPin(pin('h3', 'c'), hosts).map((d) => [d.code, d.summary])).toEqual([
      [
        'NSSV_HOST_NOT_IN_CLUSTER',
        'nssv_vm.a: host_id = "h3" is in cluster "c2", not in the VM\'s cluster "c"',
      ],
    ]);
  });

  test('GIVEN a pin to a host of the cluster, or clusters not known yet THEN nothing is reported', () => {
    expect(checkHostPin(pin('h1', 'c'), hosts)).toEqual([]);
    expect(checkHostPin(pin('h4', 'c'), hosts)).toEqual([]);
    expect(checkHostPin(pin('h3'), hosts)).toEqual([]);
  });
});
