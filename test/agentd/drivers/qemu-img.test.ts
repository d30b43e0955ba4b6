import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GIB, QemuImg } from '../../../agentd/drivers/qemu-img.js';
import { FakeExec } from '../fake-exec.js';

const info = (virtualGiB: number) => ({
  stdout: JSON.stringify({ format: 'qcow2', 'virtual-size': virtualGiB * GIB, 'actual-size': 196608 }),
});

describe('QemuImg', () => {
  it('GIVEN a qcow2 volume WHEN created THEN qemu-img create runs with -f and the size in G as argv', async () => {
    const fake = new FakeExec().on('create', {});
    await new QemuImg(fake.exec).create('/p/v.qcow2', 'qcow2', 3);
    expect(fake.calls).toEqual([
      { file: 'qemu-img', args: ['create', '-q', '-f', 'qcow2', '/p/v.qcow2', '3G'] },
    ]);
  });

  it('GIVEN a running guest holds the image WHEN inspected THEN info uses -U and JSON output', async () => {
    const fake = new FakeExec().on('info', info(2));
    expect(await new QemuImg(fake.exec).info('/p/v.qcow2')).toEqual({
      format: 'qcow2',
      virtualSizeBytes: 2 * GIB,
      actualSizeBytes: 196608,
    });
    expect(fake.calls[0]!.args).toEqual(['info', '-U', '--output=json', '/p/v.qcow2']);
  });

  it('GIVEN the image is deleted while being inspected WHEN infoUnlessGone THEN it is undefined, not an error', async () => {
    const fake = new FakeExec().on('info', {
      exitCode: 1,
      stderr: "qemu-img: Could not open '/gone/v.qcow2'\n",
    });
    expect(await new QemuImg(fake.exec).infoUnlessGone('/gone/v.qcow2')).toBeUndefined();
  });

  it('GIVEN an image that exists but qemu-img fails WHEN infoUnlessGone THEN the tool failure is reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-qemu-img-'));
    try {
      writeFileSync(join(dir, 'v.qcow2'), 'not an image');
      const fake = new FakeExec().on('info', { exitCode: 1, stderr: 'qemu-img: bad\n' });
      await expect(new QemuImg(fake.exec).infoUnlessGone(join(dir, 'v.qcow2'))).rejects.toMatchObject({
        code: 'tool_failed',
        message: `inspect image ${join(dir, 'v.qcow2')}: qemu-img exited with 1: qemu-img: bad`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a 2 GiB image WHEN grown to 5 GiB THEN qemu-img resize runs', async () => {
    const fake = new FakeExec().on('info', info(2)).on('resize', {});
    await new QemuImg(fake.exec).grow('/p/v.qcow2', 'qcow2', 5);
    expect(fake.lines('resize')).toEqual(['qemu-img resize -q -f qcow2 /p/v.qcow2 5G']);
  });

  it('GIVEN a 2 GiB image WHEN asked to shrink to 1 GiB THEN it is refused with a conflict and nothing is resized', async () => {
    const fake = new FakeExec().on('info', info(2)).on('resize', {});
    await expect(new QemuImg(fake.exec).grow('/p/v.qcow2', 'qcow2', 1)).rejects.toMatchObject({
      status: 409,
      code: 'conflict',
      message:
        'refusing to shrink volume /p/v.qcow2 from 2 GiB to 1 GiB: shrinking destroys data; create a new, smaller volume instead',
    });
    expect(fake.lines('resize')).toEqual([]);
  });

  it('GIVEN the same size WHEN grown THEN nothing is resized', async () => {
    const fake = new FakeExec().on('info', info(2));
    await new QemuImg(fake.exec).grow('/p/v.qcow2', 'qcow2', 2);
    expect(fake.lines('resize')).toEqual([]);
  });

  it('GIVEN qemu-img fails WHEN creating THEN tool_failed carries its stderr', async () => {
    const fake = new FakeExec().on('create', {
      exitCode: 1,
      stderr: 'qemu-img: /p/v.qcow2: Permission denied\n',
    });
    await expect(new QemuImg(fake.exec).create('/p/v.qcow2', 'qcow2', 1)).rejects.toMatchObject({
      status: 502,
      code: 'tool_failed',
      message:
        'create qcow2 image /p/v.qcow2: qemu-img exited with 1: qemu-img: /p/v.qcow2: Permission denied',
    });
  });

  it('GIVEN a backing file a running QEMU holds WHEN an overlay is made on it unopened THEN -u is in the argv', async () => {
    const fake = new FakeExec().on('create', {});
    await new QemuImg(fake.exec).createOverlay('/p/v.qcow2', '/p/s.qcow2', 'qcow2', 2, true);
    await new QemuImg(fake.exec).createOverlay('/p/w.qcow2', '/p/s.qcow2', 'qcow2', 2);
    expect(fake.calls.map((c) => c.args)).toEqual([
      ['create', '-q', '-u', '-f', 'qcow2', '-b', '/p/s.qcow2', '-F', 'qcow2', '/p/v.qcow2', '2G'],
      ['create', '-q', '-f', 'qcow2', '-b', '/p/s.qcow2', '-F', 'qcow2', '/p/w.qcow2', '2G'],
    ]);
  });
});
