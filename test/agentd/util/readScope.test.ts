import type { Exec } from '../../../agentd/util/exec.js';
import { freshReads, inReadScope, scopedExec } from '../../../agentd/util/readScope.js';

/** A fake exec that records each run and answers after a turn of the event loop. */
function recorder(): { exec: Exec; runs: string[] } {
  const runs: string[] = [];
  let n = 0;
  const exec: Exec = async (file, args) => {
    runs.push([file, ...args].join(' '));
    await new Promise((r) => setImmediate(r));
    n += 1;
    return { exitCode: 0, stdout: `answer ${n}`, stderr: '' };
  };
  return { exec, runs };
}

describe('scopedExec', () => {
  it('GIVEN identical reads in one read scope, in parallel and after each other THEN they run once and share the answer', async () => {
    const { exec, runs } = recorder();
    const scoped = scopedExec(exec);
    const answers = await inReadScope(async () => {
      const [a, b] = await Promise.all([
        scoped('virsh', ['list', '--all']),
        scoped('virsh', ['list', '--all']),
      ]);
      const c = await scoped('virsh', ['list', '--all']);
      const d = await scoped('virsh', ['dumpxml', 'web1']);
      return [a, b, c, d].map((r) => r.stdout);
    });
    expect(answers).toEqual(['answer 1', 'answer 1', 'answer 1', 'answer 2']);
    expect(runs).toEqual(['virsh list --all', 'virsh dumpxml web1']);
  });

  it('GIVEN a write between two reads in a scope THEN the read after it runs again', async () => {
    const { exec, runs } = recorder();
    const scoped = scopedExec(exec);
    await inReadScope(async () => {
      await scoped('virsh', ['list', '--all']);
      await scoped('virsh', ['define', '/tmp/web1.xml']);
      await scoped('virsh', ['list', '--all']);
      await scoped('virsh', ['list', '--all'], { input: 'x' });
    });
    expect(runs).toEqual([
      'virsh list --all',
      'virsh define /tmp/web1.xml',
      'virsh list --all',
      'virsh list --all',
    ]);
  });

  it('GIVEN reads outside any scope, or in two scopes at once THEN nothing is shared between them', async () => {
    const { exec, runs } = recorder();
    const scoped = scopedExec(exec);
    await scoped('virsh', ['list', '--all']);
    await scoped('virsh', ['list', '--all']);
    await Promise.all([
      inReadScope(() => scoped('virsh', ['list', '--all'])),
      inReadScope(() => scoped('virsh', ['list', '--all'])),
      scoped('virsh', ['list', '--all']),
    ]);
    expect(runs).toHaveLength(5);
  });

  it('GIVEN a read that fails WHEN it is run again in the scope (a retry) THEN the tool runs again', async () => {
    const runs: string[] = [];
    const exec: Exec = async (file, args) => {
      runs.push([file, ...args].join(' '));
      if (runs.length === 3) throw new Error('cannot run rbd');
      return { exitCode: runs.length === 1 ? 2 : 0, stdout: `answer ${runs.length}`, stderr: '' };
    };
    const scoped = scopedExec(exec);
    const answers = await inReadScope(async () => {
      const failed = await scoped('rbd', ['du', '-p', 'nssv.ceph']);
      const retried = await scoped('rbd', ['du', '-p', 'nssv.ceph']);
      const shared = await scoped('rbd', ['du', '-p', 'nssv.ceph']);
      const notStarted = await scoped('rbd', ['ls', 'nssv.ceph']).catch((e: Error) => e.message);
      const startedNow = await scoped('rbd', ['ls', 'nssv.ceph']);
      return [failed.exitCode, retried.stdout, shared.stdout, notStarted, startedNow.stdout];
    });
    expect(answers).toEqual([2, 'answer 2', 'answer 2', 'cannot run rbd', 'answer 4']);
    expect(runs).toHaveLength(4);
  });

  it('GIVEN freshReads inside a scope THEN its reads run again and share nothing', async () => {
    const { exec, runs } = recorder();
    const scoped = scopedExec(exec);
    await inReadScope(async () => {
      await scoped('virsh', ['list', '--all']);
      await freshReads(() => scoped('virsh', ['list', '--all']));
      await scoped('virsh', ['list', '--all']);
    });
    expect(runs).toEqual(['virsh list --all', 'virsh list --all']);
  });
});
