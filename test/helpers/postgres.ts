import { execa } from 'execa';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A private PostgreSQL server for one test file, started from the Debian package's binaries
 * (postgresql, installed by scripts/setup-host.sh) with initdb/pg_ctl — no systemd. It listens
 * only on a unix socket in its own temporary directory (no TCP port to collide with anyone).
 * PostgreSQL refuses to run as root, so as root it runs as the package's "postgres" user.
 * Fails loudly when PostgreSQL is not installed.
 */
export interface TestPostgres {
  connStr: string;
  dir: string;
  /** psql -c SQL as the superuser; returns stdout. */
  sql(query: string): Promise<string>;
  stop(): Promise<void>;
}

export function postgresBinDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    : [];
  if (versions.length === 0)
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup-host.sh, which installs the Debian package postgresql',
    );
  versions.sort((a, b) => Number(b) - Number(a));
  return join(base, versions[0]!, 'bin');
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'nssv-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execa('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { cwd: dir })
      : execa(join(bin, cmd), args, { cwd: dir });
  if (asRoot)
    chownSync(
      dir,
      Number((await execa('id', ['-u', 'postgres'])).stdout),
      Number((await execa('id', ['-g', 'postgres'])).stdout),
    );
  const data = join(dir, 'data');
  await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-c listen_addresses='' -c unix_socket_directories='${dir}' -c fsync=off -c max_connections=30`,
    'start',
  ]);
  const connStr = `postgresql://postgres@/postgres?host=${encodeURIComponent(dir)}`;
  return {
    connStr,
    dir,
    sql: async (query) =>
      (await run('psql', ['-h', dir, '-U', 'postgres', '-d', 'postgres', '-At', '-c', query])).stdout,
    stop: async () => {
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
