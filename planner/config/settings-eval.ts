import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Attribute, Block, Expr } from '../hcl/ast.js';
import { convert } from '../eval/convert.js';
import { BOOL, NUMBER, STRING } from '../eval/types.js';
import { BigNum } from '../eval/number.js';
import { isWhollyKnown, type Value } from '../eval/value.js';
import { decodeArguments } from './decodeArguments.js';
import { configErrors as E } from './errors.js';
import type { ModuleEvaluator } from './module-eval.js';
import { settingsErrors as S } from './settings-errors.js';
import type {
  BackendSettings,
  EncryptionSettings,
  MethodSettings,
  Pbkdf2Settings,
  StateSettings,
  TargetSettings,
} from './stateSettings.js';

const BACKEND_ARGS = [
  'conn_str',
  'schema_name',
  'skip_schema_creation',
  'skip_table_creation',
  'skip_index_creation',
];

/** The reference text of `key_provider.pbkdf2.k` / `method.aes_gcm.m`, as "pbkdf2.k". */
function refText(e: Expr, root: string): string | undefined {
  if (e.t === 'getattr' && e.obj.t === 'getattr' && e.obj.obj.t === 'var' && e.obj.obj.name === root)
    return `${e.obj.name}.${e.name}`;
  return undefined;
}

function jsValue(v: Value): unknown {
  if (typeof v.v === 'string' || typeof v.v === 'boolean') return v.v;
  if (v.v instanceof BigNum) return Number(v.v.toString());
  return undefined;
}

/** The backend block: literal values only, as in Terraform. */
function decodeBackend(
  b: Block,
  ev: ModuleEvaluator,
  env: Record<string, string | undefined>,
  diags: Diagnostic[],
): BackendSettings {
  const out: BackendSettings = {
    type: 'pg',
    range: b.typeRange,
    schemaName: env.PG_SCHEMA_NAME ?? 'nssv_remote_state',
  };
  for (const a of b.body.attributes) {
    if (!BACKEND_ARGS.includes(a.name)) {
      diags.push(E.unsupportedArgument(a.nameRange, a.name, 'in a backend "pg" block', BACKEND_ARGS));
      continue;
    }
    const isBool = a.name.startsWith('skip_');
    const v = literal(a, ev, isBool ? 'bool' : 'string', 'backend "pg"', diags);
    if (v === undefined) continue;
    if (a.name === 'conn_str') out.connStr = v as string;
    else if (a.name === 'schema_name') out.schemaName = v as string;
    else if (a.name === 'skip_schema_creation') out.skipSchemaCreation = v as boolean;
    else if (a.name === 'skip_table_creation') out.skipTableCreation = v as boolean;
  }
  out.connStr ??= env.PG_CONN_STR;
  if (!out.connStr) diags.push(S.pgNoConnStr(b.typeRange));
  return out;
}

function literal(
  a: Attribute,
  ev: ModuleEvaluator,
  want: 'string' | 'bool',
  block: string,
  diags: Diagnostic[],
): unknown {
  const before = diags.length;
  const v = ev.evalReported(a.expr, ev.bareCtx());
  if (diags.length > before || !isWhollyKnown(v)) {
    diags.splice(before);
    diags.push(
      S.notLiteral(a.expr.range, block, a.name, want === 'bool' ? 'true or false' : 'a literal string'),
    );
    return undefined;
  }
  return typed(a, v, want === 'bool' ? 'bool' : 'string', diags);
}

function typed(a: Attribute, v: Value, want: 'string' | 'bool' | 'number', diags: Diagnostic[]): unknown {
  try {
    return jsValue(convert(v, want === 'bool' ? BOOL : want === 'number' ? NUMBER : STRING));
  } catch {
    diags.push(S.badValue(a.expr.range, `value for "${a.name}"`, 'not a ' + want, `a ${want}`));
    return undefined;
  }
}

