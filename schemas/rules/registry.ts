import { distributedSwitchRules } from './nssv_distributed_switch.js';
import { imageRules } from './nssv_image.js';
import { imageStorageRules } from './nssv_image_storage.js';
import { portGroupRules } from './nssv_port_group.js';
import { schedulingGroupRules } from './nssv_scheduling_group.js';
import { securityGroupRules } from './nssv_security_group.js';
import { storagePoolRules } from './nssv_storage_pool.js';
import { vmRules } from './nssv_vm.js';
import { volumeRules } from './nssv_volume.js';
import { volumeSnapshotRules } from './nssv_volume_snapshot.js';
import type { Rule } from './types.js';

const RULES: Record<string, readonly Rule[]> = {
  nssv_distributed_switch: distributedSwitchRules,
  nssv_image: imageRules,
  nssv_image_storage: imageStorageRules,
  nssv_port_group: portGroupRules,
  nssv_scheduling_group: schedulingGroupRules,
  nssv_security_group: securityGroupRules,
  nssv_storage_pool: storagePoolRules,
  nssv_vm: vmRules,
  nssv_volume: volumeRules,
  nssv_volume_snapshot: volumeSnapshotRules,
};

/** The cross-field rules of a resource type (none for types without rules). */
export function rulesFor(type: string): readonly Rule[] {
  return RULES[type] ?? [];
}
