/**
 * Security groups and anti-spoofing as OpenFlow flows on one switch: pure, same input, same flows.
 *
 *   table 0   from a filtered VM port -> 10 (its egress); anything else -> 20
 *   table 10  anti-spoofing: only the port's MAC, and its IP (ARP and IPv4; DHCP requests from
 *             0.0.0.0 too); a port with security groups enters conntrack (its zone) -> 11
 *   table 11  egress policy: established/related pass, new connections by the egress rules
 *             (committed), else dropped - or all allowed when its groups have no egress rule
 *   table 20  to a VM port with security groups (by destination MAC): conntrack in that port's
 *             zone -> 21; everything else: NORMAL
 *   table 21  ingress policy: established/related pass, new ones by the ingress rules, else drop
 * NORMAL (MAC learning, VLAN tags) forwards whatever passes, so port groups stay isolated.
 * Each flow carries a cookie naming its owner: a rule (its group and index), a port, or the
 * pipeline, so inventory can say which rule a flow belongs to and whether any is missing.
 */
import { createHash } from 'node:crypto';
import type { SecurityGroupInfo, SecurityRuleSpec } from '../../schemas/generated/agentApi.js';
import { portMasks } from './portMasks.js';

export interface FilteredPort {
  /** OpenFlow port number of the NIC's port on its switch. */
  ofport: number;
  mac: string;
  ip: string | null;
  groups: string[];
  zone: number;
  /** For cookie owners: "nssv_vm.web nic 52:54:00:…". */
  owner: string;
}

export interface CompiledFlow {
  table: number;
  priority: number;
  cookie: bigint;
  match: string;
  actions: string;
}

const KIND_RULE = 0x01n;
const KIND_PORT = 0x02n;
const KIND_PIPELINE = 0x03n;

export const pipelineCookie = KIND_PIPELINE << 56n;
export const portCookie = (zone: number): bigint => (KIND_PORT << 56n) | BigInt(zone);
export function ruleCookie(group: string, index: number): bigint {
  const h = BigInt(`0x${createHash('sha256').update(group).digest('hex').slice(0, 8)}`);
  return (KIND_RULE << 56n) | (h << 16n) | BigInt(index);
}

const ESTABLISHED = 20000;
/** Lower rule priority first; on a tie deny wins over allow. */
const rulePriority = (r: SecurityRuleSpec): number => 10000 - r.priority * 4 + (r.action === 'deny' ? 1 : 0);

function ruleMatches(r: SecurityRuleSpec, remoteField: 'nw_src' | 'nw_dst'): string[] {
  const proto = r.protocol === 'all' ? 'ip' : r.protocol;
  const ports =
    (r.protocol === 'tcp' || r.protocol === 'udp') && r.portFrom !== null
      ? portMasks(r.portFrom, r.portTo ?? r.portFrom).map((m) => `tp_dst=${m}`)
      : [''];
  const remotes = r.remote === null ? [''] : r.remote.map((c) => `${remoteField}=${c}`);
  const out: string[] = [];
  for (const remote of remotes) {
    for (const port of ports) out.push([proto, remote, port].filter(Boolean).join(','));
  }
  return out;
}

interface PortRules {
  ingress: { rule: SecurityRuleSpec; cookie: bigint }[];
  egress: { rule: SecurityRuleSpec; cookie: bigint }[];
}

function rulesOf(p: FilteredPort, groups: ReadonlyMap<string, SecurityGroupInfo>): PortRules {
  const out: PortRules = { ingress: [], egress: [] };
  for (const name of p.groups) {
    const g = groups.get(name);
    if (!g) continue;
    g.rules.forEach((rule, i) => out[rule.direction].push({ rule, cookie: ruleCookie(name, i) }));
  }
  return out;
}

