// GIVEN fixture configurations and the outputs `terraform console` printed for each expression
// (cached in expected.json; regenerate with `node test/conformance/console/regenerate.mjs`),
// WHEN nssv evaluates the same expressions, THEN it prints exactly the same text.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateConsoleExpression } from '../../../planner/config/console.js';
import { loadConfig } from '../../../engine/files/loadConfig.js';

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as Record<
  string,
  Array<{ expr: string; output?: string; error?: string }>
>;
const schemaDir = join(here, '../../../schemas');

describe('terraform console conformance', () => {
  let passed = 0;
  let total = 0;
  afterAll(() => {
    process.stderr.write(
      `console conformance: ${passed}/${total} expressions identical to terraform console\n`,
    );
  });
  for (const [fixture, cases] of Object.entries(expected)) {
    describe(fixture, () => {
      const dir = join(here, fixture);
      let config: Awaited<ReturnType<typeof loadConfig>>;
      beforeAll(async () => {
        config = await loadConfig(dir, { schemaDir, env: {} });
      });
      it('loads without diagnostics', () => {
        expect(config.diagnostics).toEqual([]);
      });
      for (const c of cases) {
        it(c.expr, () => {
          total++;
          const r = evaluateConsoleExpression(config, c.expr);
          if (c.output !== undefined) expect(r.output).toBe(c.output);
          else expect(r.diagnostics.length).toBeGreaterThan(0);
          passed++;
        });
      }
    });
  }
});
