import type { Attributes } from '../../../../core/values.js';
import type { DesiredInstance } from '../../../../planner/config/types.js';
import type { HostFacts } from '../../../../planner/plan/hostFacts.js';
import { makePlan } from '../../../../planner/plan/makePlan.js';
import type { Plan } from '../../../../planner/plan/types.js';
import { emptyState, type State } from '../../../../planner/state/types.js';
import type { PciDeviceInfo } from '../../../../schemas/generated/agentApi.js';
import { desired, world } from '../../../helpers/desired.js';

/** nssv_vm.pci_passthrough at plan time (issue 11): checked against the hosts' inventories, never migrated. */
const device = (address: string, usedBy: string[] = []): PciDeviceInfo => ({
  address,
  vendorId: '0x10de',
  vendor: 'NVIDIA Corporation',
  productId: '0x2330',
  product: 'GH100',
  class: '0x030200',
  driver: 'nvidia',
  iommuGroup: 42,
  usedBy,
});
const host = (name: string, extra: Partial<HostFacts> = {}): [string, HostFacts] => [
  name,
  {
    name,
    cluster: 'c',
    address: `nssv_host.${name}`,
    cpus: 4,
    memoryMiB: 8192,
    maintenance: false,
    ...extra,
  },
];
const hostsWith = (h1: Partial<HostFacts> = {}) =>
  new Map([host('h1', { pciDevices: [device('0000:00:03.0'), device('0000:65:00.0')], ...h1 }), host('h2')]);
const gpu = (extra: Attributes = {}, name = 'gpu'): DesiredInstance =>
  desired(
    `nssv_vm.${name}`,
    { name, cluster_id: 'c', host_id: 'h1', memory_mib: 512, pci_passthrough: ['0000:65:00.0'], ...extra },
    ['nssv_cluster.c'],
  );
const plan = (vms: DesiredInstance[], hostFacts = hostsWith(), prior: State = emptyState('L')): Plan =>
  makePlan({ mode: 'normal', desired: [...world(), ...vms], prior, live: new Map(), hostFacts });
/** The state an apply of `p` leaves, VMs running. */
const applied = (p: Plan): State => ({
  ...emptyState('L'),
  serial: 1,
  resources: p.changes.map((c) => {
    const a: Attributes = { ...c.after! };
    if (c.type === 'nssv_vm') Object.assign(a, { uuid: `uuid-${a.name}`, power_state: 'running' });
    if (c.type === 'nssv_host') Object.assign(a, { cpus: 4, memory_mib: 8192, domain_type: 'qemu' });
    return { address: c.address, type: c.type, attributes: a, dependencies: [], sensitivePaths: [] };
  }),
});
const errorsOf = (p: Plan) => p.diagnostics.map((d) => [d.code, d.address, d.summary, d.detail, d.attribute]);

