import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  isAlive,
  readProcStat,
  recordOf,
  spawnDetached,
  stopProcesses,
  waitFor,
} from '../../sandbox/processes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nssv-proc-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('process records', () => {
  it('GIVEN this process THEN it is alive with its start time', () => {
    const rec = recordOf('self', process.pid);
    expect(rec.startTicks).toBe(readProcStat(process.pid)?.startTicks);
    expect(isAlive(rec)).toBe(true);
  });

  it('GIVEN a recorded pid that was reused (other start time) THEN it is not ours, not alive', () => {
    const rec = recordOf('self', process.pid);
    expect(isAlive({ ...rec, startTicks: rec.startTicks + 1 })).toBe(false);
  });

  it('GIVEN a pid that does not exist THEN not alive', () => {
    expect(isAlive({ role: 'x', pid: 999_999_999, startTicks: 1 })).toBe(false);
  });
});

describe('spawnDetached + stopProcesses', () => {
  it('GIVEN a detached process writing to a log THEN TERM stops it and it is gone', async () => {
    const log = path.join(dir, 'out.log');
    const rec = spawnDetached(
      'sleeper',
      process.execPath,
      ['-e', 'console.log("started"); setInterval(() => {}, 1000)'],
      {
        logFile: log,
      },
    );
    expect(isAlive(rec)).toBe(true);
    expect(await waitFor(() => readFileSync(log, 'utf8').includes('started'), 5_000)).toBe(true);
    await stopProcesses([rec], 2_000);
    expect(isAlive(rec)).toBe(false);
  });

  it('GIVEN a process that ignores TERM THEN KILL follows after the timeout', async () => {
    const log = path.join(dir, 'out.log');
    const rec = spawnDetached(
      'stubborn',
      process.execPath,
      ['-e', 'process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)'],
      { logFile: log },
    );
    await waitFor(() => readFileSync(log, 'utf8').includes('ready'), 5_000);
    const started = Date.now();
    await stopProcesses([rec], 300);
    expect(isAlive(rec)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
