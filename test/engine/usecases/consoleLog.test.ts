import { consoleLog } from '../../../engine/usecases/consoleLog.js';
import type { State } from '../../../planner/state/types.js';

const state = (resources: State['resources']): State => ({ version: 1, serial: 1, lineage: 'l', resources });
const vm = {
  address: 'nssv_vm.web1',
  type: 'nssv_vm',
  attributes: { name: 'web1', host_id: 'h9' },
  dependencies: [],
  sensitivePaths: [],
};

describe('consoleLog', () => {
  it('GIVEN a VM the state does not record THEN NSSV_VM_NOT_FOUND lists the VMs it does', async () => {
    expect(await consoleLog(state([vm]), 'db1')).toEqual({
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'NSSV_VM_NOT_FOUND',
        summary: 'no VM "db1" in the state',
        detail: 'VMs the state records: nssv_vm.web1 (web1). Fix: give one of these addresses or names.',
      },
    });
  });

  it('GIVEN a VM whose host the state has no endpoint for THEN NSSV_HOST_NOT_FOUND names the host', async () => {
    expect(await consoleLog(state([vm]), 'nssv_vm.web1')).toEqual({
      ok: false,
      diagnostic: {
        severity: 'error',
        code: 'NSSV_HOST_NOT_FOUND',
        address: 'nssv_vm.web1',
        summary: 'nssv_vm.web1 runs on host "h9", which the state has no endpoint for',
        detail: 'Fix: run nssv apply so the state records the host (nssv_host) again.',
      },
    });
  });
});
