import type { RbdPoolSpec } from '../../schemas/generated/agentApi.js';

/**
 * recovery_qos → Ceph's per-pool recovery settings. Ceph has no per-pool recovery bandwidth; it
 * has per-pool priorities: `recovery_priority` (which pools recover first, -10..10) and
 * `recovery_op_priority` (weight of recovery ops against client I/O in the OSD queue, 1..63;
 * the OSD default is 3). slow favours VM I/O, fast favours rebuilding redundancy.
 */
export type RecoveryQos = RbdPoolSpec['recoveryQos'];

export interface RecoverySettings {
  recovery_priority: number;
  recovery_op_priority: number;
}

export const RECOVERY: Readonly<Record<RecoveryQos, RecoverySettings>> = {
  slow: { recovery_priority: -5, recovery_op_priority: 1 },
  medium: { recovery_priority: 0, recovery_op_priority: 3 },
  fast: { recovery_priority: 5, recovery_op_priority: 10 },
};

/**
 * The recovery_qos a pool's settings stand for; settings that match none (changed outside
 * nssv) are described as they are, so the plan shows the drift.
 */
export function qosOf(options: Partial<RecoverySettings>): string {
  const p = options.recovery_priority ?? 0;
  const op = options.recovery_op_priority ?? 3;
  for (const [qos, s] of Object.entries(RECOVERY)) {
    if (s.recovery_priority === p && s.recovery_op_priority === op) return qos;
  }
  return `custom (recovery_priority ${p}, recovery_op_priority ${op})`;
}
