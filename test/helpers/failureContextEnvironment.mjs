/**
 * The per-file TMPDIR environment (tmpEnvironment.mjs), which also says, when a test or hook
 * fails, what the commands that exited non-zero during it printed on stderr (recorded by
 * commandLog.ts): the last three, each cut to its last 3,000 characters. Tests that expect a
 * failure record theirs too; nothing is printed unless the test fails.
 */
import TmpDirEnvironment from './tmpEnvironment.mjs';

const KEY = '__nssvFailedCommands';
const SHOWN = 3;
const TAIL_CHARS = 3000;

export default class FailureContextEnvironment extends TmpDirEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global[KEY] = [];
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const failed = this.global[KEY] ?? [];
    if (failed.length === 0) return;
    const title = event.test?.name ?? event.hook?.type ?? '';
    const lines = failed.slice(-SHOWN).map((c) => {
      const stderr = c.stderr.length > TAIL_CHARS ? `…${c.stderr.slice(-TAIL_CHARS)}` : c.stderr;
      return `$ ${c.command}  (exit ${c.exitCode})\n${stderr.trimEnd()}\n`;
    });
    process.stderr.write(`\nfailed: ${title}\ncommands that exited non-zero in it:\n${lines.join('')}\n`);
  }
}
