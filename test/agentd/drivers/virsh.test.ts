import { Virsh } from '../../../agentd/drivers/virsh.js';
import { FakeExec } from '../fake-exec.js';

describe('Virsh', () => {
  it('GIVEN a base layer WHEN the layers above it are pulled into a running disk THEN virsh blockpull gets --base and --wait as argv', async () => {
    const fake = new FakeExec().on('blockpull', {});
    await new Virsh(fake.exec, 'qemu:///system').blockPullOnto('web', 'vda', '/p/.nssv/snapshots/v/s1.qcow2');
    expect(fake.calls).toEqual([
      {
        file: 'virsh',
        args: [
          '-q',
          '-c',
          'qemu:///system',
          'blockpull',
          'web',
          'vda',
          '--base',
          '/p/.nssv/snapshots/v/s1.qcow2',
          '--wait',
        ],
      },
    ]);
  });

  it('GIVEN no base (the deleted layer was the bottom) WHEN pulled THEN the whole chain is pulled: no --base', async () => {
    const fake = new FakeExec().on('blockpull', {});
    await new Virsh(fake.exec, 'qemu:///system').blockPullOnto('web', 'vda', null);
    expect(fake.calls[0]!.args).toEqual(['-q', '-c', 'qemu:///system', 'blockpull', 'web', 'vda', '--wait']);
  });

  it('GIVEN virsh fails WHEN pulled THEN the error names the disk, the domain and virsh stderr', async () => {
    const fake = new FakeExec().on('blockpull', { exitCode: 1, stderr: 'error: block job failed\n' });
    await expect(new Virsh(fake.exec, 'qemu:///system').blockPullOnto('web', 'vda', null)).rejects.toThrow(
      'pull the backing layers of disk vda of running domain web into it: virsh exited with 1: error: block job failed',
    );
  });
});
