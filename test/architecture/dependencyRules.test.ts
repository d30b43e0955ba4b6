/**
 * The architecture check (`npm run deps`, run by .ci/run) on a temporary copy of the sources:
 * it passes on the tree as it is, and fails, naming each rule, once forbidden imports are added.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { jest } from '@jest/globals';

jest.setTimeout(120_000);

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const parts = ['core', 'schemas', 'planner', 'provider', 'engine', 'agentd', 'sandbox', 'constructs', 'bin'];
const copies: string[] = [];

function copyOfSources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-deps-'));
  copies.push(dir);
  for (const p of parts)
    if (existsSync(join(repo, p))) cpSync(join(repo, p), join(dir, p), { recursive: true });
  // packages resolve as in the real run (a package named like a part, e.g. constructs, stays a package)
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  // the rule file and every tsconfig it may name for resolution
  const configs = readdirSync(repo).filter(
    (f) => /^tsconfig.*\.json$/.test(f) || f === '.dependency-cruiser.cjs',
  );
  for (const f of configs) cpSync(join(repo, f), join(dir, f));
  return dir;
}

/** The same command as `npm run deps`, in `dir`. */
async function checkDependencies(dir: string) {
  const r = await execa(
    join(repo, 'node_modules/.bin/depcruise'),
    ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', '.'],
    { cwd: dir, reject: false },
  );
  return { code: r.exitCode, output: r.stdout + r.stderr };
}

afterAll(() => {
  for (const d of copies) rmSync(d, { recursive: true, force: true });
});

describe('dependency rules', () => {
  test('GIVEN the sources as they are WHEN the check runs THEN it passes', async () => {
    const r = await checkDependencies(copyOfSources());
    expect(r.output).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  test('GIVEN forbidden imports WHEN the check runs THEN it fails naming each rule and import', async () => {
    const dir = copyOfSources();
    // the planner does I/O and reaches into the engine
    appendFileSync(
      join(dir, 'planner/plan/makePlan.ts'),
      "import { readFileSync } from 'node:fs';\nimport type { ApplyResult } from '../../engine/types.js';\n" +
        'export const leak = (r: ApplyResult): string => readFileSync(String(r), "utf8");\n',
    );
    // the agent depends on the CLI side
    appendFileSync(join(dir, 'agentd/log.ts'), "import '../provider/errors.js';\n");
    // core depends on a part
    appendFileSync(join(dir, 'core/values.ts'), "import '../schemas/registry.js';\n");
    // a cycle
    appendFileSync(join(dir, 'planner/config/module-call.ts'), "import './module-eval.js';\n");
    const r = await checkDependencies(dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('error planner-is-pure: planner/plan/makePlan.ts → fs');
    expect(r.output).toContain(
      'error planner-imports-only-core-schemas: planner/plan/makePlan.ts → engine/types.ts',
    );
    expect(r.output).toContain('error agentd-imports-only-core-schemas: agentd/log.ts → provider/errors.ts');
    expect(r.output).toContain('error core-imports-only-itself: core/values.ts → schemas/registry.ts');
    expect(r.output).toMatch(
      /error no-cycles: planner\/config\/module-call\.ts → \n\s+planner\/config\/module-eval\.ts →\n\s+planner\/config\/module-call\.ts/,
    );
    expect(r.output).toContain('x 5 dependency violations (5 errors, 0 warnings)');
  });
});