describe('checkPassthrough', () => {
  test('GIVEN a free device of the pinned host WHEN planned THEN no error and the VM is created there', () => {
    const p = plan([gpu()]);
    expect(p.diagnostics).toEqual([]);
    const c = p.changes.find((x) => x.address === 'nssv_vm.gpu')!;
    expect([c.action, c.after!.host_id, c.after!.pci_passthrough]).toEqual([
      'create',
      'h1',
      ['0000:65:00.0'],
    ]);
  });

  test('GIVEN a device the host does not have WHEN planned THEN NSSV_PCI_DEVICE_ABSENT naming VM, device, host, the devices it has and the fix', () => {
    const p = plan([gpu({ pci_passthrough: ['0000:b3:00.0'] })]);
    expect(errorsOf(p)).toEqual([
      [
        'NSSV_PCI_DEVICE_ABSENT',
        'nssv_vm.gpu',
        'nssv_vm.gpu: pci_passthrough names PCI device 0000:b3:00.0, which host "h1" does not have',
        'Host "h1" has the PCI devices 0000:00:03.0, 0000:65:00.0 (see `virsh nodedev-list --cap pci` on it, or data "nssv_host_inventory"). Fix: name one of them in pci_passthrough, or pin the VM with host_id to the host that has 0000:b3:00.0.',
        'pci_passthrough',
      ],
    ]);
  });

  test('GIVEN a device another domain passes through WHEN planned THEN NSSV_PCI_DEVICE_IN_USE naming that domain', () => {
    const p = plan([gpu()], hostsWith({ pciDevices: [device('0000:65:00.0', ['legacy-vm'])] }));
    expect(errorsOf(p)).toEqual([
      [
        'NSSV_PCI_DEVICE_IN_USE',
        'nssv_vm.gpu',
        'nssv_vm.gpu: PCI device 0000:65:00.0 on host "h1" is already passed through to domain "legacy-vm"',
        'A device can be given to one domain only. Fix: remove 0000:65:00.0 from that domain first (for one nssv manages, from its pci_passthrough), or name another device of "h1".',
        'pci_passthrough',
      ],
    ]);
  });

  test("GIVEN the device used by the VM's own domain WHEN planned again THEN no error", () => {
    expect(plan([gpu()], hostsWith({ pciDevices: [device('0000:65:00.0', ['gpu'])] })).diagnostics).toEqual(
      [],
    );
  });

  test('GIVEN two VMs naming the same device of the same host WHEN planned THEN the second (by address) is refused', () => {
    const p = plan([gpu(), gpu({}, 'gpu2')]);
    expect(errorsOf(p)).toEqual([
      [
        'NSSV_PCI_DEVICE_IN_USE',
        'nssv_vm.gpu2',
        'nssv_vm.gpu2: PCI device 0000:65:00.0 on host "h1" is also in the pci_passthrough of nssv_vm.gpu',
        'A device can be given to one VM only. Fix: remove 0000:65:00.0 from one of the two VMs.',
        'pci_passthrough',
      ],
    ]);
  });

  test('GIVEN a host whose devices are not known (no inventory read) WHEN planned THEN the devices are left to the agent', () => {
    expect(
      plan([gpu({ pci_passthrough: ['0000:b3:00.0'] })], new Map([host('h1'), host('h2')])).diagnostics,
    ).toEqual([]);
  });

  test('GIVEN a running passthrough VM WHEN its host_id changes THEN NSSV_PCI_PASSTHROUGH_MIGRATION instead of a migration', () => {
    const before = applied(plan([gpu()]));
    const p = plan([gpu({ host_id: 'h2' })], hostsWith(), before);
    expect(errorsOf(p)).toEqual([
      [
        'NSSV_PCI_PASSTHROUGH_MIGRATION',
        'nssv_vm.gpu',
        'nssv_vm.gpu would move from "h1" to "h2", but it passes through PCI device(s) 0000:65:00.0 of "h1"',
        'A VM with passthrough devices cannot be live-migrated: the devices are "h1"\'s hardware. Fix: keep host_id = "h1"; to run it on "h2", remove it from the configuration and apply, then declare it again with host_id = "h2" and devices of "h2" in pci_passthrough.',
        'pci_passthrough',
      ],
    ]);
    expect(p.steps).toEqual([]);
  });

  test('GIVEN a running passthrough VM WHEN its host goes into maintenance THEN NSSV_PCI_PASSTHROUGH_MAINTENANCE; shut off, it may stay', () => {
    const before = applied(plan([gpu()]));
    const p = plan([gpu()], hostsWith({ maintenance: true }), before);
    expect(errorsOf(p)).toEqual([
      [
        'NSSV_PCI_PASSTHROUGH_MAINTENANCE',
        'nssv_vm.gpu',
        'host "h1" is in maintenance, but nssv_vm.gpu runs there with PCI passthrough device(s) 0000:65:00.0 and cannot be migrated off it',
        'Draining a host moves its VMs by live migration, which a VM with passthrough devices cannot do. Fix: set power_state = "shutoff" on nssv_vm.gpu while "h1" is in maintenance (or remove it), or set maintenance = false on "h1".',
        'pci_passthrough',
      ],
    ]);
    const off: State = {
      ...before,
      resources: before.resources.map((r) =>
        r.address === 'nssv_vm.gpu' ? { ...r, attributes: { ...r.attributes, power_state: 'shutoff' } } : r,
      ),
    };
    expect(
      plan([gpu({ power_state: 'shutoff' })], hostsWith({ maintenance: true }), off).diagnostics,
    ).toEqual([]);
  });
});
