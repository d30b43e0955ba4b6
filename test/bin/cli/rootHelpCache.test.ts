import { execa } from 'execa';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo } from '../../e2e/support.js';

/**
 * bin/cli/rootHelpCache.cjs, on a copy of the built installation (bin, the help bundle,
 * package.json, oclif.manifest.json) so each case starts without a saved help: every output is
 * compared with what unbundled @oclif/core prints for the same installation and environment.
 */
let install: string;
let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'nssv-root-help-'));
  install = join(work, 'nssv');
  mkdirSync(join(install, 'dist', 'cli'), { recursive: true });
  cpSync(join(repo, 'bin'), join(install, 'bin'), { recursive: true });
  cpSync(join(repo, 'dist', 'cli', 'help.cjs'), join(install, 'dist', 'cli', 'help.cjs'));
  for (const f of ['package.json', 'oclif.manifest.json']) cpSync(join(repo, f), join(install, f));
  symlinkSync(join(repo, 'node_modules'), join(install, 'node_modules'));
  // A config dir of this test's own, so a theme.json in the user's ~/.config/nssv plays no part.
  mkdirSync(join(work, 'config'));
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: work,
  XDG_CONFIG_HOME: join(work, 'config'),
});

/** The reference: @oclif/core from node_modules, unbundled, run on the copied installation. */
function oclifScript(args: string[]): string {
  const file = join(work, 'oclif-help.cjs');
  writeFileSync(
    file,
    [
      `const oclifRequire = require('node:module').createRequire(${JSON.stringify(join(repo, 'package.json'))});`,
      "const { run, flush, settings } = oclifRequire('@oclif/core');",
      'settings.enableAutoTranspile = false;',
      `run(${JSON.stringify(args)}, ${JSON.stringify(install)}).then(flush);`,
    ].join('\n'),
  );
  return file;
}

