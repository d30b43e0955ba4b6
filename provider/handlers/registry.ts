import { distributedSwitchHandler } from './distributedSwitch.js';
import { hostHandler } from './host.js';
import { imageHandler } from './image.js';
import { imageStorageHandler } from './imageStorage.js';
import { logicalHandler } from './logical.js';
import { portGroupHandler } from './portGroup.js';
import { securityGroupHandler } from './securityGroup.js';
import { storagePoolHandler } from './storagePool.js';
import type { ResourceHandler } from './types.js';
import { vmHandler } from './vm.js';
import { volumeHandler } from './volume.js';
import { volumeSnapshotHandler } from './volumeSnapshot.js';

const handlers: ReadonlyMap<string, ResourceHandler> = new Map(
  [
    logicalHandler('nssv_datacenter'),
    logicalHandler('nssv_cluster'),
    logicalHandler('nssv_host_group'),
    logicalHandler('nssv_scheduling_group'),
    hostHandler,
    storagePoolHandler,
    imageStorageHandler,
    imageHandler,
    volumeHandler,
    volumeSnapshotHandler,
    distributedSwitchHandler,
    portGroupHandler,
    securityGroupHandler,
    vmHandler,
  ].map((h) => [h.type, h]),
);

export function handlerFor(type: string): ResourceHandler {
  const h = handlers.get(type);
  if (!h) throw new Error(`bug: no resource handler for ${type}`);
  return h;
}

export function hasHandler(type: string): boolean {
  return handlers.has(type);
}
