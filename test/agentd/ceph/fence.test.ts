import { CephCli } from '../../../agentd/ceph/cli.js';
import { fenceRbdImages } from '../../../agentd/ceph/fence.js';
import type { Exec } from '../../../agentd/util/exec.js';

/** The `rbd`/`ceph` CLIs faked at the exec boundary: each image's watchers, every call recorded. */
function cli(watchers: Record<string, string[]>) {
  const calls: string[][] = [];
  const exec: Exec = async (file, args) => {
    calls.push([file, ...args]);
    if (file === 'rbd' && args.includes('status')) {
      const image = args[args.indexOf('status') + 1]!;
      const list = (watchers[image] ?? []).map((address) => ({ address, client: 4100, cookie: 1 }));
      return { exitCode: 0, stdout: JSON.stringify({ watchers: list }), stderr: '' };
    }
    return { exitCode: 0, stdout: '', stderr: `blocklisting ${args.at(-1)}` };
  };
  return { calls, cli: new CephCli(exec, { confFile: '/c.conf', keyringFile: '/k', user: 'admin' }) };
}

describe('fenceRbdImages', () => {
  test('GIVEN two images, one open by a lost QEMU WHEN fenced THEN that client is blocklisted once, by argv', async () => {
    const { calls, cli: c } = cli({ 'nssv.ceph/a': ['10.0.0.2:0/111'], 'nssv.ceph/b': ['10.0.0.2:0/111'] });
    expect(await fenceRbdImages(c, ['rbd:nssv.ceph/a', 'rbd:nssv.ceph/b'])).toEqual(['10.0.0.2:0/111']);
    const own = ['-c', '/c.conf', '--id', 'admin', '--keyring', '/k'];
    expect(calls).toEqual([
      ['rbd', ...own, 'status', 'nssv.ceph/a', '--format', 'json'],
      ['ceph', ...own, '--connect-timeout', '20', 'osd', 'blocklist', 'add', '10.0.0.2:0/111'],
      ['rbd', ...own, 'status', 'nssv.ceph/b', '--format', 'json'],
    ]);
  });

  test('GIVEN images nobody has open WHEN fenced THEN nothing is blocklisted', async () => {
    const { calls, cli: c } = cli({});
    expect(await fenceRbdImages(c, ['rbd:nssv.ceph/a'])).toEqual([]);
    expect(calls.map((x) => x[0])).toEqual(['rbd']);
  });
});
