import { qosOf, RECOVERY } from '../../../agentd/ceph/recovery.js';

describe('recovery_qos and Ceph recovery priorities', () => {
  test('GIVEN each qos THEN its settings read back as that qos', () => {
    for (const [qos, settings] of Object.entries(RECOVERY)) expect(qosOf(settings)).toBe(qos);
  });
  test('GIVEN a pool without settings THEN it is medium (Ceph defaults)', () => {
    expect(qosOf({})).toBe('medium');
  });
  test('GIVEN settings changed outside nssv THEN they are described as they are', () => {
    expect(qosOf({ recovery_priority: 2, recovery_op_priority: 1 })).toBe(
      'custom (recovery_priority 2, recovery_op_priority 1)',
    );
  });
});
