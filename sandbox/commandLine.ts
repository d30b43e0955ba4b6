/**
 * The `nssv sandbox …` command lines hints tell the user to run. They repeat the root (and the
 * name and host count where the command needs them) whenever these are not the defaults, so
 * following a hint never touches another sandbox (e.g. the default one).
 */
export const DEFAULT_ROOT = '/var/lib/nssv/sandbox';
export const DEFAULT_NAME = 'nssv';
export const DEFAULT_HOSTS = 2;
export const ROOT_ENV = 'NSSV_SANDBOX_ROOT';

export interface CommandContext {
  root: string;
  /** Only `up` of a new sandbox needs it (down and status read it from the state). */
  name?: string | undefined;
  hosts?: number | undefined;
  /** `up` of a sandbox with Ceph repeats --ceph. */
  ceph?: boolean | undefined;
}

/** A shell word: bare when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function sandboxCommand(
  sub: 'up' | 'down' | 'status',
  ctx: CommandContext,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const words = ['nssv', 'sandbox', sub];
  // NSSV_SANDBOX_ROOT may differ in the shell the hint is run in: only the default root is implicit.
  const envRoot = env[ROOT_ENV];
  if (ctx.root !== DEFAULT_ROOT || (envRoot !== undefined && envRoot !== '' && envRoot !== DEFAULT_ROOT)) {
    words.push('--root', shellWord(ctx.root));
  }
  if (sub === 'up' && ctx.name !== undefined && ctx.name !== DEFAULT_NAME) words.push('--name', ctx.name);
  if (sub === 'up' && ctx.hosts !== undefined && ctx.hosts !== DEFAULT_HOSTS) {
    words.push('--hosts', String(ctx.hosts));
  }
  if (sub === 'up' && ctx.ceph === true) words.push('--ceph');
  return words.join(' ');
}