function attr(b: Block, name: string): Attribute | undefined {
  return b.body.attributes.find((a) => a.name === name);
}

/** Evaluates (variables and locals allowed, as in OpenTofu) and checks terraform { encryption { … } }. */
function decodeEncryption(b: Block, ev: ModuleEvaluator, diags: Diagnostic[]): EncryptionSettings {
  const enc: EncryptionSettings = { keyProviders: {}, methods: {} };
  const value = (a: Attribute, want: 'string' | 'number' | 'bool'): unknown => {
    const v = ev.evalReported(a.expr);
    if (!isWhollyKnown(v)) return undefined;
    return typed(a, v, want, diags);
  };
  const refs: Array<{ kind: 'key provider' | 'method'; ref: string; range: SourceRange }> = [];
  for (const nb of b.body.blocks) {
    if (nb.type === 'key_provider') {
      const [type = '', name = ''] = nb.labels;
      if (type !== 'pbkdf2') {
        diags.push(S.unsupported(nb.typeRange, 'key provider', type, ['pbkdf2']));
        continue;
      }
      const p: Pbkdf2Settings = {
        type,
        name,
        passphrase: '',
        keyLength: 32,
        iterations: 600000,
        saltLength: 32,
        hashFunction: 'sha512',
      };
      const lengths = (a: Attribute): void => {
        const n = value(a, 'number');
        if (typeof n !== 'number') return;
        if (a.name === 'key_length' && ![16, 24, 32].includes(n))
          diags.push(S.badValue(a.expr.range, 'key_length', String(n), '16, 24 or 32 (bytes of an AES key)'));
        else if (a.name === 'iterations' && (n < 200000 || !Number.isInteger(n)))
          diags.push(S.badValue(a.expr.range, 'iterations', String(n), 'a whole number of at least 200000'));
        else if (a.name === 'salt_length' && (n < 1 || !Number.isInteger(n)))
          diags.push(
            S.badValue(a.expr.range, 'salt_length', String(n), 'a whole number of bytes, at least 1'),
          );
        else if (a.name === 'key_length') p.keyLength = n;
        else if (a.name === 'iterations') p.iterations = n;
        else p.saltLength = n;
      };
      decodeArguments(
        nb.body.attributes,
        'in a key_provider "pbkdf2" block',
        {
          passphrase: (a) => {
            const s = value(a, 'string');
            if (typeof s === 'string' && s.length < 16)
              diags.push(
                S.badValue(
                  a.expr.range,
                  'passphrase',
                  `${s.length} characters (the value is not shown)`,
                  'at least 16 characters',
                ),
              );
            if (typeof s === 'string') p.passphrase = s;
          },
          key_length: lengths,
          iterations: lengths,
          salt_length: lengths,
          hash_function: (a) => {
            const h = value(a, 'string');
            if (h === 'sha256' || h === 'sha512') p.hashFunction = h;
            else if (typeof h === 'string')
              diags.push(S.badValue(a.expr.range, 'hash_function', JSON.stringify(h), '"sha256", "sha512"'));
          },
        },
        diags,
      );
      if (!attr(nb, 'passphrase'))
        diags.push(
          E.unsupportedArgument(
            nb.typeRange,
            'passphrase',
            'missing: the pbkdf2 key provider needs a passphrase',
            [],
          ),
        );
      enc.keyProviders[`pbkdf2.${name}`] = p;
    } else if (nb.type === 'method') {
      const [type = '', name = ''] = nb.labels;
      if (type !== 'aes_gcm' && type !== 'unencrypted') {
        diags.push(S.unsupported(nb.typeRange, 'method', type, ['aes_gcm', 'unencrypted']));
        continue;
      }
      const m: MethodSettings = { type, name };
      for (const a of nb.body.attributes) {
        if (type === 'aes_gcm' && a.name === 'keys') {
          const r = refText(a.expr, 'key_provider');
          if (!r)
            diags.push(
              S.badValue(a.expr.range, 'keys', 'not a key provider reference', 'key_provider.pbkdf2.NAME'),
            );
          else {
            m.keys = r;
            refs.push({ kind: 'key provider', ref: r, range: a.expr.range });
          }
        } else
          diags.push(
            E.unsupportedArgument(
              a.nameRange,
              a.name,
              `in a method "${type}" block`,
              type === 'aes_gcm' ? ['keys'] : [],
            ),
          );
      }
      if (type === 'aes_gcm' && !m.keys)
        diags.push(
          S.badValue(
            nb.typeRange,
            `method "aes_gcm" "${name}"`,
            'no keys',
            'keys = key_provider.pbkdf2.NAME',
          ),
        );
      enc.methods[`${type}.${name}`] = m;
    } else if (nb.type === 'state' || nb.type === 'plan') {
      const t: TargetSettings = { method: '', enforced: false };
      for (const a of nb.body.attributes) {
        if (a.name === 'method') {
          const r = refText(a.expr, 'method');
          if (!r)
            diags.push(
              S.badValue(
                a.expr.range,
                'method',
                'not a method reference',
                'method.aes_gcm.NAME or method.unencrypted.NAME',
              ),
            );
          else {
            t.method = r;
            refs.push({ kind: 'method', ref: r, range: a.expr.range });
          }
        } else if (a.name === 'enforced') t.enforced = value(a, 'bool') === true;
        else
          diags.push(
            E.unsupportedArgument(a.nameRange, a.name, `in a ${nb.type} block`, ['method', 'enforced']),
          );
      }
      for (const fb of nb.body.blocks) {
        const ma = fb.type === 'fallback' ? attr(fb, 'method') : undefined;
        const r = ma && refText(ma.expr, 'method');
        if (fb.type !== 'fallback')
          diags.push(E.unsupportedBlock(fb.typeRange, fb.type, `in a ${nb.type} block`, ['fallback']));
        else if (!r)
          diags.push(
            S.badValue(
              fb.typeRange,
              'fallback',
              'no method reference',
              'fallback { method = method.aes_gcm.NAME }',
            ),
          );
        else {
          t.fallback = r;
          refs.push({ kind: 'method', ref: r, range: ma!.expr.range });
        }
      }
      if (!t.method)
        diags.push(S.badValue(nb.typeRange, `${nb.type} block`, 'no method', 'method = method.aes_gcm.NAME'));
      else if (t.enforced && t.method.startsWith('unencrypted.'))
        diags.push(S.enforcedUnencrypted(nb.typeRange, nb.type));
      enc[nb.type] = t;
    } else {
      diags.push(
        E.unsupportedBlock(nb.typeRange, nb.type, 'in an encryption block', [
          'key_provider',
          'method',
          'state',
          'plan',
        ]),
      );
    }
  }
  for (const a of b.body.attributes)
    diags.push(E.unsupportedArgument(a.nameRange, a.name, 'in an encryption block', []));
  for (const r of refs) {
    const table = r.kind === 'method' ? enc.methods : enc.keyProviders;
    if (!table[r.ref])
      diags.push(
        S.unknownRef(
          r.range,
          r.kind,
          `${r.kind === 'method' ? 'method' : 'key_provider'}.${r.ref}`,
          Object.keys(table).map((k) => (r.kind === 'method' ? 'method.' : 'key_provider.') + k),
        ),
      );
  }
  return enc;
}

/** Backend and encryption of the root module (child modules' terraform blocks are ignored, as in Terraform). */
export function evaluateStateSettings(
  blocks: { backend?: Block; encryption?: Block },
  ev: ModuleEvaluator,
  env: Record<string, string | undefined>,
  diags: Diagnostic[],
): StateSettings {
  return {
    backend: blocks.backend ? decodeBackend(blocks.backend, ev, env, diags) : { type: 'local' },
    ...(blocks.encryption ? { encryption: decodeEncryption(blocks.encryption, ev, diags) } : {}),
  };
}
