import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBackend } from '../../../../provider/state/backends/localBackend.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nssv-local-backend-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalBackend.textTag', () => {
  const path = (): string => join(dir, 'nssv.tfstate');

  test('GIVEN the same file read twice THEN the same tag; GIVEN a write THEN another', async () => {
    const b = new LocalBackend(path());
    await b.writeText('{"serial":1}');
    await b.readText();
    const first = b.textTag;
    await b.readText();
    expect(b.textTag).toBe(first);
    await b.writeText('{"serial":1}'); // the same text, written again: another file
    await b.readText();
    expect([typeof first, b.textTag === first]).toEqual(['string', false]);
  });

  test('GIVEN the file edited in place, same size THEN another tag', async () => {
    const b = new LocalBackend(path());
    await b.writeText('{"serial":1,"a":1}');
    await b.readText();
    const first = b.textTag;
    await new Promise((r) => setTimeout(r, 20)); // past the file system's timestamp granularity
    writeFileSync(path(), '{"serial":1,"a":2}', { flag: 'r+' });
    await b.readText();
    expect(b.textTag).not.toBe(first);
  });

  test('GIVEN a change log beside the state THEN no tag; GIVEN no state THEN none', async () => {
    const b = new LocalBackend(path());
    expect([await b.readText(), b.textTag]).toEqual([undefined, undefined]);
    await b.writeText('{"serial":1}');
    writeFileSync(`${path()}.changes`, '{}\n');
    await b.readText();
    expect(b.textTag).toBeUndefined();
  });
});

describe('LocalBackend.storedTag', () => {
  const path = (): string => join(dir, 'nssv.tfstate');

  test("GIVEN a state written THEN the tag a read of it gives, without reading it; GIVEN another write THEN that one's", async () => {
    const b = new LocalBackend(path());
    await b.writeText('{"serial":1}');
    const stored = await b.storedTag();
    await b.readText();
    expect([typeof stored, stored === b.textTag]).toEqual(['string', true]);
    await b.writeText('{"serial":2}');
    const next = await b.storedTag();
    await b.readText();
    expect([next === stored, next === b.textTag]).toEqual([false, true]);
  });

  test('GIVEN a change log beside the state THEN none; GIVEN no state THEN none', async () => {
    const b = new LocalBackend(path());
    expect(await b.storedTag()).toBeUndefined();
    await b.writeText('{"serial":1}');
    writeFileSync(`${path()}.changes`, '{}\n');
    expect(await b.storedTag()).toBeUndefined();
  });
});

describe('LocalBackend.readText', () => {
  test('GIVEN no state file THEN there is no text', async () => {
    expect(await new LocalBackend(join(dir, 'nssv.tfstate')).readText()).toBeUndefined();
  });

  test('GIVEN a state with multi-byte characters across a large file THEN the text reads back as written', async () => {
    // Past readFile's 512 KiB chunks, with 2-, 3- and 4-byte UTF-8 sequences on both sides of them.
    const description = 'café — 東京 🚀 '.repeat(60_000);
    const text = JSON.stringify({ version: 2, serial: 1, lineage: 'L', resources: [], description });
    const path = join(dir, 'nssv.tfstate');
    writeFileSync(path, text, 'utf8');
    expect(statSync(path).size).toBeGreaterThan(1024 * 1024);
    expect(await new LocalBackend(path).readText()).toBe(text);
  });

  test('GIVEN a written text THEN the file holds it, mode 0600, and the previous one is the backup', async () => {
    const path = join(dir, 'nssv.tfstate');
    const b = new LocalBackend(path);
    await b.writeText('{"serial":1,"note":"première"}');
    await b.writeText('{"serial":2,"note":"zweite"}');
    expect(await b.readText()).toBe('{"serial":2,"note":"zweite"}');
    expect(readFileSync(`${path}.backup`, 'utf8')).toBe('{"serial":1,"note":"première"}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
