import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageInfo, ImageSpec } from '../../../schemas/generated/agentApi.js';
import { fetchVerified, recordOf, refuseOtherContent } from '../../../agentd/images/imageContent.js';

const SHA = 'a'.repeat(64);
const existing: ImageInfo = {
  store: 'lib',
  name: 'base',
  address: 'nssv_image.base',
  source: '/srv/base.qcow2',
  format: 'qcow2',
  sha256: SHA,
  sizeBytes: 1024,
  virtualSizeBytes: 4096,
  path: '/pools/.images/lib/base.qcow2',
};
const spec = (over: Partial<ImageSpec> = {}): ImageSpec => ({
  address: 'nssv_image.base',
  source: '/srv/base.qcow2',
  format: 'qcow2',
  sha256: null,
  ...over,
});

describe('refuseOtherContent', () => {
  it('GIVEN the same source and format, no sha256 declared WHEN checked THEN the image is kept', () => {
    expect(() => refuseOtherContent(existing, spec(), 'lib', 'base')).not.toThrow();
  });

  it('GIVEN another declared sha256 WHEN checked THEN a conflict names what the image holds', () => {
    expect(() => refuseOtherContent(existing, spec({ sha256: 'b'.repeat(64) }), 'lib', 'base')).toThrow(
      expect.objectContaining({
        status: 409,
        message: `image "base" in store "lib" already holds /srv/base.qcow2 (qcow2, sha256 ${SHA}); images are immutable: delete it and import the new one under this or another name`,
      }),
    );
  });
});

describe('recordOf', () => {
  it('GIVEN an image WHEN recorded THEN only what a record keeps is in it', () => {
    expect(recordOf(existing)).toEqual({
      address: 'nssv_image.base',
      source: '/srv/base.qcow2',
      format: 'qcow2',
      sha256: SHA,
      sizeBytes: 1024,
    });
  });
});

describe('fetchVerified', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nssv-image-content-'));
  const source = join(dir, 'src.raw');
  writeFileSync(source, 'disk bytes');
  const digest = createHash('sha256').update('disk bytes').digest('hex');
  const formatOk = async () => undefined;

  it('GIVEN a local source with its sha256 WHEN fetched THEN the copy, its digest and size are there', async () => {
    const tmp = join(dir, 'incoming', 'a.part');
    expect(
      await fetchVerified(spec({ source, format: 'raw', sha256: digest }), 'base', tmp, formatOk),
    ).toEqual({
      sha256: digest,
      sizeBytes: 10,
    });
    expect(readFileSync(tmp, 'utf8')).toBe('disk bytes');
  });

  it('GIVEN another declared sha256 WHEN fetched THEN checksum_mismatch names both digests and the format is not checked', async () => {
    let checked = false;
    const wrong = 'c'.repeat(64);
    await expect(
      fetchVerified(spec({ source, format: 'raw', sha256: wrong }), 'base', join(dir, 'b.part'), async () => {
        checked = true;
      }),
    ).rejects.toMatchObject({
      status: 422,
      code: 'checksum_mismatch',
      message: `image "base": the sha256 of ${source} is ${digest}, expected ${wrong}; nothing was kept. Fix: correct sha256 (or the source) so they match`,
    });
    expect(checked).toBe(false);
  });

  it('GIVEN the format check refuses WHEN fetched THEN its error is the result', async () => {
    const refused = new Error('not raw');
    await expect(
      fetchVerified(spec({ source, format: 'raw' }), 'base', join(dir, 'c.part'), async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(existsSync(join(dir, 'c.part'))).toBe(true);
  });
});
