import { Vsctl, vsctlQuote } from '../../../agentd/drivers/vsctl.js';
import { AgentError } from '../../../agentd/errors.js';
import { FakeExec } from '../fake-exec.js';

const table = (headings: string[], data: unknown[][]) => JSON.stringify({ headings, data });

describe('Vsctl', () => {
  it('GIVEN one table read THEN one list command with the connection options and the columns', async () => {
    const fake = new FakeExec().on('list Interface', {
      stdout: table(['name', 'mtu'], [['br0', 1500]]),
    });
    const rows = await new Vsctl(fake.exec, '/run/db.sock').readOne(
      { table: 'Interface', columns: ['name', 'mtu'], args: ['br0'] },
      'read br0',
    );
    expect(rows).toEqual([{ name: 'br0', mtu: 1500 }]);
    expect(fake.lines()).toEqual([
      'ovs-vsctl --db=unix:/run/db.sock --timeout=10 --format=json --data=json --columns=name,mtu list Interface br0',
    ]);
  });

  it('GIVEN several reads THEN one call with the commands separated by -- and the rows per read, decoded', async () => {
    const fake = new FakeExec().on('ovs-vsctl', {
      stdout: [
        table(['name', 'ports'], [['br0', ['set', [['uuid', 'p1']]]]]),
        table(['_uuid', 'name'], [[['uuid', 'p1'], 'tap0']]),
      ].join('\n'),
    });
    const [bridges, ports] = await new Vsctl(fake.exec, '/s', 5, '/usr/bin/ovs-vsctl').read(
      [
        { table: 'Bridge', columns: ['name', 'ports'] },
        { table: 'Interface', columns: ['_uuid', 'name'], verb: 'find', args: ['name=tap0'] },
      ],
      'list',
    );
    expect(bridges).toEqual([{ name: 'br0', ports: ['p1'] }]);
    expect(ports).toEqual([{ _uuid: 'p1', name: 'tap0' }]);
    expect(fake.lines()).toEqual([
      '/usr/bin/ovs-vsctl --db=unix:/s --timeout=5 --format=json --data=json -- --columns=name,ports list Bridge -- --columns=_uuid,name find Interface name=tap0',
    ]);
  });

  it('GIVEN fewer tables than reads THEN tool_failed saying how many came', async () => {
    const fake = new FakeExec().on('ovs-vsctl', { stdout: table(['name'], []) });
    const read = new Vsctl(fake.exec, '/s').read(
      [
        { table: 'Bridge', columns: ['name'] },
        { table: 'Port', columns: ['name'] },
      ],
      'list OVS ports',
    );
    await expect(read).rejects.toThrow(AgentError);
    await expect(read).rejects.toThrow('list OVS ports: expected 2 tables from ovs-vsctl, got 1');
  });

  it('GIVEN a failing transaction THEN tool_failed with what it was for and the first line of stderr', async () => {
    const fake = new FakeExec().on('del-br', { exitCode: 1, stderr: 'ovs-vsctl: no bridge named x\nmore' });
    await expect(new Vsctl(fake.exec, '/s').run(['del-br', 'x'], 'delete OVS bridge x')).rejects.toThrow(
      'delete OVS bridge x: ovs-vsctl exited with 1: ovs-vsctl: no bridge named x',
    );
  });

  it('GIVEN a value with quotes and backslashes THEN it is quoted as ovs-vsctl parses it', () => {
    expect(vsctlQuote('a "b" \\c')).toBe('"a \\"b\\" \\\\c"');
  });
});
