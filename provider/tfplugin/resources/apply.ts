import type { Diagnostic } from '../../../core/diagnostic.js';
import type { Attributes } from '../../../core/values.js';
import { handlerFor } from '../../handlers/registry.js';
import { catchAgent, tfErrors } from '../errors.js';
import type { Session } from '../session.js';
import { label } from './plan.js';

/** The address nssv records on the host for an object Terraform manages (libvirt metadata, OVS external_ids). */
export function hostAddress(type: string, a: Attributes): string {
  return `${type}.${String(a.name)}`;
}

/**
 * ApplyResourceChange through the same handlers `nssv apply` uses. Each handler call is one
 * agent flow that undoes itself on failure; there is no rollback across resources (Terraform
 * applies resource by resource and records what succeeded).
 */
export async function applyResource(
  s: Session,
  type: string,
  prior: Attributes | null,
  planned: Attributes | null,
): Promise<{ state: Attributes | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  if (s.stopped) return { state: prior, diagnostics: [tfErrors.stopped()] };
  const h = handlerFor(type);
  const what = label(type, planned ?? prior ?? {});
  if (!planned) {
    const ok = await catchAgent(what, diagnostics, async () => {
      await h.delete(s.ctx, hostAddress(type, prior!), prior!);
      // Terraform has no rollback to keep a delete undoable for: finish it now (delete_policy).
      await h.commitDelete?.(s.ctx, hostAddress(type, prior!), prior!);
      return true;
    });
    return { state: ok ? null : prior, diagnostics };
  }
  if (!prior) {
    const found =
      (await catchAgent(what, diagnostics, async () => (await h.occupied?.(s.ctx, planned)) ?? [])) ?? [];
    if (found.length > 0) return { state: null, diagnostics: [tfErrors.occupied(what, found)] };
    if (diagnostics.length > 0) return { state: null, diagnostics };
    const created = await catchAgent(what, diagnostics, () =>
      h.create(s.ctx, hostAddress(type, planned), planned),
    );
    return { state: created ?? null, diagnostics };
  }
  const updated = await catchAgent(what, diagnostics, () =>
    h.update(s.ctx, hostAddress(type, planned), prior, planned),
  );
  return { state: updated ?? prior, diagnostics };
}
