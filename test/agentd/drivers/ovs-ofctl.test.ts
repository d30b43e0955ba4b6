import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OvsOfctl } from '../../../agentd/drivers/ovs-ofctl.js';
import { FakeExec } from '../fake-exec.js';

const REFUSED = {
  exitCode: 1,
  stderr: 'ovs-ofctl: connecting to unix:…/sw-b.mgmt (Connection refused)',
};
const FLOW = ' cookie=0x5, duration=1s, table=0, n_packets=7, n_bytes=0, priority=100,ip actions=NORMAL\n';

describe('OvsOfctl on a bridge a concurrent request deletes', () => {
  let dir: string;
  let socket: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nssv-ofctl-'));
    socket = join(dir, 'sw-b.mgmt');
    writeFileSync(socket, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const ofctl = (fake: FakeExec) => new OvsOfctl(fake.exec, join(dir, 'db.sock'));

  it('GIVEN connections refused while the socket file is still there, then the file goes THEN the bridge counts as gone', async () => {
    const fake = new FakeExec().on('dump-flows', () => {
      setTimeout(() => unlinkSync(socket), 50);
      return REFUSED;
    });
    expect(await ofctl(fake).dumpFlows('sw-b')).toBeNull();
    expect(fake.lines('dump-flows')).toHaveLength(1);
  });

  it('GIVEN one refused connection and the socket still there THEN the command is tried again and its answer read', async () => {
    let calls = 0;
    const fake = new FakeExec().on('dump-flows', () => (++calls === 1 ? REFUSED : { stdout: FLOW }));
    expect(await ofctl(fake).dumpFlows('sw-b')).toEqual([
      { cookie: 5n, table: 0, priority: 100, packets: 7 },
    ]);
    expect(fake.lines('dump-flows')).toHaveLength(2);
  });

  it('GIVEN a bridge that keeps failing while its socket stays THEN the tool error is thrown after three tries', async () => {
    const fake = new FakeExec().on('dump-flows', REFUSED);
    await expect(ofctl(fake).dumpFlows('sw-b')).rejects.toThrow(
      'read the flows of switch sw-b: ovs-ofctl exited with 1',
    );
    expect(fake.lines('dump-flows')).toHaveLength(3);
  });

  it('GIVEN no socket file at all THEN the bridge is gone without a second try', async () => {
    unlinkSync(socket);
    const fake = new FakeExec().on('replace-flows', REFUSED);
    await expect(ofctl(fake).replaceFlows('sw-b', 'priority=0,actions=drop\n')).resolves.toBeUndefined();
    expect(fake.lines('replace-flows')).toHaveLength(1);
  });
});
