/**
 * The corpus of invalid configurations: test/fixtures/invalid/<what-it-tests>/main.tf, each with
 * expected.txt holding exactly what nssv prints (code, then the rendered diagnostic).
 * Regenerate after an intended message change: UPDATE_FIXTURES=1 npm run jest -- test/planner/validate/invalidCorpus
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../engine/files/loadConfig.js';
import type { Diagnostic } from '../../../core/diagnostic.js';
import { renderDiagnostic } from '../../../planner/render/diagnostics.js';
import { validateInstances } from '../../../planner/validate/validateInstances.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const corpus = join(here, '..', '..', 'fixtures', 'invalid');
const update = process.env.UPDATE_FIXTURES === '1';

async function diagnose(dir: string): Promise<{ diags: Diagnostic[]; text: string }> {
  const loaded = await loadConfig(dir, { env: {} });
  const diags = [...loaded.diagnostics, ...validateInstances(loaded.instances)];
  const read = (file: string) => {
    const p = join(dir, file);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
  return { diags, text: diags.map((d) => `[${d.code}] ${renderDiagnostic(d, read)}`).join('\n') };
}

const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('invalid configuration corpus', () => {
  it('GIVEN the corpus THEN it holds at least 150 configurations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it('GIVEN the valid configuration the corpus mutates WHEN validated THEN there is nothing to report', async () => {
    const { text } = await diagnose(join(here, 'valid'));
    expect(text).toBe('');
  });

  it.each(cases)('GIVEN %s WHEN validated THEN nssv prints exactly expected.txt', async (name) => {
    const dir = join(corpus, name);
    const { diags, text } = await diagnose(dir);
    expect(diags.length).toBeGreaterThan(0);
    const expectedPath = join(dir, 'expected.txt');
    if (update) writeFileSync(expectedPath, text);
    expect(text).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
