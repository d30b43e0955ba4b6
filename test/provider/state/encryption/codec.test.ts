import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticsError } from '../../../../core/diagnostic.js';
import type { EncryptionSettings, TargetSettings } from '../../../../planner/config/stateSettings.js';
import { LocalBackend } from '../../../../provider/state/backends/localBackend.js';
import { Codec } from '../../../../provider/state/encryption/codec.js';
import { StateStore } from '../../../../provider/state/store.js';

const TOKEN = 'tok-5f1e0c2a9b7d4e3f8a6c1b0d2e4f6a8c';

function enc(passphrases: Record<string, string>): EncryptionSettings {
  const e: EncryptionSettings = {
    keyProviders: {},
    methods: { 'unencrypted.migrate': { type: 'unencrypted', name: 'migrate' } },
  };
  for (const [name, passphrase] of Object.entries(passphrases)) {
    e.keyProviders[`pbkdf2.${name}`] = {
      type: 'pbkdf2',
      name,
      passphrase,
      keyLength: 32,
      iterations: 200000,
      saltLength: 32,
      hashFunction: 'sha512',
    };
    e.methods[`aes_gcm.${name}`] = { type: 'aes_gcm', name, keys: `pbkdf2.${name}` };
  }
  return e;
}
const target = (method: string, fallback?: string): TargetSettings => ({
  method,
  enforced: false,
  ...(fallback ? { fallback } : {}),
});
const state = (serial: number) => ({
  version: 2 as const,
  serial,
  lineage: 'L1',
  resources: [
    {
      address: 'nssv_host.h1',
      type: 'nssv_host',
      attributes: { name: 'h1', token: TOKEN },
      dependencies: [],
      sensitivePaths: ['token'],
    },
  ],
});
const code = async (p: Promise<unknown>) =>
  ((await p.catch((e: unknown) => e)) as DiagnosticsError).diagnostics[0]!.code;

describe('Codec (state encryption at rest)', () => {
  test('GIVEN aes_gcm with a pbkdf2 key WHEN a state is written THEN the bytes hold no secret and read back equal', async () => {
    const c = new Codec('state', enc({ k: 'correct horse battery staple' }), target('aes_gcm.k'));
    const plain = JSON.stringify(state(3));
    const text = await c.encode(plain, { serial: 3, lineage: 'L1' });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('nssv_host');
    expect(JSON.parse(text)).toMatchObject({
      encryption_version: 'v0',
      serial: 3,
      lineage: 'L1',
      method: 'aes_gcm.k',
    });
    expect(await c.decode(text, 'F')).toBe(plain);
  });

  test('GIVEN the wrong passphrase THEN decode fails with NSSV_STATE_DECRYPT_FAILED naming the method', async () => {
    const text = await new Codec(
      'state',
      enc({ k: 'correct horse battery staple' }),
      target('aes_gcm.k'),
    ).encode('{}');
    const wrong = new Codec('state', enc({ k: 'incorrect horse battery staple' }), target('aes_gcm.k'));
    const err = (await wrong.decode(text, '/x/nssv.tfstate').catch((e: unknown) => e)) as DiagnosticsError;
    expect(err.diagnostics[0]).toMatchObject({
      code: 'NSSV_STATE_DECRYPT_FAILED',
      summary: 'the state /x/nssv.tfstate cannot be decrypted with method.aes_gcm.k: wrong passphrase or key',
    });
  });

  test('GIVEN a key rotation THEN the old key as fallback reads, and writes use the new key', async () => {
    const old = new Codec('state', enc({ old: 'the old passphrase is long' }), target('aes_gcm.old'));
    const text = await old.encode('{"a":1}');
    const rotated = new Codec(
      'state',
      enc({ old: 'the old passphrase is long', new: 'the new passphrase is longer' }),
      target('aes_gcm.new', 'aes_gcm.old'),
    );
    expect(await rotated.decode(text, 'F')).toBe('{"a":1}');
    const again = await rotated.encode('{"a":2}');
    expect(JSON.parse(again).method).toBe('aes_gcm.new');
    const newOnly = new Codec('state', enc({ new: 'the new passphrase is longer' }), target('aes_gcm.new'));
    expect(await newOnly.decode(again, 'F')).toBe('{"a":2}');
    expect(await code(newOnly.decode(text, 'F'))).toBe('NSSV_STATE_DECRYPT_FAILED');
  });

  test('GIVEN a plain state and encryption configured THEN it is refused unless the unencrypted method is the fallback', async () => {
    const strict = new Codec('state', enc({ k: 'correct horse battery staple' }), target('aes_gcm.k'));
    expect(await code(strict.decode('{"version":1}', 'F'))).toBe('NSSV_STATE_NOT_ENCRYPTED');
    const migrating = new Codec(
      'state',
      enc({ k: 'correct horse battery staple' }),
      target('aes_gcm.k', 'unencrypted.migrate'),
    );
    expect(await migrating.decode('{"version":1}', 'F')).toBe('{"version":1}');
  });

  test('GIVEN an encrypted state and no encryption configured THEN it is refused as encrypted', async () => {
    const text = await new Codec(
      'state',
      enc({ k: 'correct horse battery staple' }),
      target('aes_gcm.k'),
    ).encode('{}');
    expect(await code(new Codec('state', undefined, undefined).decode(text, 'F'))).toBe(
      'NSSV_STATE_ENCRYPTED',
    );
  });
});

describe('StateStore with encryption', () => {
  test('GIVEN an encrypted state WHEN a store with the wrong passphrase writes THEN it fails and the bytes are unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-enc-'));
    const path = join(dir, 'nssv.tfstate');
    const right = new StateStore(
      dir,
      new LocalBackend(path),
      new Codec('state', enc({ k: 'correct horse battery staple' }), target('aes_gcm.k')),
    );
    await right.replace(state(4));
    const before = readFileSync(path);
    expect(before.includes(TOKEN)).toBe(false);
    const wrong = new StateStore(
      dir,
      new LocalBackend(path),
      new Codec('state', enc({ k: 'incorrect horse battery staple' }), target('aes_gcm.k')),
    );
    expect(await code(wrong.read())).toBe('NSSV_STATE_DECRYPT_FAILED');
    expect(await code(wrong.write(state(4)))).toBe('NSSV_STATE_DECRYPT_FAILED');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await right.read()).toEqual(state(4));
  });

  test('GIVEN a plain state and the unencrypted fallback WHEN written THEN it is encrypted from then on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nssv-enc-'));
    const path = join(dir, 'nssv.tfstate');
    writeFileSync(path, JSON.stringify(state(1)));
    const s = new StateStore(
      dir,
      new LocalBackend(path),
      new Codec(
        'state',
        enc({ k: 'correct horse battery staple' }),
        target('aes_gcm.k', 'unencrypted.migrate'),
      ),
    );
    const next = await s.write(await s.read());
    expect(next.serial).toBe(2);
    expect(readFileSync(path, 'utf8')).not.toContain(TOKEN);
    expect(readFileSync(path, 'utf8')).toContain('"encryption_version":"v0"');
  });
});
