import { isUnknown, type Attributes, type AttrValue } from '../../../core/values.js';
import { formatIpv4, hostRange, parseCidr, parseIpv4 } from '../../validate/rules/ipv4.js';
import { desiredNodes, nodesOfType, type PlanContext, type PlanNode } from '../context.js';
import { ipErrors } from './ipErrors.js';

interface Pool {
  name: string;
  /** Addresses nssv may allocate from, inclusive. */
  from: number;
  to: number;
  first: number;
  last: number;
  gateway: number | undefined;
  /** ip -> who holds it ("nssv_vm.web nic[0]"). */
  taken: Map<number, string>;
}

const holder = (address: string, i: number): string => `${address} nic[${i}]`;

function nicsOf(a: Attributes | undefined | null): Attributes[] {
  const v = a?.nic;
  return Array.isArray(v)
    ? (v.filter((x) => x && typeof x === 'object' && !isUnknown(x)) as Attributes[])
    : [];
}

/** The address pools of the port groups with a known, valid cidr. */
function pools(ctx: PlanContext): Map<string, Pool> {
  const out = new Map<string, Pool>();
  for (const n of desiredNodes(ctx, 'nssv_port_group')) {
    const p = n.planned!;
    if (typeof p.name !== 'string' || typeof p.cidr !== 'string') continue;
    const net = parseCidr(p.cidr).network;
    if (!net) continue;
    let [from, to] = hostRange(net);
    const dhcp = Array.isArray(p.dhcp) ? (p.dhcp[0] as Attributes | undefined) : undefined;
    const start = typeof dhcp?.start === 'string' ? parseIpv4(dhcp.start) : undefined;
    const end = typeof dhcp?.end === 'string' ? parseIpv4(dhcp.end) : undefined;
    if (start !== undefined && end !== undefined && start <= end) [from, to] = [start, end];
    const gateway = typeof p.gateway === 'string' ? parseIpv4(p.gateway) : undefined;
    out.set(p.name, { name: p.name, from, to, first: net.first, last: net.last, gateway, taken: new Map() });
  }
  return out;
}

/**
 * NIC addresses, decided at plan time so the plan shows them. A NIC keeps the address it has
 * (static in configuration, or allocated by an earlier plan and kept in state); a NIC without
 * one in a port group with a cidr gets the lowest free address of the group's dhcp range (else
 * its cidr). Free means held by no NIC in the configuration or in the state: an address of a
 * VM being destroyed stays allocated until that destroy is applied, so it is never handed to
 * another NIC in the same plan. VMs are visited in address order: same inputs, same addresses.
 */
export function allocateIps(ctx: PlanContext): void {
  const byGroup = pools(ctx);
  const vms = nodesOfType(ctx, 'nssv_vm').sort((a, b) => (a.address < b.address ? -1 : 1));
  const hold = (pg: AttrValue | undefined, ip: AttrValue | undefined, who: string) => {
    if (typeof pg !== 'string' || typeof ip !== 'string') return;
    const pool = byGroup.get(pg);
    const n = parseIpv4(ip);
    if (pool && n !== undefined && !pool.taken.has(n)) pool.taken.set(n, who);
  };
  // Held first: what the state records, then what configuration or state already fixes
  // (nothing to hold or check when no port group has a cidr).
  if (byGroup.size > 0) {
    for (const vm of vms) {
      nicsOf(vm.prior?.attributes).forEach((nic, i) =>
        hold(nic.port_group_id, nic.ip, holder(vm.address, i)),
      );
    }
    for (const vm of vms) checkFixed(ctx, vm, byGroup);
  }
  for (const vm of vms) {
    if (!vm.planned) continue;
    const nics = vm.planned.nic;
    if (!Array.isArray(nics)) continue;
    // NICs that have their address already (most, in most plans) keep their list as it is.
    if (nics.every(hasAddress)) continue;
    vm.planned.nic = nics.map((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item) || isUnknown(item)) return item;
      const nic = item as Attributes;
      if (!isUnknown(nic.ip) && nic.ip !== undefined) return nic;
      const pg = nic.port_group_id;
      if (isUnknown(pg)) return nic;
      const pool = typeof pg === 'string' ? byGroup.get(pg) : undefined;
      if (!pool) {
        // No cidr (or not known yet): no address, unless the group's cidr is still unknown.
        const pgNode = desiredNodes(ctx, 'nssv_port_group').find((n) => n.planned!.name === pg);
        return pgNode && isUnknown(pgNode.planned!.cidr) ? nic : { ...nic, ip: null };
      }
      const ip = lowestFree(pool);
      if (ip === undefined) {
        ctx.diagnostics.push(
          ipErrors.exhausted(
            vm.address,
            i,
            pool.name,
            `${formatIpv4(pool.from)}–${formatIpv4(pool.to)}`,
            vm.desired?.range,
          ),
        );
        return nic;
      }
      pool.taken.set(ip, holder(vm.address, i));
      return { ...nic, ip: formatIpv4(ip) };
    });
  }
}

/** A planned NIC that keeps what it has: not a NIC object, or one whose ip is set (null included). */
function hasAddress(item: AttrValue): boolean {
  if (!item || typeof item !== 'object' || Array.isArray(item) || isUnknown(item)) return true;
  const ip = (item as Attributes).ip;
  return !isUnknown(ip) && ip !== undefined;
}

/** Addresses the planned NICs already have: reserved ones and ones held by another NIC are errors. */
function checkFixed(ctx: PlanContext, vm: PlanNode, byGroup: Map<string, Pool>): void {
  nicsOf(vm.planned).forEach((nic, i) => {
    if (typeof nic.ip !== 'string' || typeof nic.port_group_id !== 'string') return;
    const pool = byGroup.get(nic.port_group_id);
    const n = parseIpv4(nic.ip);
    if (!pool || n === undefined) return;
    const range = vm.desired?.attributeRanges[`nic[${i}].ip`] ?? vm.desired?.range;
    const reserved =
      n === pool.first
        ? 'the network address'
        : n === pool.last
          ? 'the broadcast address'
          : n === pool.gateway
            ? 'the gateway'
            : undefined;
    if (reserved && pool.last - pool.first > 1) {
      ctx.diagnostics.push(ipErrors.reserved(vm.address, i, nic.ip, pool.name, reserved, range));
      return;
    }
    const who = pool.taken.get(n);
    if (who !== undefined && who !== holder(vm.address, i)) {
      ctx.diagnostics.push(ipErrors.inUse(vm.address, i, nic.ip, pool.name, who, range));
      return;
    }
    pool.taken.set(n, holder(vm.address, i));
  });
}

function lowestFree(pool: Pool): number | undefined {
  for (let n = pool.from; n <= pool.to; n++) {
    if (n === pool.gateway || n === pool.first || n === pool.last) continue;
    if (!pool.taken.has(n)) return n;
  }
  return undefined;
}
