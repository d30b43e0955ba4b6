import { FakeExec } from './fake-exec.js';

const EMPTY_TABLE = '{"data":[],"headings":[]}';

/** The tools of a host with nothing on it: virsh lists nothing, Open vSwitch has empty tables. */
export function emptyHost(): FakeExec {
  return new FakeExec().on('virsh', { stdout: '' }).on('ovs-vsctl', ({ args }) => ({
    stdout: `${EMPTY_TABLE}\n`.repeat(args.filter((a) => a.startsWith('--columns=')).length),
  }));
}
