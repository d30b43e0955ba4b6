import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs/light.js';
import { descriptor } from '../proto/descriptor.js';

let root: protobuf.Root | undefined;

/** The compiled protocol (from the precompiled descriptor: no .proto parsing at start-up). */
export function protoRoot(): protobuf.Root {
  root ??= protobuf.Root.fromJSON(descriptor as unknown as protobuf.INamespace);
  return root;
}

/** Plain objects with the proto's snake_case field names; bytes as Buffer; enums as numbers. */
export type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** int64 as numbers (schema versions, list indexes), bytes as Buffers, every field present. */
const TO_OBJECT: protobuf.IConversionOptions = { defaults: true, longs: Number };

/** A grpc-js service definition for a service of the descriptor ("tfplugin6.Provider"). */
export function serviceDefinition(fullName: string): ServiceDefinition {
  const service = protoRoot().lookupService(fullName);
  const def: Record<string, MethodDefinition<Msg, Msg>> = {};
  for (const m of Object.values(service.methods)) {
    m.resolve();
    const req = m.resolvedRequestType!;
    const res = m.resolvedResponseType!;
    def[m.name] = {
      path: `/${fullName}/${m.name}`,
      requestStream: false,
      responseStream: false,
      requestSerialize: (v: Msg) => Buffer.from(req.encode(req.fromObject(v)).finish()),
      requestDeserialize: (b: Buffer) => req.toObject(req.decode(b), TO_OBJECT) as Msg,
      responseSerialize: (v: Msg) => Buffer.from(res.encode(res.fromObject(v)).finish()),
      responseDeserialize: (b: Buffer) => res.toObject(res.decode(b), TO_OBJECT) as Msg,
    };
  }
  return def as ServiceDefinition;
}
