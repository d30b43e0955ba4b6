/**
 * nssv's machine-readable UI, modelled on Terraform's (`terraform apply -json`): one JSON object
 * per line with `@level`, `@message`, `@module`, `@timestamp` and `type`, the same types and
 * fields (`version`, `planned_change`, `change_summary`, `apply_start`, `apply_progress`,
 * `apply_complete`, `apply_errored`, `diagnostic`), plus nssv's rollback (`rollback_start`,
 * `rollback_complete`, `rollback_note`, `rollback_errored`), which Terraform does not have.
 */
import type { Diagnostic } from '../../../core/diagnostic.js';
import type { PlanStep } from '../../../planner/plan/types.js';
import type { ResourceChange } from '../../../planner/resourceChange.js';

export const UI_VERSION = '1.2';

export interface UiResource {
  addr: string;
  module: string;
  resource: string;
  implied_provider: string;
  resource_type: string;
  resource_name: string;
  resource_key: string | number | null;
}

export interface UiMessage {
  '@level': 'info' | 'warn' | 'error';
  '@message': string;
  '@module': 'nssv.ui';
  '@timestamp': string;
  type: string;
  [field: string]: unknown;
}

/** `module.a.nssv_vm.web["x"]` → its parts, as Terraform's hooks name a resource instance. */
export function uiResource(address: string): UiResource {
  const m =
    /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[(.+)\])?$/.exec(
      address,
    );
  const module = m?.[1] ? m[1].slice(0, -1) : '';
  const type = m?.[2] ?? address;
  const name = m?.[3] ?? '';
  const key = m?.[4] === undefined ? null : (JSON.parse(m[4]) as string | number);
  return {
    addr: address,
    module,
    resource: key === null ? address : address.slice(0, address.length - m![4]!.length - 2),
    implied_provider: type.split('_')[0]!,
    resource_type: type,
    resource_name: name,
    resource_key: key,
  };
}

const ING = { create: 'Creating...', update: 'Modifying...', delete: 'Destroying...' } as const;
const STILL = { create: 'creating', update: 'modifying', delete: 'destroying' } as const;
const DONE = { create: 'Creation', update: 'Modifications', delete: 'Destruction' } as const;

/** Builds the messages, each stamped with the clock's time. */
export class JsonUi {
  constructor(private readonly now: () => Date = () => new Date()) {}

  private msg(type: string, message: string, fields: object, level: UiMessage['@level'] = 'info'): UiMessage {
    return {
      '@level': level,
      '@message': message,
      '@module': 'nssv.ui',
      '@timestamp': this.now().toISOString(),
      type,
      ...fields,
    };
  }

  version(nssv: string): UiMessage {
    return this.msg('version', `nssv ${nssv}`, { nssv, ui: UI_VERSION });
  }

  plannedChange(c: ResourceChange): UiMessage {
    const change = {
      resource: uiResource(c.address),
      action: c.action,
      ...(c.reason ? { reason: c.reason } : {}),
    };
    return this.msg('planned_change', `${c.address}: Plan to ${c.action}`, { change });
  }

  changeSummary(
    counts: { add: number; change: number; remove: number },
    operation: 'plan' | 'apply' | 'destroy',
  ): UiMessage {
    const message =
      operation === 'plan'
        ? `Plan: ${counts.add} to add, ${counts.change} to change, ${counts.remove} to destroy.`
        : operation === 'destroy'
          ? `Destroy complete! Resources: ${counts.remove} destroyed.`
          : `Apply complete! Resources: ${counts.add} added, ${counts.change} changed, ${counts.remove} destroyed.`;
    return this.msg('change_summary', message, { changes: { ...counts, import: 0, operation } });
  }

  applyStart(step: PlanStep): UiMessage {
    return this.msg('apply_start', `${step.address}: ${ING[step.kind]}`, { hook: this.hook(step) });
  }

  applyProgress(step: PlanStep, elapsedMs: number): UiMessage {
    const s = Math.floor(elapsedMs / 1000);
    return this.msg('apply_progress', `${step.address}: Still ${STILL[step.kind]}... [${s}s elapsed]`, {
      hook: { ...this.hook(step), elapsed_seconds: s },
    });
  }

  applyComplete(step: PlanStep, elapsedMs: number, id: string | undefined): UiMessage {
    const s = Math.floor(elapsedMs / 1000);
    const withId = id !== undefined && step.kind !== 'delete';
    return this.msg(
      'apply_complete',
      `${step.address}: ${DONE[step.kind]} complete after ${s}s${withId ? ` [id=${id}]` : ''}`,
      { hook: { ...this.hook(step), ...(withId ? { id_key: 'id', id_value: id } : {}), elapsed_seconds: s } },
    );
  }

  applyErrored(step: PlanStep, elapsedMs: number): UiMessage {
    const s = Math.floor(elapsedMs / 1000);
    return this.msg('apply_errored', `${step.address}: ${DONE[step.kind]} errored after ${s}s`, {
      hook: { ...this.hook(step), elapsed_seconds: s },
    });
  }

  rollbackStart(step: PlanStep): UiMessage {
    return this.msg('rollback_start', `${step.address}: Rolling back...`, { hook: this.hook(step) });
  }

  rollbackComplete(step: PlanStep): UiMessage {
    return this.msg('rollback_complete', `${step.address}: Rolled back`, { hook: this.hook(step) });
  }

  rollbackNote(step: PlanStep, note: string): UiMessage {
    return this.msg('rollback_note', `${step.address}: ${note}`, { hook: this.hook(step) });
  }

  rollbackErrored(step: PlanStep, error: Error): UiMessage {
    return this.msg(
      'rollback_errored',
      `${step.address}: Rollback failed, left for cleanup: ${error.message}`,
      { hook: this.hook(step) },
      'error',
    );
  }

  diagnostic(
    d: Pick<Diagnostic, 'severity' | 'summary' | 'detail'> & { address?: string; code?: string },
  ): UiMessage {
    const level = d.severity === 'error' ? 'error' : 'warn';
    return this.msg(
      'diagnostic',
      `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}`,
      { diagnostic: d },
      level,
    );
  }

  private hook(step: PlanStep): { resource: UiResource; action: PlanStep['kind']; hosts: string[] } {
    return { resource: uiResource(step.address), action: step.kind, hosts: step.hosts };
  }
}
