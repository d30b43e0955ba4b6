/**
 * The constructs synthesize with cdktf and with cdktn (each app on its own core, as users run them):
 * the same JSON from both, matching the snapshot, and valid for `nssv validate`.
 */
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasErrors } from '../../core/diagnostic.js';
import { loadAndValidate } from '../../engine/plan/loadAndValidate.js';
import { describeDiagnostics } from '../helpers/desiredGraph.js';
import { repo } from '../helpers/cdkExample.js';

// Two synth processes; on a machine loaded by other work each took over a minute of wall clock.
jest.setTimeout(400_000);

async function synth(library: string): Promise<string> {
  const r = await execa(
    process.execPath,
    ['--import', join(repo, 'bench/register.mjs'), join(repo, 'test/fixtures/constructs/everyConstruct.ts')],
    { env: { NSSV_CDK_LIBRARY: library }, reject: false },
  );
  if (r.exitCode !== 0) throw new Error(r.stderr);
  return r.stdout;
}

let byLibrary: Record<string, string>;
beforeAll(async () => {
  byLibrary = { cdktf: await synth('cdktf'), cdktn: await synth('cdktn') };
});

it('GIVEN every construct WHEN synthesized with cdktf and with cdktn THEN the JSON is the same', () => {
  expect(JSON.parse(byLibrary['cdktf']!)).toEqual(JSON.parse(byLibrary['cdktn']!));
});

it('GIVEN every construct WHEN synthesized THEN the JSON matches the snapshot', () => {
  expect(JSON.parse(byLibrary['cdktn']!)).toMatchSnapshot();
});

it('GIVEN the synthesized JSON WHEN validated like `nssv validate` THEN there are no errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-every-'));
  writeFileSync(join(dir, 'cdk.tf.json'), byLibrary['cdktn']!);
  const { diagnostics } = await loadAndValidate(dir, { env: {} });
  expect(hasErrors(diagnostics) ? describeDiagnostics(diagnostics) : []).toEqual([]);
});
