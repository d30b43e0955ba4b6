import { Metrics } from '../../../agentd/metrics.js';
import { countedExec, toolRunOf } from '../../../agentd/util/countedExec.js';
import type { Exec } from '../../../agentd/util/exec.js';

describe('toolRunOf', () => {
  it.each([
    [['virsh', ['-q', '-c', 'qemu:///system', 'dumpxml', 'vm-1']], 'virsh', 'dumpxml'],
    [['ovs-vsctl', ['--format=json', '--data=json', 'list', 'Bridge']], 'ovs-vsctl', 'list'],
    [['/usr/bin/qemu-img', ['info', '--output=json', '/v/a.qcow2']], 'qemu-img', 'info'],
    [
      [
        'ceph',
        ['-c', '/c.conf', '--id', 'nssv', '--keyring', '/k', '--connect-timeout', '20', 'osd', 'pool'],
      ],
      'ceph',
      'osd',
    ],
    [['ip', ['netns', 'exec', 'ns1', 'rbd', '-c', '/c.conf', 'ls', '-l']], 'rbd', 'ls'],
    [['ip', ['link', 'set', 'dev', 'x', 'up']], 'ip', 'link'],
    [['true', []], 'true', ''],
  ] as const)('GIVEN %j THEN it counts as %s %s', ([file, args], tool, command) => {
    expect(toolRunOf(file, args)).toEqual({ tool, command });
  });
});

describe('countedExec', () => {
  it('GIVEN runs that succeed, fail and cannot start THEN each is counted under its tool and subcommand', async () => {
    const metrics = new Metrics();
    const exec: Exec = async (file) => {
      if (file === 'missing') throw new Error('cannot run missing');
      return { exitCode: file === 'false' ? 1 : 0, stdout: '', stderr: '' };
    };
    const counted = countedExec(exec, metrics);
    await counted('virsh', ['list', '--all']);
    await counted('virsh', ['list', '--all']);
    await counted('false', []);
    await expect(counted('missing', ['x'])).rejects.toThrow('cannot run missing');
    const runs = metrics
      .render()
      .split('\n')
      .filter((l) => l.startsWith('nssv_agent_tool_runs_total{'));
    expect(runs).toEqual([
      'nssv_agent_tool_runs_total{tool="false",command=""} 1',
      'nssv_agent_tool_runs_total{tool="missing",command="x"} 1',
      'nssv_agent_tool_runs_total{tool="virsh",command="list"} 2',
    ]);
    expect(metrics.render()).toMatch(/^nssv_agent_tool_run_seconds_total\{tool="virsh",command="list"\} \d/m);
  });
});
