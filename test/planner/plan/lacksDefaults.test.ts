import { applyDefaults } from '../../../schemas/attributes.js';
import { resourceTypes } from '../../../schemas/registry.js';
import { lacksDefaults } from '../../../planner/plan/lacksDefaults.js';

const vm = applyDefaults('nssv_vm', {
  name: 'web',
  cluster_id: 'c',
  disk: [{ volume_id: 'root' }],
  nic: [{ port_group_id: 'pg' }],
});

describe('lacksDefaults', () => {
  test('GIVEN recorded VM attributes with every default WHEN checked THEN nothing is lacking', () => {
    expect(lacksDefaults('nssv_vm', vm)).toBe(false);
  });

  test('GIVEN a VM recorded before it had a top-level attribute WHEN checked THEN it lacks a default', () => {
    const { description: _, ...older } = vm;
    expect(lacksDefaults('nssv_vm', older)).toBe(true);
  });

  test('GIVEN a VM whose disk item has no bus WHEN checked THEN it lacks a default (blocks are looked into)', () => {
    expect(lacksDefaults('nssv_vm', { ...vm, disk: [{ volume_id: 'root', boot_order: null }] })).toBe(true);
  });

  test('GIVEN every resource type WHEN checked THEN it agrees with applyDefaults', () => {
    for (const type of resourceTypes()) {
      const full = applyDefaults(type, {});
      expect([type, lacksDefaults(type, full)]).toEqual([type, false]);
      const anyDefault = Object.keys(full).length > 0;
      expect([type, lacksDefaults(type, {})]).toEqual([type, anyDefault]);
    }
  });
});
