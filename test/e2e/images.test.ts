/**
 * Images end to end on real daemons and qemu-img: an image served over http on loopback is
 * imported to both hosts of the sandbox after its sha256 matched; a wrong sha256 fails with the
 * expected and actual digests and leaves nothing on any host; linked, full (raw -> qcow2) and
 * rapid clones are made from a raw and a qcow2 image, and writing to the full and rapid clones
 * leaves the image's content (its sha256) unchanged.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { jest } from '@jest/globals';
import { sandboxDown, sandboxUp, type SandboxUpResult } from '../../sandbox/index.js';
import { agentFetch } from '../helpers/agentFetch.js';
import { nssv } from './support.js';

jest.setTimeout(300_000);

let sandbox: SandboxUpResult;
let root = '';
let configDir = '';
let work = '';
let server: Server;
let baseUrl = '';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

async function tool(file: string, args: string[]): Promise<string> {
  const r = await execa(file, args, { reject: false });
  if (r.exitCode !== 0) throw new Error(`${file} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** What `nssv trash list --json` reports for the configuration in configDir. */
async function listTrash(): Promise<{ id: string; address: string; hosts: string[] }[]> {
  return JSON.parse((await nssv(['trash', 'list', '--json'], configDir)).stdout) as {
    id: string;
    address: string;
    hosts: string[];
  }[];
}

