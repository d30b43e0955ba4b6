/**
 * Flows with rollback, after ZStack's FlowChain: each flow does one thing and knows how to undo
 * it. A chain runs flows in order; when one fails, every flow that ran (the failing one too) is
 * undone last-in-first-out. A failing undo is reported to `onUndoFailure` and never replaces the
 * original error, which is rethrown.
 */
export interface Flow<C> {
  readonly name: string;
  run(ctx: C): Promise<void>;
  /** Undo what run() did; must cope with run() having failed halfway (check ctx). */
  rollback(ctx: C): Promise<void>;
}

export interface UndoFailure {
  chain: string;
  flow: string;
  error: string;
  /** The error that started the rollback. */
  cause: string;
}

export interface FlowChainOptions {
  onUndoFailure?: (failure: UndoFailure) => void;
}

export class FlowChain<C> {
  constructor(
    readonly name: string,
    private readonly flows: readonly Flow<C>[],
    private readonly options: FlowChainOptions = {},
  ) {}

  async run(ctx: C): Promise<C> {
    const started: Flow<C>[] = [];
    for (const flow of this.flows) {
      started.push(flow);
      try {
        await flow.run(ctx);
      } catch (error) {
        await this.rollback(started, ctx, error);
        throw error;
      }
    }
    return ctx;
  }

  private async rollback(started: readonly Flow<C>[], ctx: C, cause: unknown): Promise<void> {
    for (const flow of [...started].reverse()) {
      try {
        await flow.rollback(ctx);
      } catch (undoError) {
        this.options.onUndoFailure?.({
          chain: this.name,
          flow: flow.name,
          error: messageOf(undoError),
          cause: messageOf(cause),
        });
      }
    }
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A flow whose undo does nothing (checks, reads). */
export function step<C>(name: string, run: (ctx: C) => Promise<void>): Flow<C> {
  return { name, run, rollback: async () => undefined };
}
