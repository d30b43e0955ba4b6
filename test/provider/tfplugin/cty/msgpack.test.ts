import { decode as rawDecode, encode as rawEncode, ExtData } from '@msgpack/msgpack';
import { decodeMsgpack, encodeMsgpack } from '../../../../provider/tfplugin/cty/msgpack.js';
import type { CtyType } from '../../../../provider/tfplugin/cty/types.js';
import { Unknown } from '../../../../provider/tfplugin/cty/unknown.js';
import type { TfObject } from '../../../../provider/tfplugin/cty/value.js';

const vm: CtyType = [
  'object',
  {
    name: 'string',
    memory_mib: 'number',
    power_state: 'string',
    tags: ['map', 'string'],
    disk: ['list', ['object', { volume_id: 'string', boot_order: 'number' }]],
  },
];

describe('msgpack values (cty)', () => {
  it('GIVEN an unknown (ext 0) WHEN decoded and encoded again THEN it goes back as ext 0', () => {
    const bytes = rawEncode({
      name: new ExtData(0, new Uint8Array(0)),
      memory_mib: 128,
      power_state: null,
      tags: {},
      disk: [],
    });
    const v = decodeMsgpack(bytes, vm) as TfObject;
    expect(v.name).toBeInstanceOf(Unknown);
    const back = rawDecode(encodeMsgpack(v, vm)) as Record<string, unknown>;
    expect(back.name).toEqual(new ExtData(0, new Uint8Array(0)));
  });

  it('GIVEN a refined unknown (ext 12, prefix "web") WHEN passed through THEN its bytes are intact', () => {
    const refinement = rawEncode({ 2: 'web' });
    const bytes = rawEncode({
      name: new ExtData(12, refinement),
      memory_mib: 1,
      power_state: 'running',
      tags: {},
      disk: [],
    });
    const back = rawDecode(encodeMsgpack(decodeMsgpack(bytes, vm), vm)) as Record<string, ExtData>;
    expect(back.name!.type).toBe(12);
    expect(Buffer.from(back.name!.data as Uint8Array)).toEqual(Buffer.from(refinement));
  });

  it('GIVEN numbers sent as strings WHEN decoded THEN they are numbers', () => {
    const bytes = rawEncode({
      name: 'web1',
      memory_mib: '2048',
      power_state: null,
      tags: null,
      disk: [{ volume_id: 'v', boot_order: '1' }],
    });
    const v = decodeMsgpack(bytes, vm) as TfObject;
    expect(v.memory_mib).toBe(2048);
    expect(v.disk).toEqual([{ volume_id: 'v', boot_order: 1 }]);
  });

  it('GIVEN an object missing attributes WHEN encoded THEN every attribute of its type is there, null when unset', () => {
    const back = rawDecode(encodeMsgpack({ name: 'web1', disk: [{ volume_id: 'v' }] }, vm));
    expect(back).toEqual({
      name: 'web1',
      memory_mib: null,
      power_state: null,
      tags: null,
      disk: [{ volume_id: 'v', boot_order: null }],
    });
  });

  it('GIVEN a string where a number belongs that is no number WHEN decoded THEN it fails naming the path', () => {
    const bytes = rawEncode({ name: 'x', memory_mib: 'lots', power_state: null, tags: null, disk: [] });
    expect(() => decodeMsgpack(bytes, vm)).toThrow('expected a number, got "lots"');
  });
});
