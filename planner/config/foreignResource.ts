/**
 * Resources of other providers in an nssv configuration (typically a cdktf stack that also uses
 * @cdktf/provider-null or Terraform's built-in terraform_data). nssv refuses them, naming the
 * resource, rather than treat them as no-ops: null_resource and terraform_data exist to run
 * provisioners (local-exec, remote-exec) and to trigger replacements (replace_triggered_by),
 * neither of which nssv does, so "supporting" them would silently skip what the user put them there
 * for. Terraform through the nssv provider runs such stacks as they are.
 */
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';

const PURPOSE: Record<string, string> = {
  null_resource: 'null_resource (the null provider) exists to run provisioners and to trigger replacements',
  terraform_data:
    "terraform_data (Terraform's built-in) exists to run provisioners and to trigger replacements (replace_triggered_by)",
};

/** The diagnostic for a resource type of another provider, or undefined for anything that could be nssv's. */
export function foreignResourceType(
  range: SourceRange,
  address: string,
  type: string,
): Diagnostic | undefined {
  const purpose = PURPOSE[type];
  const provider = type === 'terraform_data' ? 'terraform' : type.split('_')[0]!;
  if (!purpose && (provider === 'nssv' || !type.includes('_'))) return undefined;
  const why = purpose
    ? `${purpose}; nssv runs neither, so it refuses the resource rather than skip what it is there for.`
    : `nssv plans and applies nssv_* resources only.`;
  return {
    severity: 'error',
    code: 'NSSV_CONFIG_FOREIGN_RESOURCE',
    address,
    summary: `${address}: resource type "${type}" belongs to the ${JSON.stringify(provider)} provider, which nssv does not run`,
    detail: `${why} Fix: move ${address} to a configuration Terraform applies, or apply this one with terraform through the nssv provider (docs/cdk.md, "Other providers").`,
    range,
  };
}
