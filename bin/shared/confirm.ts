import { createInterface } from 'node:readline/promises';
import { cliErrors } from './errors.js';

/** Asks for "yes" on a terminal; refuses to ask in CI or when stdin is not a terminal. */
export async function confirm(command: string, question: string): Promise<void> {
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw cliErrors.approvalRequired(command, 'CI=true');
  if (!process.stdin.isTTY) throw cliErrors.approvalRequired(command, 'stdin is not a terminal');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `${question}\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `,
    );
    if (answer.trim() !== 'yes') throw cliErrors.notApproved(command);
  } finally {
    rl.close();
  }
}