/** Everything under each host's image root (.images), as relative paths. */
function imageFiles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const h of sandbox.hosts) {
    const dir = join(h.storageRoot, '.images');
    const walk = (d: string, rel: string): string[] =>
      existsSync(d)
        ? readdirSync(d, { withFileTypes: true }).flatMap((e) =>
            e.isDirectory() ? walk(join(d, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`],
          )
        : [];
    out[h.name] = walk(dir, '').sort();
  }
  return out;
}

const header = `
resource "nssv_image_storage" "lib" {
  name          = "lib"
  datacenter_id = nssv_datacenter.sandbox.id
  cluster_id    = nssv_cluster.sandbox.id
}
resource "nssv_storage_pool" "local" {
  name       = "local"
  kind       = "dir"
  cluster_id = nssv_cluster.sandbox.id
}
`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nssv-img-'));
  configDir = mkdtempSync(join(tmpdir(), 'nssv-img-cfg-'));
  work = mkdtempSync(join(tmpdir(), 'nssv-img-work-'));
  sandbox = await sandboxUp({
    root,
    name: `img${process.pid % 10000}`,
    hosts: 2,
    emitDir: configDir,
    guestImage: false,
  });
  // A raw image with a known pattern, and the same as qcow2.
  await tool('qemu-img', ['create', '-q', '-f', 'raw', join(work, 'base.raw'), '64M']);
  await tool('qemu-io', ['-f', 'raw', '-c', 'write -P 0xab 0 1M', join(work, 'base.raw')]);
  await tool('qemu-img', [
    'convert',
    '-f',
    'raw',
    '-O',
    'qcow2',
    join(work, 'base.raw'),
    join(work, 'base.qcow2'),
  ]);
  server = createServer((req, res) => {
    const file = join(work, (req.url ?? '/').slice(1));
    if (!/^\/base\.(raw|qcow2)$/.test(req.url ?? '') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  if (root) await sandboxDown({ root });
  for (const d of [configDir, work]) if (d) rmSync(d, { recursive: true, force: true });
});

test('GIVEN an http image with a wrong sha256 WHEN applied THEN it fails naming the expected and actual digests and nothing is left on any host', async () => {
  const wrong = '0'.repeat(64);
  const actual = sha256(join(work, 'base.qcow2'));
  writeFileSync(
    join(configDir, 'main.tf'),
    `${header}
resource "nssv_image" "base" {
  name             = "base"
  image_storage_id = nssv_image_storage.lib.id
  source           = "${baseUrl}/base.qcow2"
  format           = "qcow2"
  sha256           = "${wrong}"
}
`,
  );
  const apply = await nssv(['apply', '-auto-approve'], configDir);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain(
    `image "base": the sha256 of ${baseUrl}/base.qcow2 is ${actual}, expected ${wrong}; nothing was kept. Fix: correct sha256 (or the source) so they match`,
  );
  // Rolled back: the image storage created by this apply is gone too, on both hosts.
  expect(imageFiles()).toEqual({ h1: [], h2: [] });
  const list = await nssv(['state', 'list'], configDir);
  expect(list.stdout).not.toContain('nssv_image');
});

test('GIVEN raw and qcow2 images WHEN linked, full and rapid clones are made THEN the image is imported once per host, the clones are independent and the image is unchanged by writes to them', async () => {
  const raw = join(work, 'base.raw');
  const rawSum = sha256(raw);
  const qcowSum = sha256(join(work, 'base.qcow2'));
  writeFileSync(
    join(configDir, 'main.tf'),
    `${header}
resource "nssv_image" "base" {
  name             = "base"
  image_storage_id = nssv_image_storage.lib.id
  source           = "${baseUrl}/base.qcow2"
  format           = "qcow2"
  sha256           = "${qcowSum}"
}
resource "nssv_image" "plain" {
  name             = "plain"
  image_storage_id = nssv_image_storage.lib.id
  source           = "${raw}"
  format           = "raw"
  sha256           = "${rawSum}"
}
resource "nssv_volume" "linked" {
  name            = "linked"
  pool_id         = nssv_storage_pool.local.id
  host_id         = "h1"
  size_gib        = 1
  source_image_id = nssv_image.base.id
}
resource "nssv_volume" "full" {
  name            = "full"
  pool_id         = nssv_storage_pool.local.id
  host_id         = "h1"
  size_gib        = 1
  source_image_id = nssv_image.plain.id
  clone_mode      = "full"
}
resource "nssv_volume" "rapid" {
  name            = "rapid"
  pool_id         = nssv_storage_pool.local.id
  host_id         = "h2"
  size_gib        = 1
  source_image_id = nssv_image.base.id
  clone_mode      = "rapid"
}
`,
  );
  const apply = await nssv(['apply', '-auto-approve'], configDir);
  expect(apply.code).toBe(0);
  // The failed apply above was rolled back whole, so the hosts and cluster are created again too.
  expect(apply.stdout).toContain('Apply complete! Resources: 11 added, 0 changed, 0 destroyed.');
  expect(imageFiles()).toEqual({
    h1: [
      'lib/.nssv/images/base.json',
      'lib/.nssv/images/plain.json',
      'lib/.nssv/store.json',
      'lib/base.qcow2',
      'lib/plain.raw',
    ],
    h2: [
      'lib/.nssv/images/base.json',
      'lib/.nssv/images/plain.json',
      'lib/.nssv/store.json',
      'lib/base.qcow2',
      'lib/plain.raw',
    ],
  });
  const [h1, h2] = sandbox.hosts;
  const imagePath = (h: typeof h1, f: string) => join(h!.storageRoot, '.images', 'lib', f);
  const vol = (h: typeof h1, f: string) => join(h!.storageRoot, 'local', f);
  const info = async (f: string) =>
    JSON.parse(await tool('qemu-img', ['info', '-U', '--output=json', f])) as Record<string, unknown>;

  // linked: a qcow2 overlay with the image as backing file (and its format given).
  const linked = await info(vol(h1, 'linked.qcow2'));
  expect([linked['backing-filename'], linked['backing-filename-format']]).toEqual([
    imagePath(h1, 'base.qcow2'),
    'qcow2',
  ]);
  // full: raw -> qcow2, no backing file.
  const full = await info(vol(h1, 'full.qcow2'));
  expect([full.format, full['backing-filename'], full['virtual-size']]).toEqual([
    'qcow2',
    undefined,
    1024 ** 3,
  ]);
  // rapid: flattened in the background; the plan shows clone_state until it is independent.
  let state = '';
  for (let i = 0; i < 20 && state !== 'independent'; i++) {
    const show = JSON.parse((await nssv(['plan', '-refresh-only', '--json'], configDir)).stdout) as {
      changes: {
        address: string;
        after: Record<string, unknown> | null;
        before: Record<string, unknown> | null;
      }[];
    };
    const c = show.changes.find((x) => x.address === 'nssv_volume.rapid');
    state = String(c?.after?.clone_state);
    if (state !== 'independent') await new Promise((r) => setTimeout(r, 1000));
  }
  expect(state).toBe('independent');
  expect((await info(vol(h2, 'rapid.qcow2')))['backing-filename']).toBeUndefined();

  // Writes to the independent clones leave the images as they were.
  await tool('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0xcd 0 2M', vol(h1, 'full.qcow2')]);
  await tool('qemu-io', ['-f', 'qcow2', '-c', 'write -P 0xcd 0 2M', vol(h2, 'rapid.qcow2')]);
  expect(sha256(imagePath(h1, 'plain.raw'))).toBe(rawSum);
  expect(sha256(imagePath(h2, 'base.qcow2'))).toBe(qcowSum);
  // ...and the clones read their own data.
  const read = await tool('qemu-io', ['-f', 'qcow2', '-c', 'read -P 0xcd 0 2M', vol(h2, 'rapid.qcow2')]);
  expect(read).toContain('read 2097152/2097152 bytes');

  const plan = await nssv(['plan', '-detailed-exitcode'], configDir);
  expect([plan.code, plan.stdout.trim()]).toEqual([
    0,
    'No changes. Your infrastructure matches the configuration.',
  ]);

  // An image that backs a linked clone cannot go first; destroy orders the clone first.
  const destroy = await nssv(['destroy', '-auto-approve'], configDir);
  expect(destroy.code).toBe(0);
  expect(destroy.stdout).toContain('Destroy complete! Resources: 11 destroyed.');
  // delete_policy defaults to "delayed": each host keeps both images in its trash until purged.
  const kept = (await listTrash()).filter((e) => e.address.startsWith('nssv_image.'));
  expect(kept.map((e) => `${e.hosts.join(',')} ${e.address}`).sort()).toEqual([
    'h1 nssv_image.base',
    'h1 nssv_image.plain',
    'h2 nssv_image.base',
    'h2 nssv_image.plain',
  ]);
  for (const h of ['h1', 'h2']) expect(imageFiles()[h]!.every((f) => f.startsWith('.trash/lib.'))).toBe(true);
  for (const e of await listTrash()) expect((await nssv(['trash', 'purge', e.id], configDir)).code).toBe(0);
  expect(imageFiles()).toEqual({ h1: [], h2: [] });
});

test('GIVEN an image with delete_policy "never" WHEN a plan would delete it THEN the plan is refused naming "delayed" and "immediate", the image stays on both hosts; with "immediate" it is deleted', async () => {
  const raw = join(work, 'base.raw');
  const rawSum = sha256(raw);
  const kept = (policy: string | null) =>
    `${header}${
      policy === null
        ? ''
        : `
resource "nssv_image" "keep" {
  name             = "keep"
  image_storage_id = nssv_image_storage.lib.id
  source           = "${raw}"
  format           = "raw"
  sha256           = "${rawSum}"
  delete_policy    = "${policy}"
}
`
    }`;
  writeFileSync(join(configDir, 'main.tf'), kept('never'));
  expect((await nssv(['apply', '-auto-approve'], configDir)).code).toBe(0);
  const onHosts = {
    h1: ['lib/.nssv/images/keep.json', 'lib/.nssv/store.json', 'lib/keep.raw'],
    h2: ['lib/.nssv/images/keep.json', 'lib/.nssv/store.json', 'lib/keep.raw'],
  };
  expect(imageFiles()).toEqual(onHosts);

  writeFileSync(join(configDir, 'main.tf'), kept(null));
  const plan = await nssv(['plan'], configDir);
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain('nssv_image.keep has delete_policy = "never", but this plan would delete it');
  expect(plan.stderr).toContain(
    'Fix: set delete_policy = "delayed" (kept in the trash, restorable) or "immediate" on nssv_image.keep and apply that first; or stop managing it, keeping its data, with `nssv state rm nssv_image.keep`.',
  );
  const refused = await nssv(['apply', '-auto-approve'], configDir);
  expect(refused.code).toBe(1);
  expect(imageFiles()).toEqual(onHosts);

  writeFileSync(join(configDir, 'main.tf'), kept('immediate'));
  expect((await nssv(['apply', '-auto-approve'], configDir)).code).toBe(0);
  writeFileSync(join(configDir, 'main.tf'), kept(null));
  const gone = await nssv(['apply', '-auto-approve'], configDir);
  expect([gone.code, gone.stdout]).toEqual([0, expect.stringContaining('0 added, 0 changed, 1 destroyed.')]);
  expect(imageFiles()).toEqual({ h1: ['lib/.nssv/store.json'], h2: ['lib/.nssv/store.json'] });
  expect((await nssv(['destroy', '-auto-approve'], configDir)).code).toBe(0);
});

test('GIVEN an image with delete_policy "delayed" WHEN an apply deletes it and then fails THEN it is back on both hosts, same sha256; deleted for real it waits in each host\'s trash, is restored with the same content, or purged', async () => {
  const raw = join(work, 'base.raw');
  const rawSum = sha256(raw);
  const image = `
resource "nssv_image" "keep" {
  name             = "keep"
  image_storage_id = nssv_image_storage.lib.id
  source           = "${raw}"
  format           = "raw"
  sha256           = "${rawSum}"
  delete_policy    = "delayed"
}
`;
  const volume = `
resource "nssv_volume" "plain" {
  name     = "plain"
  pool_id  = nssv_storage_pool.local.id
  host_id  = "h1"
  size_gib = 1
  format   = "raw"
}
`;
  const write = (...parts: string[]) =>
    writeFileSync(join(configDir, 'main.tf'), [header, ...parts].join(''));
  const onHost = (h: number) => join(sandbox.hosts[h]!.storageRoot, '.images', 'lib', 'keep.raw');
  type Entry = { id: string; image?: string; imageStore?: string; address: string; hosts: string[] };
  const trash = async (): Promise<Entry[]> =>
    (JSON.parse((await nssv(['trash', 'list', '--json'], configDir)).stdout) as Entry[]).filter(
      (e) => e.image !== undefined, // the volumes of the tests above wait there too
    );
  write(image, volume);
  expect((await nssv(['apply', '-auto-approve'], configDir)).code).toBe(0);
  expect([sha256(onHost(0)), sha256(onHost(1))]).toEqual([rawSum, rawSum]);

  // A snapshot of a raw dir volume fails at apply time, after the delete (-parallelism=1 runs the steps in order).
  write(
    volume,
    'resource "nssv_volume_snapshot" "bad" {\n  name      = "bad"\n  volume_id = nssv_volume.plain.id\n}\n',
  );
  const failed = await nssv(['apply', '-auto-approve', '-parallelism=1'], configDir);
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain(
    'volume "plain" in pool "local" is raw: snapshots in a dir pool are qcow2 layers; recreate the volume with format = "qcow2"',
  );
  expect(failed.stderr).toMatch(
    /nssv_image\.keep: restored from the trash \(lib\.keep-[0-9a-z]+, lib\.keep-[0-9a-z]+\) with its content/,
  );
  expect([sha256(onHost(0)), sha256(onHost(1))]).toEqual([rawSum, rawSum]);
  expect(await trash()).toEqual([]);
  write(image, volume);
  const replan = await nssv(['plan', '-detailed-exitcode'], configDir);
  expect([replan.code, replan.stdout.trim()]).toEqual([
    0,
    'No changes. Your infrastructure matches the configuration.',
  ]);

  write(volume);
  const del = await nssv(['apply', '-auto-approve'], configDir);
  expect([del.code, del.stdout]).toEqual([0, expect.stringContaining('0 added, 0 changed, 1 destroyed.')]);
  const entries = await trash();
  expect(entries.map((e) => [e.image, e.imageStore, e.address, e.hosts]).sort()).toEqual([
    ['keep', 'lib', 'nssv_image.keep', ['h1']],
    ['keep', 'lib', 'nssv_image.keep', ['h2']],
  ]);
  for (const h of ['h1', 'h2']) {
    const e = entries.find((x) => x.hosts[0] === h)!;
    expect(e.id).toMatch(/^lib\.keep-[0-9a-z]+$/);
    expect(imageFiles()[h]).toEqual([
      `.trash/${e.id}/entry.json`,
      `.trash/${e.id}/image.raw`,
      `.trash/${e.id}/record.json`,
      'lib/.nssv/store.json',
    ]);
  }
  const text = await nssv(['trash', 'list'], configDir);
  expect(text.stdout).toMatch(
    /lib\.keep-[0-9a-z]+ {2}nssv_image\.keep {2}image keep in image storage lib on h1 {2}deleted /,
  );

  const [e1, e2] = [entries.find((x) => x.hosts[0] === 'h1')!, entries.find((x) => x.hosts[0] === 'h2')!];
  expect((await nssv(['trash', 'restore', e1.id], configDir)).code).toBe(0);
  expect(sha256(onHost(0))).toBe(rawSum);
  expect((await nssv(['trash', 'purge', e2.id], configDir)).code).toBe(0);
  expect(await trash()).toEqual([]);
  expect(imageFiles()).toEqual({
    h1: ['lib/.nssv/images/keep.json', 'lib/.nssv/store.json', 'lib/keep.raw'],
    h2: ['lib/.nssv/store.json'],
  });
  // The restored image is outside the state (an import block would adopt it): removed here.
  const h1 = sandbox.hosts[0]!;
  const gone = await agentFetch(h1, '/v1/image-stores/lib/images/keep', {
    method: 'DELETE',
    headers: { authorization: `Bearer ${h1.token}` },
  });
  expect(gone.status).toBe(200);
  expect((await nssv(['destroy', '-auto-approve'], configDir)).code).toBe(0);
});
