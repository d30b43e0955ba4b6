export { sandboxUp, type SandboxUpOptions, type SandboxUpResult, type SandboxUpAction } from './up.js';
export { sandboxDown, type SandboxDownOptions, type SandboxDownResult } from './down.js';
export { sandboxStatus, type SandboxStatus, type HostStatus } from './status.js';
export { readSandboxInfo, sandboxHosts, type SandboxInfo, type SandboxHostInfo } from './info.js';
export { renderSandboxTf, writeSandboxTf, EMIT_FILE, type EmittedHost } from './emitTf.js';
export {
  hostVirsh,
  hostOvsVsctl,
  hostOvsOfctl,
  hostOvsAppctl,
  hostNetnsExec,
  type HostRef,
} from './hostTools.js';
export { SandboxError, isSandboxError, type SandboxErrorCode } from './errors.js';
export { sandboxCeph } from './ceph/cli.js';
export { DEFAULT_ROOT, DEFAULT_NAME, ROOT_ENV, resolveRoot } from './paths.js';
