import { validateInstances } from '../../../planner/validate/validateInstances.js';
import { unknownValue } from '../../../core/values.js';
import { at, instance } from './instance.js';

const vm = (attrs: Record<string, unknown> = {}, opts = {}) =>
  instance('nssv_vm.web', { name: 'web', cluster_id: 'c1', ...attrs } as never, opts);

describe('validateInstances', () => {
  it('GIVEN a valid VM WHEN validated THEN reports nothing', () => {
    expect(validateInstances([vm({ vcpus: 2, memory_mib: 1024, disk: [{ volume_id: 'v' }] })])).toEqual([]);
  });

  it('GIVEN a misspelled argument WHEN validated THEN suggests the closest name, at its range', () => {
    const [d, ...rest] = validateInstances([vm({ memory_mb: 1024 }, { ranges: { memory_mb: at(4) } })]);
    expect(rest).toEqual([]);
    expect(d).toEqual({
      severity: 'error',
      code: 'NSSV_SCHEMA_UNKNOWN_ATTRIBUTE',
      address: 'nssv_vm.web',
      attribute: 'memory_mb',
      summary: 'Unsupported argument "memory_mb" in nssv_vm.web: did you mean "memory_mib"?',
      detail: 'nssv_vm has no argument named "memory_mb". Fix: rename "memory_mb" to "memory_mib".',
      range: at(4),
    });
  });

  it('GIVEN a value below the minimum WHEN validated THEN says the value, the allowed range with unit and the fix', () => {
    const [d] = validateInstances([vm({ memory_mib: 32 }, { ranges: { memory_mib: at(5, 16) } })]);
    expect(d?.code).toBe('NSSV_SCHEMA_RANGE');
    expect(`${d?.summary} ${d?.detail}`).toBe(
      'nssv_vm.web: memory_mib = 32 is below the minimum 64. Allowed: 64–1048576 MiB. Fix: set memory_mib to at least 64.',
    );
    expect(d?.range).toEqual(at(5, 16));
  });

  it('GIVEN a value above the maximum WHEN validated THEN reports NSSV_SCHEMA_RANGE', () => {
    const [d] = validateInstances([vm({ vcpus: 65 })]);
    expect(`${d?.code} ${d?.summary} ${d?.detail}`).toBe(
      'NSSV_SCHEMA_RANGE nssv_vm.web: vcpus = 65 is above the maximum 64. Allowed: 1–64. Fix: set vcpus to at most 64.',
    );
  });

  it('GIVEN a misspelled enum value WHEN validated THEN lists the allowed values and suggests one', () => {
    const [d] = validateInstances([vm({ power_state: 'runing' })]);
    expect(d?.code).toBe('NSSV_SCHEMA_ENUM');
    expect(d?.summary).toBe('nssv_vm.web: power_state = "runing" is not an allowed value.');
    expect(d?.detail).toBe(
      'Allowed: "running", "shutoff", "paused". Did you mean "running"? Fix: set power_state to "running".',
    );
  });

  it('GIVEN a quoted number WHEN validated THEN says to remove the quotes', () => {
    const [d] = validateInstances([vm({ vcpus: '4' })]);
    expect(d?.code).toBe('NSSV_SCHEMA_TYPE');
    expect(d?.summary).toBe('nssv_vm.web: vcpus = "4" is a string, but it must be a whole number.');
    expect(d?.detail).toBe('Allowed: a whole number, 1–64. Fix: remove the quotes: vcpus = 4.');
  });

  it('GIVEN a fractional number for an integer WHEN validated THEN suggests rounding', () => {
    const [d] = validateInstances([vm({ vcpus: 2.5 })]);
    expect(d?.detail).toBe('Allowed: a whole number, 1–64. Fix: use a whole number, e.g. vcpus = 3.');
  });

  it('GIVEN a missing required argument WHEN validated THEN points at the block and describes the argument', () => {
    const d = validateInstances([instance('nssv_vm.web', { name: 'web' }, { range: at(7, 1) })]);
    expect(d).toEqual([
      {
        severity: 'error',
        code: 'NSSV_SCHEMA_MISSING_ATTRIBUTE',
        address: 'nssv_vm.web',
        attribute: 'cluster_id',
        summary: 'Missing required argument "cluster_id" in nssv_vm.web.',
        detail: 'cluster_id: The cluster the VM runs in. Fix: add cluster_id = … to the resource block.',
        range: at(7, 1),
      },
    ]);
  });

  it('GIVEN errors inside a nested block WHEN validated THEN paths name the block item, and a misspelled required argument is reported once', () => {
    const d = validateInstances([
      vm(
        { disk: [{ volume_id: 'a' }, { volume: 'b' }, {}] },
        { ranges: { 'disk[1]': at(9), 'disk[1].volume': at(10, 5), 'disk[2]': at(12) } },
      ),
    ]);
    expect(d.map((x) => [x.code, x.attribute, x.summary, x.range])).toEqual([
      [
        'NSSV_SCHEMA_UNKNOWN_ATTRIBUTE',
        'disk[1].volume',
        'Unsupported argument "volume" in disk[1] of nssv_vm.web: did you mean "volume_id"?',
        at(10, 5),
      ],
      [
        'NSSV_SCHEMA_MISSING_ATTRIBUTE',
        'disk[2].volume_id',
        'Missing required argument "volume_id" in disk[2] of nssv_vm.web.',
        at(12),
      ],
    ]);
  });

  it('GIVEN an argument unlike any other WHEN validated THEN lists the accepted arguments', () => {
    const [d] = validateInstances([instance('nssv_datacenter.dc', { name: 'dc', zzz: 1 })]);
    expect(d?.summary).toBe('Unsupported argument "zzz" in nssv_datacenter.dc.');
    expect(d?.detail).toBe(
      'nssv_datacenter has no argument named "zzz". Accepted here: name, description. Fix: remove "zzz".',
    );
  });

  it('GIVEN a misspelled block type WHEN validated THEN says block type', () => {
    const [d] = validateInstances([vm({ disks: [{ volume_id: 'a' }] })]);
    expect(d?.summary).toBe('Unsupported block type "disks" in nssv_vm.web: did you mean "disk"?');
  });

  it('GIVEN a name breaking its pattern WHEN validated THEN explains the rule in words and proposes a fixed name', () => {
    const [d] = validateInstances([vm({ name: 'Web_1' })]);
    expect(d?.code).toBe('NSSV_SCHEMA_PATTERN');
    expect(d?.summary).toBe('nssv_vm.web: name = "Web_1" is not a valid name.');
    expect(d?.detail).toBe(
      "Rule: use lower-case letters, digits and '-', start with a letter, at most 63 characters. " +
        'Fix: change name to follow the rule, e.g. "web-1".',
    );
  });

  it('GIVEN a read-only attribute set WHEN validated THEN reports NSSV_SCHEMA_READ_ONLY', () => {
    const d = validateInstances([vm({ uuid: 'x' }, { ranges: { uuid: at(3) } })]);
    expect(d).toEqual([
      {
        severity: 'error',
        code: 'NSSV_SCHEMA_READ_ONLY',
        address: 'nssv_vm.web',
        attribute: 'uuid',
        summary: 'nssv_vm.web: uuid cannot be set: nssv computes it.',
        detail:
          'uuid: libvirt domain UUID; unchanged by in-place updates. It is read-only. Read it as nssv_vm.web.uuid. ' +
          'Fix: remove uuid from the resource block.',
        range: at(3),
      },
    ]);
  });

  it('GIVEN a sensitive attribute with a bad value WHEN validated THEN the value is never echoed', () => {
    const h = instance('nssv_host.h1', {
      name: 'h1',
      cluster_id: 'c1',
      endpoint: 'http://10.0.0.1:7400',
      token: 'hunter2',
    });
    const [d] = validateInstances([h]);
    expect(d?.summary).toBe('nssv_host.h1: token = (sensitive value) is too short.');
    expect(JSON.stringify(d)).not.toContain('hunter2');
  });

  it('GIVEN a value marked sensitive by the evaluator WHEN validated THEN it is not echoed either', () => {
    const [d] = validateInstances([vm({ power_state: 'secret-state' }, { sensitivePaths: ['power_state'] })]);
    expect(d?.summary).toBe('nssv_vm.web: power_state = (sensitive value) is not an allowed value.');
    expect(JSON.stringify(d)).not.toContain('secret-state');
  });

  it('GIVEN unknown values WHEN validated THEN they satisfy every constraint', () => {
    const d = validateInstances([
      vm({
        cluster_id: unknownValue,
        vcpus: unknownValue,
        disk: [{ volume_id: unknownValue }],
        nic: unknownValue,
      } as never),
      instance('nssv_distributed_switch.s', {
        name: 's',
        datacenter_id: 'd',
        cluster_ids: [unknownValue, unknownValue],
      } as never),
    ]);
    expect(d).toEqual([]);
  });

  it('GIVEN an unknown resource type WHEN validated THEN suggests the closest type', () => {
    const [d] = validateInstances([instance('nssv_mv.x', {})]);
    expect(d?.code).toBe('NSSV_SCHEMA_UNKNOWN_RESOURCE_TYPE');
    expect(d?.summary).toBe('Unknown resource type "nssv_mv" in nssv_mv.x: did you mean "nssv_vm"?');
  });

  it('GIVEN two VMs with the same name WHEN validated THEN NSSV_DUPLICATE_NAME names both addresses and ranges', () => {
    const d = validateInstances([
      instance('nssv_vm.a', { name: 'web', cluster_id: 'c1' }, { ranges: { name: at(2, 10) } }),
      instance('nssv_vm.b', { name: 'web', cluster_id: 'c1' }, { ranges: { name: at(8, 10) } }),
      instance('nssv_cluster.web', { name: 'web', datacenter_id: 'd' }),
    ]);
    expect(d).toEqual([
      {
        severity: 'error',
        code: 'NSSV_DUPLICATE_NAME',
        address: 'nssv_vm.b',
        attribute: 'name',
        summary: 'Duplicate name "web" for nssv_vm: nssv_vm.a and nssv_vm.b both use it.',
        detail:
          'The name of a nssv_vm is its id and must be unique. nssv_vm.a sets name = "web" at main.tf:2:10; ' +
          'nssv_vm.b sets it at main.tf:8:10. Fix: give each a different name (with count or for_each, include count.index or each.key).',
        range: at(8, 10),
      },
    ]);
  });

  it('GIVEN several problems WHEN validated THEN all are reported together', () => {
    const d = validateInstances([vm({ vcpus: 0, memory_mib: 10, power_state: 'on' })]);
    expect(d.map((x) => `${x.code} ${x.attribute}`)).toEqual([
      'NSSV_SCHEMA_RANGE vcpus',
      'NSSV_SCHEMA_RANGE memory_mib',
      'NSSV_SCHEMA_ENUM power_state',
    ]);
  });

  it('GIVEN a duplicated list item WHEN validated THEN NSSV_SCHEMA_UNIQUE names both positions', () => {
    const [d] = validateInstances([
      instance('nssv_distributed_switch.s', { name: 's', datacenter_id: 'd', cluster_ids: ['a', 'a'] }),
    ]);
    expect(`${d?.code} ${d?.summary}`).toBe(
      'NSSV_SCHEMA_UNIQUE nssv_distributed_switch.s: cluster_ids lists "a" twice (items 0 and 1).',
    );
  });

  it('GIVEN an empty required list WHEN validated THEN NSSV_SCHEMA_COUNT', () => {
    const [d] = validateInstances([
      instance('nssv_distributed_switch.s', { name: 's', datacenter_id: 'd', cluster_ids: [] }),
    ]);
    expect(`${d?.code} ${d?.summary} ${d?.detail}`).toBe(
      'NSSV_SCHEMA_COUNT nssv_distributed_switch.s: cluster_ids has 0 items, but at least 1 is required. ' +
        'Allowed: at least 1 item. Fix: add items until there are at least 1.',
    );
  });
});
