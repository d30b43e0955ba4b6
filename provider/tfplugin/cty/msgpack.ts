import { Decoder, Encoder, ExtensionCodec } from '@msgpack/msgpack';
import type { CtyType } from './types.js';
import { Unknown } from './unknown.js';
import { conform, type TfValue } from './value.js';

/** cty's msgpack extensions: 0 = unknown, 12 = unknown with refinements. */
const codec = new ExtensionCodec();
for (const type of [0, 12]) {
  codec.register({
    type,
    encode: (v: unknown) => (v instanceof Unknown && v.extType === type ? v.data : null),
    decode: (data: Uint8Array) => new Unknown(type, data.slice()),
  });
}

const decoder = new Decoder({ extensionCodec: codec, useBigInt64: false });
const encoder = new Encoder({ extensionCodec: codec, ignoreUndefined: false, forceIntegerToFloat: false });

export function decodeMsgpack(bytes: Uint8Array, t: CtyType): TfValue {
  if (bytes.length === 0) return null;
  return conform(decoder.decode(bytes), t);
}

/** Encodes by type, so every attribute of every object is present (null when absent). */
export function encodeMsgpack(v: TfValue, t: CtyType): Uint8Array {
  return encoder.encode(conform(v, t));
}