/** The complete flow table of one switch for its filtered ports. */
export function compileSwitch(
  ports: readonly FilteredPort[],
  groups: ReadonlyMap<string, SecurityGroupInfo>,
): CompiledFlow[] {
  const flows: CompiledFlow[] = [
    { table: 0, priority: 0, cookie: pipelineCookie, match: '', actions: 'resubmit(,20)' },
    { table: 20, priority: 0, cookie: pipelineCookie, match: '', actions: 'NORMAL' },
  ];
  const add = (f: CompiledFlow) => void flows.push(f);
  for (const p of [...ports].sort((a, b) => a.ofport - b.ofport)) {
    const cookie = portCookie(p.zone);
    const inPort = `in_port=${p.ofport}`;
    const src = `${inPort},dl_src=${p.mac}`;
    const filtered = p.groups.length > 0;
    const rules = rulesOf(p, groups);
    const egressNext = filtered ? `ct(table=11,zone=${p.zone})` : 'resubmit(,20)';
    add({ table: 0, priority: 100, cookie, match: inPort, actions: 'resubmit(,10)' });
    // Anti-spoofing.
    add({
      table: 10,
      priority: 100,
      cookie,
      match: `${src},ip${p.ip ? `,nw_src=${p.ip}` : ''}`,
      actions: egressNext,
    });
    add({
      table: 10,
      priority: 100,
      cookie,
      match: `${src},arp,arp_sha=${p.mac}${p.ip ? `,arp_spa=${p.ip}` : ''}`,
      actions: 'resubmit(,20)',
    });
    add({
      table: 10,
      priority: 110,
      cookie,
      match: `${src},udp,nw_src=0.0.0.0,tp_src=68,tp_dst=67`,
      actions: 'resubmit(,20)',
    });
    add({ table: 10, priority: 1, cookie, match: inPort, actions: 'drop' });
    if (!filtered) continue;
    // Egress policy (after conntrack in the port's zone).
    add({
      table: 11,
      priority: ESTABLISHED + 1,
      cookie,
      match: `${inPort},ct_state=+inv+trk`,
      actions: 'drop',
    });
    for (const state of ['-new+est+trk', '-new+rel+trk']) {
      add({
        table: 11,
        priority: ESTABLISHED,
        cookie,
        match: `${inPort},ct_state=${state},ip`,
        actions: 'resubmit(,20)',
      });
    }
    const commitOut = `ct(commit,zone=${p.zone}),resubmit(,20)`;
    for (const { rule, cookie: rc } of rules.egress) {
      for (const m of ruleMatches(rule, 'nw_dst')) {
        add({
          table: 11,
          priority: rulePriority(rule),
          cookie: rc,
          match: `${inPort},ct_state=+new+trk,${m}`,
          actions: rule.action === 'allow' ? commitOut : 'drop',
        });
      }
    }
    add({
      table: 11,
      priority: 1,
      cookie,
      match: `${inPort},ct_state=+new+trk,ip`,
      actions: rules.egress.length === 0 ? commitOut : 'drop',
    });
    // Ingress policy, by destination MAC.
    const dst = `dl_dst=${p.mac}`;
    add({ table: 20, priority: 110, cookie, match: `${dst},udp,tp_src=67,tp_dst=68`, actions: 'NORMAL' });
    add({
      table: 20,
      priority: 100,
      cookie,
      match: `${dst},ip`,
      actions: `ct_clear,ct(table=21,zone=${p.zone})`,
    });
    add({ table: 21, priority: ESTABLISHED + 1, cookie, match: `${dst},ct_state=+inv+trk`, actions: 'drop' });
    for (const state of ['-new+est+trk', '-new+rel+trk']) {
      add({
        table: 21,
        priority: ESTABLISHED,
        cookie,
        match: `${dst},ct_state=${state},ip`,
        actions: 'NORMAL',
      });
    }
    for (const { rule, cookie: rc } of rules.ingress) {
      for (const m of ruleMatches(rule, 'nw_src')) {
        add({
          table: 21,
          priority: rulePriority(rule),
          cookie: rc,
          match: `${dst},ct_state=+new+trk,${m}`,
          actions: rule.action === 'allow' ? `ct(commit,zone=${p.zone}),NORMAL` : 'drop',
        });
      }
    }
    add({ table: 21, priority: 1, cookie, match: dst, actions: 'drop' });
  }
  return flows;
}

/** ovs-ofctl flow syntax, one per line (the input of `replace-flows`). */
export function renderFlows(flows: readonly CompiledFlow[]): string {
  return flows
    .map(
      (f) =>
        `table=${f.table},priority=${f.priority},cookie=0x${f.cookie.toString(16)}${f.match ? `,${f.match}` : ''},actions=${f.actions}`,
    )
    .join('\n')
    .concat('\n');
}
