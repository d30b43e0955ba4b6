import type { Diagnostic } from '../../core/diagnostic.js';
import { AgentError } from '../agent/agentError.js';
import { SCHEMA_VERSION } from './resources/upgrade.js';

/** The provider's user-facing errors (stable codes; Terraform shows them under the resource). */
export const tfErrors = {
  agent: (what: string, e: AgentError): Diagnostic => ({
    severity: 'error',
    code: e.code === 'unreachable' ? 'NSSV_AGENT_UNREACHABLE' : `NSSV_AGENT_${e.code.toUpperCase()}`,
    summary: `${what}: ${e.message}`,
    detail:
      e.code === 'unreachable'
        ? `Check that agentd runs on host ${e.host} and that its endpoint in provider "nssv" { hosts } is right (for the sandbox: nssv sandbox status). Terraform refreshes every resource through its host's agent, so it cannot plan past a host that failed; restarting HA VMs (ha_enabled) of a failed host elsewhere is nssv plan/apply's (move the directory with terraform state pull and nssv state import-terraform).`
        : e.code === 'cancelled'
          ? `The agent of host ${e.host} finishes that step on its own (or undoes it if it fails), but Terraform did not record it. If the next terraform apply reports NSSV_OBJECT_EXISTS for it, terraform import it.`
          : e.code === 'unauthorized'
            ? `The agent refused the token configured for host ${e.host} in provider "nssv" { hosts }.`
            : `The agent of host ${e.host} undid its own partial work; nothing of this step is left behind.`,
  }),
  occupied: (what: string, found: string[]): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_OBJECT_EXISTS',
    summary: `${what}: already exists: ${found.join('; ')}`,
    detail:
      'nssv never takes over what it did not create. Fix: terraform import it, choose another name, or remove it from the host.',
  }),
  stopped: (): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_STOPPED',
    summary: 'the provider was asked to stop (Terraform was interrupted); nothing more was started',
  }),
  peerGroup: (what: string, index: number): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TF_PEER_GROUP_NOT_SUPPORTED',
    address: what,
    attribute: `rule[${index}].peer_security_group_id`,
    summary: `${what}: rule[${index}] matches a peer security group, which the Terraform provider cannot resolve`,
    detail:
      "A peer group stands for the addresses of the NICs that list it, and Terraform plans a group before those VMs, so the provider cannot know them at plan time. nssv plan/apply resolves peer groups. Fix: match the peers' network with cidr (e.g. the port group's CIDR), or apply this configuration with nssv apply.",
  }),
  groupConfig: (what: string, dir: string, why: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TF_SCHEDULING_CONFIG',
    address: what,
    attribute: 'host_id',
    summary: `${what}: to place this VM by its scheduling group, the provider evaluates the configuration in ${dir}: ${why}`,
    detail:
      "Terraform gives a provider one resource at a time, so the provider reads the whole configuration itself and runs nssv's scheduler over all its VMs. It sees TF_VAR_ environment variables, terraform.tfvars and *.auto.tfvars, but not Terraform's -var and -var-file flags. Fix: pass those values as TF_VAR_NAME or in a *.auto.tfvars file; or set host_id on the VM (a host the group's rule allows); or apply with nssv apply.",
  }),
  groupVolumeHost: (
    what: string,
    volume: string,
    volumeHost: string,
    host: string,
    group: string,
  ): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_VOLUME_HOST_CONFLICT',
    address: what,
    attribute: 'disk[0].volume_id',
    summary: `${what}: nssv_scheduling_group "${group}" puts it on "${host}", but its disk ${volume} is in a dir pool on "${volumeHost}"`,
    detail: `Terraform plans a volume before the VM that attaches it, so a new dir-pool volume does not follow a VM placed by its group. Fix: set host_id = "${host}" on ${volume}, or put the disk in an rbd pool (shared by every host), or pin the VM with host_id.`,
  }),
  importId: (type: string, id: string, why: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_IMPORT_NOT_FOUND',
    summary: `cannot import ${type} "${id}": ${why}`,
    detail: 'Import IDs are the object\'s name ("web1"), or HOST/NAME to look on one host only ("h1/web1").',
  }),
};

/** Agent failures become diagnostics; anything else is a bug and propagates. */
export async function catchAgent<T>(
  what: string,
  diags: Diagnostic[],
  f: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof AgentError) {
      diags.push(tfErrors.agent(what, e));
      return undefined;
    }
    throw e;
  }
}

/** `nssv state import-terraform`: what keeps a Terraform state from becoming nssv's. */
export const tfStateErrors = {
  invalid: (file: string, why: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TFSTATE_INVALID',
    summary: `${file} is not a Terraform state: ${why}`,
    detail: 'Give the state Terraform wrote for this configuration: terraform state pull > terraform.tfstate',
  }),
  foreign: (file: string, address: string, provider: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TFSTATE_FOREIGN',
    address,
    summary: `${file}: ${address} belongs to ${provider}, not to the nssv provider`,
    detail: `nssv's state holds nssv resources only. Nothing was converted. Take it out of a copy of the state first: terraform state rm -state=COPY ${address}`,
  }),
  tainted: (file: string, address: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TFSTATE_TAINTED',
    address,
    summary: `${file}: ${address} is tainted (Terraform will replace it on its next apply)`,
    detail: `nssv has no tainted objects. Nothing was converted. Run terraform apply (or terraform untaint ${address}) first.`,
  }),
  deposed: (file: string, address: string): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TFSTATE_DEPOSED',
    address,
    summary: `${file}: ${address} has a deposed object left by an interrupted create-before-destroy`,
    detail: 'Nothing was converted. Run terraform apply to finish the replacement first.',
  }),
  newer: (file: string, address: string, version: number): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_TFSTATE_NEWER',
    address,
    summary: `${file}: ${address} is at schema version ${version}, written by a newer nssv provider (this nssv knows up to ${SCHEMA_VERSION})`,
    detail: 'Nothing was converted. Upgrade nssv to the version of the provider that wrote the state.',
  }),
  notEmpty: (where: string, count: number): Diagnostic => ({
    severity: 'error',
    code: 'NSSV_STATE_NOT_EMPTY',
    summary: `the nssv state in ${where} already holds ${count} instance(s)`,
    detail:
      "Importing replaces nssv's state as a whole. Nothing was changed. If the Terraform state is to replace it, run again with -force (nssv state pull > backup.tfstate first).",
  }),
};
