// The root help (`nssv`, `nssv --help`) as oclif printed it last time, for bin/nssv.cjs. Its text
// depends only on the installation (package.json, oclif.manifest.json, the help bundle), Node's
// version and architecture, the width, and whether colours are supported (oclif makes section
// headers bold then, theme or not); so after oclif has rendered it once for these, later runs
// print the saved text without loading oclif (~35 ms of a ~150 ms start, bench/README.md,
// "start-up"). Whatever else could change the text makes a run take oclif's path, uncached: a
// colour theme (NSSV_CONFIG_DIR or ~/.config/nssv/theme.json, or one in package.json), WSL (oclif
// says `wsl-x64` in the VERSION line), oclif's debug output.
// test/bin/cli/rootHelpCache.test.ts checks both paths against unbundled oclif, in a pipe and at a
// terminal.
'use strict';
const fs = require('node:fs');
const { join } = require('node:path');

const FORMAT = 'nssv-root-help 2';

/** `stat` identity of a file, or `-` when it is absent: any rebuild or edit changes it. */
function identity(file) {
  const s = fs.statSync(file, { throwIfNoEntry: false });
  return s === undefined ? '-' : `${s.size}@${s.mtimeMs}`;
}

/** Whether oclif would colour the help: a theme in package.json or in the user's config dir. */
function themeMayApply(pjson, env) {
  const disabled = env.NSSV_DISABLE_THEME;
  if (disabled === '1' || disabled === 'true') return false;
  if (pjson.oclif?.theme) return true;
  // oclif's configDir: NSSV_CONFIG_DIR, else $XDG_CONFIG_HOME/nssv, else ~/.config/nssv.
  const home = env.HOME || require('node:os').homedir();
  const configDir = env.NSSV_CONFIG_DIR || join(env.XDG_CONFIG_HOME || join(home, '.config'), 'nssv');
  return fs.existsSync(join(configDir, 'theme.json'));
}

/**
 * What oclif's colours depend on without a theme: ansis (oclif's styling, which makes the section
 * headers bold) decides from isatty(1) and these variables, and from whether variables of some CI
 * vendors exist. Their values go into the saved text's header, so a run that could decide
 * differently renders again.
 */
const COLOR_VARIABLES = [
  'FORCE_COLOR',
  'NO_COLOR',
  'TERM',
  'COLORTERM',
  'CI',
  'TF_BUILD',
  'PM2_HOME',
  'pm_id',
  'NEXT_RUNTIME',
];

function colorInputs(env) {
  const vendors = Object.keys(env)
    .filter((k) => /^(TEAMCI|GITHUB|GITEA)/.test(k))
    .sort();
  return JSON.stringify([COLOR_VARIABLES.map((k) => env[k] ?? null), vendors]);
}

/** isatty(1), without loading node:tty (3 ms) when fstat already says it is a pipe or a file. */
function stdoutIsTty() {
  try {
    if (!fs.fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return require('node:tty').isatty(1);
}

/** oclif's help width: OCLIF_COLUMNS, else the terminal's columns (40 at least), else 80. */
function helpWidth(env, tty) {
  const columns = Number.parseInt(env.OCLIF_COLUMNS, 10);
  if (columns) return columns;
  if (!tty) return 80;
  const width = process.stdout.getWindowSize()[0];
  return width < 1 ? 80 : Math.max(width, 40);
}

/**
 * Where this run's root help is kept and the line that must head it, or undefined when the run
 * must go through oclif uncached. `variant` tells `nssv` from `nssv --help`.
 */
function rootHelpKey(root, variant, env = process.env) {
  if (env.DEBUG || env.NSSV_DEBUG) return undefined;
  if (require('./kernelMentionsWsl.cjs')()) return undefined;
  const pjsonFile = join(root, 'package.json');
  let pjson;
  try {
    pjson = JSON.parse(fs.readFileSync(pjsonFile, 'utf8'));
  } catch {
    return undefined;
  }
  if (themeMayApply(pjson, env)) return undefined;
  const tty = stdoutIsTty();
  const width = helpWidth(env, tty);
  const header = [
    FORMAT,
    process.version,
    process.platform,
    process.arch,
    identity(pjsonFile),
    identity(join(root, 'oclif.manifest.json')),
    identity(join(root, 'dist', 'cli', 'help.cjs')),
    colorInputs(env),
  ].join(' ');
  const file = join(root, 'dist', 'cli', `root-help.${variant}.${width}.${tty ? 'tty' : 'out'}.txt`);
  return { file, header: `${header}\n`, tty };
}

/** Writes all of `bytes` to stdout; false when stdout would block and the rest went to the stream. */
function writeStdout(bytes, tty) {
  if (tty) {
    process.stdout.write(bytes);
    return true;
  }
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(1, bytes, offset);
    } catch (e) {
      if (e.code === 'EPIPE') return true;
      if (e.code !== 'EAGAIN') throw e;
      process.stdout.write(bytes.subarray(offset));
      return false;
    }
  }
  return true;
}

/** Prints the saved help for `key` and returns true, or returns false when none is saved. */
function printSaved(key) {
  let saved;
  try {
    saved = fs.readFileSync(key.file);
  } catch {
    return false;
  }
  const head = Buffer.from(key.header, 'utf8');
  if (saved.length <= head.length || !saved.subarray(0, head.length).equals(head)) return false;
  if (writeStdout(saved.subarray(head.length), key.tty)) process.exit(0);
  return true;
}

/**
 * Keeps what this run prints and saves it for `key` when the run ends well: exit 0, something on
 * stdout, nothing on stderr. A read-only installation just renders the help each time.
 */
function saveOnExit(key) {
  const out = [];
  let wroteStderr = false;
  const tee = (stream, keep) => {
    const write = stream.write;
    stream.write = function (chunk, encoding, ...rest) {
      keep(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
          : Buffer.from(chunk),
      );
      return write.call(this, chunk, encoding, ...rest);
    };
  };
  tee(process.stdout, (b) => out.push(b));
  tee(process.stderr, () => {
    wroteStderr = true;
  });
  process.once('exit', (code) => {
    if (code !== 0 || wroteStderr || out.length === 0) return;
    try {
      const tmp = `${key.file}.${process.pid}`;
      fs.writeFileSync(tmp, Buffer.concat([Buffer.from(key.header, 'utf8'), ...out]));
      fs.renameSync(tmp, key.file);
    } catch {
      // Not writable: the next run renders it again.
    }
  });
}

module.exports = { rootHelpKey, printSaved, saveOnExit };
