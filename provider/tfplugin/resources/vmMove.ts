import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { planErrors } from '../../../planner/plan/errors.js';
import { localVolumesOf } from '../../handlers/copyStorage.js';
import type { Session } from '../session.js';
import { label } from './label.js';

const GIB = 1024 ** 3;

/**
 * A VM whose host_id changes (and nothing else that forces a replacement) is migrated, as in
 * `nssv plan`: the handler's update moves the domain (live when it runs, with its dir-pool disks
 * copied; cold when shut off and every disk is on rbd). Same checks as the native planner: a
 * shut-off VM's local disk cannot be copied, nor a local disk's snapshots, nor a volume whose
 * configuration pins it to the old host. Returns the plan errors, or a warning that says how it
 * moves (Terraform shows it as an in-place update of host_id).
 */
export async function planVmMove(s: Session, prior: Attributes, planned: Attributes): Promise<Diagnostic[]> {
  const [from, to, name] = [prior.host_id, planned.host_id, String(planned.name)];
  if (typeof from !== 'string' || typeof to !== 'string' || from === to) return [];
  const address = label('nssv_vm', planned);
  const inv = await s.ctx.inventory(from);
  const local = localVolumesOf(inv, name);
  const errors: Diagnostic[] = [];
  for (const v of local) {
    const volume = label('nssv_volume', { name: v.name });
    if (prior.power_state !== 'running') errors.push(planErrors.localDiskColdMove(address, volume, from, to));
    const snap = inv.snapshots.find((x) => x.pool === v.pool && x.volume === v.name);
    if (snap)
      errors.push(
        planErrors.localDiskSnapshotMove(
          address,
          volume,
          label('nssv_volume_snapshot', { name: snap.name }),
          from,
          to,
        ),
      );
    const pinned = s.pinnedHost('nssv_volume', v.name);
    if (pinned !== undefined && pinned !== to)
      errors.push(planErrors.volumeHostConflict(volume, pinned, address, to));
  }
  if (errors.length > 0) return errors.map((e) => ({ ...e, attribute: 'host_id' }));
  const mode = prior.power_state === 'running' ? 'live' : 'cold';
  const bytes = local.reduce((sum, v) => sum + v.sizeGiB * GIB, 0);
  const copy =
    local.length === 0
      ? ''
      : `, copy storage: ${bytes} bytes of ${local.map((v) => label('nssv_volume', { name: v.name })).join(', ')}`;
  return [
    {
      severity: 'warning',
      code: 'NSSV_VM_MIGRATES',
      address,
      attribute: 'host_id',
      summary: `${address} will be migrated from ${from} to ${to} (${mode}${copy})`,
      detail:
        'Same domain (same UUID), not replaced. A dir-pool volume is copied by the live migration and its source file removed; its nssv_volume records the new host at the next refresh (host_id follows the VM when the configuration does not set it).',
    },
  ];
}
