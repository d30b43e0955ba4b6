import { isUnknown, unknownValue, type Attributes, type AttrValue } from '../../../core/values.js';
import { tfErrors } from '../errors.js';
import type { GroupModel } from '../config/groupModel.js';
import type { Session } from '../session.js';
import { label } from './label.js';
import type { Placed } from './placement.js';

/** Once per provider process (one per Terraform command): plan and the apply-time plans share it. */
const models = new WeakMap<Session, Promise<GroupModel>>();

/** What decides a VM's place: what Terraform planned must be what the provider evaluated. */
const VM_KEYS = ['cluster_id', 'scheduling_group_id', 'memory_mib', 'vcpus', 'host_labels'];
const GROUP_KEYS = ['policy', 'mode', 'host_group_id', 'cluster_id'];

const show = (v: AttrValue | undefined): string =>
  isUnknown(v) ? '(known after apply)' : JSON.stringify(v ?? null);

function differs(keys: string[], tf: Attributes, evaluated: Attributes): string | undefined {
  const key = keys.find((k) => show(tf[k]) !== show(evaluated[k]));
  return key === undefined ? undefined : key;
}

/**
 * A new VM in a scheduling group with no host_id: its host from nssv's scheduler run over the
 * whole configuration (config/groupModel.ts, loaded on the first such VM only), once Terraform's
 * planned attributes are checked against the configuration the provider evaluated.
 */
export async function placeGroupedVm(s: Session, p: Attributes): Promise<Placed> {
  const what = label('nssv_vm', p);
  let model = models.get(s);
  if (!model) {
    model = import('../config/groupModel.js').then((m) => m.groupModel(s, s.configDir));
    models.set(s, model);
  }
  const m = await model;
  const fail = (why: string): Placed => ({
    host: unknownValue,
    diagnostics: [tfErrors.groupConfig(what, m.dir, why)],
  });
  if (m.problem) return fail(`it does not evaluate: ${m.problem}`);
  const vm = m.vms.get(String(p.name));
  if (!vm) return fail(`it has no nssv_vm named ${JSON.stringify(p.name)} in a scheduling group`);
  const key = differs(VM_KEYS, p, vm.planned);
  if (key)
    return fail(
      `${vm.address}.${key} is ${show(vm.planned[key])} there but ${show(p[key])} in Terraform's plan`,
    );
  const gid = String(p.scheduling_group_id);
  const tfGroup = s.recall('nssv_scheduling_group', gid);
  const group = m.groups.get(gid);
  if (!group) return fail(`it has no nssv_scheduling_group "${gid}"`);
  const gkey = tfGroup ? differs(GROUP_KEYS, tfGroup, group) : undefined;
  if (gkey)
    return fail(
      `nssv_scheduling_group "${gid}".${gkey} is ${show(group[gkey])} there but ${show(tfGroup![gkey])} in Terraform's plan`,
    );
  if (vm.diagnostics.length > 0) return { host: unknownValue, diagnostics: vm.diagnostics };
  const conflict = volumeElsewhere(s, p, vm.host);
  if (conflict) return { host: unknownValue, diagnostics: [conflict] };
  return { host: vm.host ?? unknownValue, ...(vm.why ? { why: vm.why } : {}), diagnostics: [] };
}

/** A grouped VM's first disk, planned in this process in a dir pool on another host than the group's choice. */
function volumeElsewhere(s: Session, p: Attributes, host: string | undefined) {
  const disks = Array.isArray(p.disk) ? (p.disk as Attributes[]) : [];
  const id = disks[0]?.volume_id;
  const volume = typeof id === 'string' ? s.recall('nssv_volume', id) : undefined;
  if (!volume || host === undefined || typeof volume.host_id !== 'string' || volume.host_id === host)
    return undefined;
  if (s.recall('nssv_storage_pool', volume.pool_id)?.kind !== 'dir') return undefined;
  return tfErrors.groupVolumeHost(
    label('nssv_vm', p),
    label('nssv_volume', volume),
    volume.host_id,
    host,
    String(p.scheduling_group_id),
  );
}
