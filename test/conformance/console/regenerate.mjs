#!/usr/bin/env node
// Regenerate expected.json by running `terraform console` for every expression of every fixture.
// Usage: node test/conformance/console/regenerate.mjs   (needs `terraform` on PATH; works offline)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (spawnSync('terraform', ['version'], { stdio: 'ignore' }).status !== 0) {
  console.error('terraform is not on PATH: cannot regenerate the conformance expectations.');
  process.exit(2);
}

function runConsole(dir, expr) {
  return new Promise((resolve) => {
    const p = spawn('terraform', ['console'], {
      cwd: dir,
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) =>
      resolve({
        ok: code === 0 && err.trim() === '',
        stdout: out.replace(/\n$/, ''),
        stderr: err.replace(new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g'), ''),
      }),
    );
    p.stdin.end(expr + '\n');
  });
}

const fixtures = readdirSync(here)
  .filter((f) => statSync(join(here, f)).isDirectory())
  .sort();
const expected = {};
for (const f of fixtures) {
  const dir = join(here, f);
  const exprs = readFileSync(join(dir, 'expressions.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const results = new Array(exprs.length);
  let next = 0;
  // terraform console takes the state lock, so each worker runs in its own copy of the fixture
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      const copy = mkdtempSync(join(tmpdir(), `nssv-conformance-${f}-`));
      cpSync(dir, copy, { recursive: true });
      try {
        while (next < exprs.length) {
          const i = next++;
          results[i] = { expr: exprs[i], ...(await runConsole(copy, exprs[i])) };
        }
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }),
  );
  expected[f] = results.map((r) =>
    r.ok
      ? { expr: r.expr, output: r.stdout }
      : {
          expr: r.expr,
          error:
            r.stderr
              .split('\n')
              .find((l) => l.includes('Error:'))
              ?.replace(/^.*Error: /, '')
              .trim() ?? 'error',
        },
  );
  console.error(`${f}: ${exprs.length} expressions, ${results.filter((r) => !r.ok).length} errors`);
}
writeFileSync(join(here, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
