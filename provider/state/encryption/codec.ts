import { createCipheriv, createDecipheriv, pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type {
  EncryptionSettings,
  Pbkdf2Settings,
  TargetSettings,
} from '../../../planner/config/stateSettings.js';
import { encryptionErrors as E } from './errors.js';

const derive = promisify(pbkdf2);

/** An encrypted state or plan file: the ciphertext plus what is needed to derive its key again. */
export interface Envelope {
  encryption_version: 'v0';
  /** Kept in clear so history and staleness checks need no key. */
  serial?: number;
  lineage?: string;
  method: string;
  meta: Record<string, { salt: string; iterations: number; hash_function: string; key_length: number }>;
  /** base64 of nonce (12) + ciphertext + tag (16), AES-GCM */
  encrypted_data: string;
}

function isEnvelope(o: unknown): o is Envelope {
  return typeof o === 'object' && o !== null && 'encryption_version' in o;
}

/**
 * Encrypts and decrypts state and plan files as OpenTofu's encryption block describes: writes
 * with `method`, reads with `method` or else `fallback` (key rotation, or the unencrypted
 * method while encrypting an existing state). AES-256-GCM with a key derived by PBKDF2 from
 * the passphrase and a random salt that is stored beside the ciphertext.
 */
export class Codec {
  private readonly keys = new Map<string, Promise<Buffer>>();
  private salts = new Map<string, Buffer>();

  constructor(
    private readonly what: 'state' | 'plan file',
    private readonly enc: EncryptionSettings | undefined,
    private readonly target: TargetSettings | undefined,
  ) {}

  get encrypts(): boolean {
    return this.target !== undefined && this.methodType(this.target.method) === 'aes_gcm';
  }

  private methodType(ref: string): string {
    return this.enc?.methods[ref]?.type ?? ref.split('.')[0]!;
  }

  private provider(methodRef: string): Pbkdf2Settings {
    const keys = this.enc!.methods[methodRef]!.keys!;
    return this.enc!.keyProviders[keys]!;
  }

  private key(
    p: Pbkdf2Settings,
    salt: Buffer,
    iterations: number,
    hash: string,
    length: number,
  ): Promise<Buffer> {
    const k = `${p.name}|${salt.toString('base64')}|${iterations}|${hash}|${length}|${p.passphrase.length}`;
    let v = this.keys.get(k);
    if (!v) {
      v = derive(p.passphrase, salt, iterations, length, hash);
      this.keys.set(k, v);
    }
    return v;
  }

  /** The text to store for this plain JSON. */
  async encode(plain: string, version?: { serial: number; lineage: string }): Promise<string> {
    if (!this.target || !this.encrypts) return plain;
    const methodRef = this.target.method;
    const p = this.provider(methodRef);
    let salt = this.salts.get(p.name);
    if (!salt) {
      salt = randomBytes(p.saltLength);
      this.salts.set(p.name, salt);
    }
    const key = await this.key(p, salt, p.iterations, p.hashFunction, p.keyLength);
    const nonce = randomBytes(12);
    const c = createCipheriv(`aes-${p.keyLength * 8}-gcm` as 'aes-256-gcm', key, nonce);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
    const env: Envelope = {
      encryption_version: 'v0',
      ...(version ?? {}),
      method: methodRef,
      meta: {
        [`key_provider.${this.enc!.methods[methodRef]!.keys!}`]: {
          salt: salt.toString('base64'),
          iterations: p.iterations,
          hash_function: p.hashFunction,
          key_length: p.keyLength,
        },
      },
      encrypted_data: Buffer.concat([nonce, body]).toString('base64'),
    };
    return JSON.stringify(env) + '\n';
  }

  /**
   * Without encryption settings, stored text is plain JSON and only an envelope is refused: the
   * reader parses the text once and hands the value here (instead of decode, which would search the
   * whole text for an envelope). Undefined: settings are given, use decode.
   */
  plainCheck(): ((value: unknown, where: string) => void) | undefined {
    if (this.target) return undefined;
    return (value, where) => {
      if (isEnvelope(value)) throw E.encryptedWithoutKey(this.what, where);
    };
  }

  /** The plain JSON of stored text; typed errors for a wrong key, a missing key or a refused plain file. */
  async decode(text: string, where: string): Promise<string> {
    // Without encryption settings only an envelope is refused, and an envelope names its version:
    // a large plain state is not parsed twice (here and by its reader).
    if (!this.target && !text.includes('"encryption_version"')) return text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text; // not JSON at all: the state reader reports it as corrupt
    }
    const methods = this.target
      ? [this.target.method, ...(this.target.fallback ? [this.target.fallback] : [])]
      : [];
    if (!isEnvelope(parsed)) {
      if (!this.target || methods.some((m) => this.methodType(m) === 'unencrypted')) return text;
      throw E.notEncrypted(this.what, where);
    }
    const gcm = methods.filter((m) => this.methodType(m) === 'aes_gcm');
    if (gcm.length === 0) throw E.encryptedWithoutKey(this.what, where);
    if (parsed.encryption_version !== 'v0' || typeof parsed.encrypted_data !== 'string')
      throw E.badEnvelope(
        this.what,
        where,
        `has version ${JSON.stringify(parsed.encryption_version)} (expected "v0")`,
      );
    const data = Buffer.from(parsed.encrypted_data, 'base64');
    if (data.length < 12 + 16) throw E.badEnvelope(this.what, where, 'holds no ciphertext');
    for (const m of gcm) {
      const p = this.provider(m);
      const meta = parsed.meta?.[`key_provider.${this.enc!.methods[m]!.keys!}`];
      // a rotated key may have a new name: try each stored salt with this passphrase
      const candidates = meta ? [meta] : Object.values(parsed.meta ?? {});
      for (const md of candidates) {
        try {
          const key = await this.key(
            p,
            Buffer.from(md.salt, 'base64'),
            md.iterations,
            md.hash_function,
            md.key_length,
          );
          const d = createDecipheriv(
            `aes-${md.key_length * 8}-gcm` as 'aes-256-gcm',
            key,
            data.subarray(0, 12),
          );
          d.setAuthTag(data.subarray(data.length - 16));
          return Buffer.concat([d.update(data.subarray(12, data.length - 16)), d.final()]).toString('utf8');
        } catch {
          // wrong key: try the next
        }
      }
    }
    throw E.decryptFailed(this.what, where, gcm);
  }
}
