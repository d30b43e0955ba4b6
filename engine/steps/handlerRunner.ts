import type { StepRunner } from '../types.js';
import { handlerFor } from '../../provider/handlers/registry.js';
import type { HandlerContext } from '../../provider/handlers/types.js';

/** Runs plan steps with the resource handlers; each undo is the inverse handler call. */
export function handlerRunner(ctx: HandlerContext): StepRunner {
  return {
    async run(step, change) {
      const h = handlerFor(step.type);
      switch (step.kind) {
        case 'create':
          return h.create(ctx, step.address, change.after!);
        case 'update':
          return h.update(ctx, step.address, change.before!, change.after!);
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
        case 'update':
          return h.update(ctx, step.address, after!, before!);
        case 'delete':
          return before ? h.create(ctx, step.address, before) : null;
      }
    },
  };
}
