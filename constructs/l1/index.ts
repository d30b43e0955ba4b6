// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

export { NssvResource, type NssvMetaArguments } from './resource.js';
export * from './nssv_cluster.js';
export * from './nssv_datacenter.js';
export * from './nssv_distributed_switch.js';
export * from './nssv_host.js';
export * from './nssv_host_group.js';
export * from './nssv_image.js';
export * from './nssv_image_storage.js';
export * from './nssv_port_group.js';
export * from './nssv_scheduling_group.js';
export * from './nssv_security_group.js';
export * from './nssv_storage_pool.js';
export * from './nssv_vm.js';
export * from './nssv_volume.js';
export * from './nssv_volume_snapshot.js';
