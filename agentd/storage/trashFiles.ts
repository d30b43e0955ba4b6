import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FlowChain, type FlowChainOptions } from '../flow/flow.js';
import type { MovePath } from './movePath.js';
import { writeJsonRecord } from './records.js';
import { exists } from '../util/exists.js';

/** One file (or directory) going into a trash entry's directory. */
export interface TrashMove {
  from: string;
  to: string;
}

/**
 * Writes `entry` to DIR/entry.json, then moves each existing `from` to its `to`; a failure undoes
 * the moves made so far and removes DIR. Shared by the volume trash and the dir image trash.
 */
export async function moveIntoTrash(
  name: string,
  dir: string,
  entry: object,
  moves: readonly TrashMove[],
  move: MovePath,
  flowOptions: FlowChainOptions,
  stepName: string,
): Promise<void> {
  const done: TrashMove[] = [];
  await new FlowChain<TrashMove[]>(
    name,
    [
      {
        name: 'write trash entry',
        run: async () => {
          await mkdir(dir, { recursive: true });
          await writeJsonRecord(join(dir, 'entry.json'), entry);
        },
        rollback: async () => rm(dir, { recursive: true, force: true }),
      },
      {
        name: stepName,
        run: async (d) => {
          for (const m of moves) {
            if (!(await exists(m.from))) continue;
            await move(m.from, m.to);
            d.push(m);
          }
        },
        rollback: async (d) => {
          for (const m of d.reverse()) await move(m.to, m.from);
        },
      },
    ],
    flowOptions,
  ).run(done);
}
