import type { Diagnostic } from '../../core/diagnostic.js';
import { AgentError } from '../agent/agentError.js';

/** The provider's user-facing errors (stable codes; Terraform shows them under the resource). */
export const tfErrors = {
  agent: (what: string, e: AgentError): Diagnostic => ({
    severity: 'error',
    code: e.code === 'unreachable' ? 'NSSV_AGENT_UNREACHABLE' : `NSSV_AGENT_${e.code.toUpperCase()}`,
    summary: `${what}: ${e.message}`,
    detail:
      e.code === 'unreachable'
        ? `Check that agentd runs on host ${e.host} and that its endpoint in provider "nssv" { hosts } is right (for the sandbox: nssv sandbox status).`
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
