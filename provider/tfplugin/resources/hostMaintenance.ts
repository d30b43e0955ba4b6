import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import type { Inventory } from '../../../schemas/generated/agentApi.js';
import { AgentError } from '../../agent/agentError.js';
import type { Session } from '../session.js';
import { label } from './label.js';

/**
 * A host that goes into maintenance keeps its VMs under Terraform: the provider plans the host
 * alone (Terraform hands it one resource at a time), and the VMs on it are planned without knowing
 * (their configuration names the cluster, not the host). `nssv plan` moves them in the same apply.
 * So the plan warns, naming the VMs that stay and how to move them.
 */
export async function maintenanceWithoutDrain(
  s: Session,
  prior: Attributes | null,
  planned: Attributes,
): Promise<Diagnostic[]> {
  const name = planned.name;
  if (planned.maintenance !== true || prior?.maintenance === true || typeof name !== 'string') return [];
  if (!s.hosts.has(name)) return [];
  let inv: Inventory;
  try {
    inv = await s.ctx.inventory(name);
  } catch (e) {
    // A host that does not answer is reported by its own refresh; this is only a warning.
    if (e instanceof AgentError) return [];
    throw e;
  }
  // The inventory lists the domains nssv manages (the agent skips the others).
  const vms = inv.domains.map((d) => d.name).sort();
  if (vms.length === 0) return [];
  const what = label('nssv_host', planned);
  return [
    {
      severity: 'warning',
      code: 'NSSV_TF_MAINTENANCE_NO_DRAIN',
      address: what,
      attribute: 'maintenance',
      summary: `${what} goes into maintenance, but Terraform does not move the VMs on it: ${vms.join(', ')} stay on ${name}`,
      detail: `Terraform plans each resource on its own, so the provider cannot move a host's VMs when the host changes (nssv apply drains it in the same apply). To move them: set host_id on each to another host of its cluster (a live migration), or apply this configuration with nssv apply.`,
    },
  ];
}
