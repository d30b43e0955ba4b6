import { Command } from '@oclif/core';
import { isAbsolute, join, resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { LoadOptions } from '../../planner/config/types.js';
import { DiagnosticsError, type Diagnostic } from '../../core/diagnostic.js';
import { renderDiagnostics } from '../../planner/render/diagnostics.js';
import { cliErrors } from './errors.js';

/**
 * Base of every nssv command: turns diagnostics into messages and exit codes (1 for errors),
 * and anything unexpected into an "internal error" that says it is a bug.
 */
export abstract class NssvCommand extends Command {
  protected configDir = process.cwd();

  protected resolveConfigDir(flag: string | undefined): string {
    const dir = resolve(flag ?? process.cwd());
    if (!existsSync(dir)) throw cliErrors.configDirMissing(dir);
    if (!statSync(dir).isDirectory()) throw cliErrors.configDirIsFile(dir);
    this.configDir = dir;
    return dir;
  }

  protected loadOptions(flags: { var: string[]; 'var-file': string[] }): LoadOptions {
    const vars = flags.var.map((v) => {
      const eq = v.indexOf('=');
      if (eq <= 0) throw cliErrors.badVar(v);
      return { name: v.slice(0, eq), value: v.slice(eq + 1) };
    });
    return { vars, varFiles: flags['var-file'], env: process.env };
  }

  protected printDiagnostics(diags: readonly Diagnostic[]): void {
    if (diags.length === 0) return;
    const read = (file: string): string | undefined => {
      try {
        return readFileSync(isAbsolute(file) ? file : join(this.configDir, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    process.stderr.write(renderDiagnostics(diags, read));
  }

  protected fail(diags: readonly Diagnostic[]): never {
    throw new DiagnosticsError([...diags]);
  }

  protected override async catch(
    err: Error & { exitCode?: number; oclif?: { exit?: number } },
  ): Promise<unknown> {
    if (err instanceof DiagnosticsError) {
      if (this.argv.includes('--json') || this.argv.includes('-json')) {
        process.stdout.write(JSON.stringify({ error: true, diagnostics: err.diagnostics }, null, 2) + '\n');
      }
      this.printDiagnostics(err.diagnostics);
      this.exit(1);
    }
    if (err.oclif) return super.catch(err); // flag parsing errors and explicit exits
    process.stderr.write(`Internal error (this is a bug in nssv, please report it): ${err.message}\n`);
    if (process.env.NSSV_DEBUG) process.stderr.write(`${err.stack}\n`);
    this.exit(1);
  }
}