async function inPipe(argv: string[], env: Record<string, string>): Promise<string> {
  const r = await execa(process.execPath, argv, { env, extendEnv: false, reject: false });
  expect({ code: r.exitCode, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return r.stdout;
}

/** Runs `node argv…` on a pseudo-terminal 100 columns wide (util-linux `script`). */
async function atTerminal(argv: string[], env: Record<string, string>): Promise<string> {
  const command = `stty cols 100 rows 40; exec ${[process.execPath, ...argv].join(' ')}`;
  const r = await execa('script', ['-qec', command, '/dev/null'], { env, extendEnv: false, reject: false });
  expect({ code: r.exitCode, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return r.stdout;
}

const nssv = (): string => join(install, 'bin', 'nssv.cjs');
const saved = (name: string): string => join(install, 'dist', 'cli', name);

describe('root help cache', () => {
  it('GIVEN no saved help WHEN nssv --help runs twice in a pipe THEN oclif renders it, it is saved for 80 columns, and the second run prints the saved text', async () => {
    const expected = await inPipe([oclifScript(['--help'])], baseEnv());
    expect(expected).toContain('COMMANDS\n  apply ');

    expect(await inPipe([nssv(), '--help'], baseEnv())).toBe(expected);
    const file = saved('root-help.help.80.out.txt');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(
      /^nssv-root-help 2 v\d+\.\d+\.\d+ linux x64 \d+@[\d.]+ \d+@[\d.]+ \d+@[\d.]+ \[\[.*\]\]$/,
    );
    expect(text.slice(text.indexOf('\n') + 1)).toBe(`${expected}\n`);

    // The second run prints what is saved, not a new rendering.
    writeFileSync(file, `${text.split('\n')[0]}\nfrom the saved file\n`);
    expect(await inPipe([nssv(), '--help'], baseEnv())).toBe('from the saved file');
  });

  it('GIVEN a saved help WHEN package.json changes THEN oclif renders the help again and the saved text is replaced', async () => {
    await inPipe([nssv(), '--help'], baseEnv());
    const file = saved('root-help.help.80.out.txt');
    const header = readFileSync(file, 'utf8').split('\n')[0];
    writeFileSync(file, `${header}\nstale\n`);
    utimesSync(join(install, 'package.json'), new Date(), new Date(Date.now() + 5000));

    const expected = await inPipe([oclifScript(['--help'])], baseEnv());
    expect(await inPipe([nssv(), '--help'], baseEnv())).toBe(expected);
    expect(readFileSync(file, 'utf8')).not.toContain('stale');
  });

  it('GIVEN OCLIF_COLUMNS=60 WHEN nssv and nssv --help run THEN each prints what oclif prints and is saved under its own name and width', async () => {
    const env = { ...baseEnv(), OCLIF_COLUMNS: '60' };
    for (const [args, name] of [
      [[], 'root-help.bare.60.out.txt'],
      [['--help'], 'root-help.help.60.out.txt'],
    ] as const) {
      const expected = await inPipe([oclifScript([...args])], env);
      expect(await inPipe([nssv(), ...args], env)).toBe(expected);
      expect(existsSync(saved(name))).toBe(true);
      expect(await inPipe([nssv(), ...args], env)).toBe(expected);
    }
  });

  it('GIVEN a terminal 100 columns wide WHEN nssv --help runs twice THEN both print what oclif prints there, saved for 100 columns', async () => {
    const expected = await atTerminal([oclifScript(['--help'])], baseEnv());
    expect(expected).toContain('COMMANDS\r\n  apply ');
    expect(await atTerminal([nssv(), '--help'], baseEnv())).toBe(expected);
    expect(await atTerminal([nssv(), '--help'], baseEnv())).toBe(expected);
    const file = saved('root-help.help.100.tty.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8').split('\n')[0]}\nfrom the saved file\n`);
    expect(await atTerminal([nssv(), '--help'], baseEnv())).toBe('from the saved file');
  });

  it("GIVEN FORCE_COLOR=1 in a pipe WHEN nssv --help runs, then without it THEN each prints what oclif prints (bold section headers only with it), neither from the other's saved text", async () => {
    const coloured = { ...baseEnv(), FORCE_COLOR: '1' };
    const bold = await inPipe([oclifScript(['--help'])], coloured);
    const plain = await inPipe([oclifScript(['--help'])], baseEnv());
    expect(bold).toContain('\u001b[1mCOMMANDS\u001b[22m');
    expect(plain).not.toContain('\u001b');
    for (let round = 0; round < 2; round++) {
      expect(await inPipe([nssv(), '--help'], coloured)).toBe(bold);
      expect(await inPipe([nssv(), '--help'], baseEnv())).toBe(plain);
    }
  });

  it('GIVEN a terminal that supports colours (TERM=xterm-256color), then NO_COLOR WHEN nssv --help runs twice each THEN each prints what oclif prints there', async () => {
    const envs: Record<string, string>[] = [
      { ...baseEnv(), TERM: 'xterm-256color' },
      { ...baseEnv(), TERM: 'xterm-256color', NO_COLOR: '1' },
    ];
    for (const env of envs) {
      const expected = await atTerminal([oclifScript(['--help'])], env);
      expect(expected.includes('\u001b[1mCOMMANDS')).toBe(env.NO_COLOR === undefined);
      expect(await atTerminal([nssv(), '--help'], env)).toBe(expected);
      expect(await atTerminal([nssv(), '--help'], env)).toBe(expected);
    }
  });

  it('GIVEN a colour theme in the config dir WHEN nssv --help runs at a terminal THEN oclif colours it each time and nothing is saved', async () => {
    const configDir = join(work, 'theme-config');
    mkdirSync(configDir);
    writeFileSync(join(configDir, 'theme.json'), JSON.stringify({ bin: 'red', sectionHeader: 'blue' }));
    const env = { ...baseEnv(), NSSV_CONFIG_DIR: configDir, TERM: 'xterm-256color' };

    const expected = await atTerminal([oclifScript(['--help'])], env);
    expect(expected).toContain('\u001b[31mnssv\u001b[39m');
    expect(await atTerminal([nssv(), '--help'], env)).toBe(expected);
    expect(await atTerminal([nssv(), '--help'], env)).toBe(expected);
    expect(existsSync(saved('root-help.help.100.tty.txt'))).toBe(false);
  });
});
