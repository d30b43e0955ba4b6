import type { Attributes } from '../../../core/values.js';
import { desiredNodes, type PlanContext, type PlanNode } from '../context.js';
import { pciErrors } from '../pciErrors.js';

/** The VM's passthrough devices, when known. */
function devicesOf(a: Attributes | null | undefined): string[] {
  const v = a?.pci_passthrough;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const rangeOf = (vm: PlanNode) => vm.desired?.attributeRanges.pci_passthrough ?? vm.desired?.range;

/**
 * nssv_vm.pci_passthrough against the hosts' inventories (issue 11): every device must exist on
 * the VM's host and be passed through to no other domain there nor claimed by another VM of the
 * configuration; a VM with devices is never migrated (a host_id change is refused) and a host in
 * maintenance cannot be drained of a running one. A VM with devices must be pinned with host_id
 * (the schema rule NSSV_RULE_PCI_PASSTHROUGH_HOST), so the scheduler never places it. Hosts whose
 * devices are not known (their agent did not answer, or -refresh=false) are not checked here;
 * their agent checks again before it defines the domain.
 */
export function checkPassthrough(ctx: PlanContext): void {
  if (ctx.mode !== 'normal') return;
  const claimed = new Map<string, string>();
  const withDevices = desiredNodes(ctx, 'nssv_vm').filter((vm) => devicesOf(vm.planned).length > 0);
  for (const vm of withDevices.sort((a, b) => (a.address < b.address ? -1 : 1))) {
    const devices = devicesOf(vm.planned);
    const host = vm.planned!.host_id;
    if (devices.length === 0 || typeof host !== 'string') continue;
    const facts = ctx.hostFacts.get(host);
    const live = vm.live;
    if (facts?.maintenance && live?.power_state === 'running' && live.host_id === host) {
      ctx.diagnostics.push(pciErrors.maintenance(vm.address, devices, host, rangeOf(vm)));
    }
    for (const device of devices) {
      const key = `${host}\u0000${device}`;
      const other = claimed.get(key);
      if (other !== undefined) {
        ctx.diagnostics.push(pciErrors.claimedTwice(vm.address, device, host, other, rangeOf(vm)));
        continue;
      }
      claimed.set(key, vm.address);
      if (!facts?.pciDevices) continue;
      const found = facts.pciDevices.find((d) => d.address === device);
      if (!found) {
        const present = facts.pciDevices.map((d) => d.address);
        ctx.diagnostics.push(pciErrors.absent(vm.address, device, host, present, rangeOf(vm)));
        continue;
      }
      const others = found.usedBy.filter((u) => u !== vm.planned!.name);
      if (others.length > 0)
        ctx.diagnostics.push(pciErrors.inUse(vm.address, device, host, others, rangeOf(vm)));
    }
  }
  for (const c of ctx.changes) {
    if (c.action !== 'migrate' || !c.migration) continue;
    const devices = [...new Set([...devicesOf(c.before), ...devicesOf(c.after)])];
    if (devices.length === 0) continue;
    const vm = ctx.nodes.get(c.address);
    const range = vm?.desired?.attributeRanges.host_id ?? vm?.desired?.range;
    ctx.diagnostics.push(pciErrors.migration(c.address, devices, c.migration.from, c.migration.to, range));
  }
}
