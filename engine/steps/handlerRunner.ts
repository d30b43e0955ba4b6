import type { PlanStep } from '../../planner/plan/types.js';
import type { StepRunner } from '../types.js';
import { stepAttributes } from '../../planner/plan/stepAttributes.js';
import { handlerFor } from '../../provider/handlers/registry.js';
import type { HandlerContext } from '../../provider/handlers/types.js';

/**
 * Runs plan steps with the resource handlers; each undo is the inverse handler call, except an
 * update or delete whose handler knows better (`undoUpdate`: a grown volume is never shrunk;
 * `undoDelete`: a deleted volume comes back from the trash), which says what it did through `onNote`.
 */
export function handlerRunner(
  ctx: HandlerContext,
  onNote: (step: PlanStep, note: string) => void = () => undefined,
): StepRunner {
  return {
    async run(step, change) {
      const h = handlerFor(step.type);
      switch (step.kind) {
        case 'create':
          return h.create(ctx, step.address, change.after!);
        case 'update': {
          const { before, after } = stepAttributes(step, change);
          return h.update(ctx, step.address, before, after);
        }
        case 'delete':
          await h.delete(ctx, step.address, change.before!);
          return null;
      }
    },
    async undo(step, _change, before, after) {
      const h = handlerFor(step.type);
      switch (step.kind) {
        case 'create':
          await h.delete(ctx, step.address, after!);
          return before;
        case 'update': {
          if (!h.undoUpdate) return h.update(ctx, step.address, after!, before!);
          const undone = await h.undoUpdate(ctx, step.address, after!, before!);
          if (undone.note !== undefined) onNote(step, undone.note);
          return undone.attributes;
        }
        case 'delete': {
          if (!before) return null;
          if (!h.undoDelete) return h.create(ctx, step.address, before);
          const undone = await h.undoDelete(ctx, step.address, before);
          if (undone.note !== undefined) onNote(step, undone.note);
          return undone.attributes;
        }
      }
    },
  };
}
