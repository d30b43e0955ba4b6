/** Checks before the sandbox touches the machine: root, and the tools setup-host.sh installs. */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { errors } from './errors.js';

export const REQUIRED_TOOLS: Record<string, string> = {
  ip: 'iproute2',
  nsenter: 'util-linux',
  unshare: 'util-linux',
  mount: 'util-linux',
  umount: 'util-linux',
  tini: 'tini',
  libvirtd: 'libvirt-daemon',
  virtlogd: 'libvirt-daemon',
  virsh: 'libvirt-clients',
  'qemu-system-x86_64': 'qemu-system-x86',
  'qemu-img': 'qemu-utils',
  'ovsdb-tool': 'openvswitch-switch',
  'ovsdb-server': 'openvswitch-switch',
  'ovs-vswitchd': 'openvswitch-switch',
  'ovs-vsctl': 'openvswitch-switch',
  ethtool: 'ethtool',
};

export function findTool(tool: string, envPath = process.env['PATH'] ?? ''): string | undefined {
  const dirs = [
    ...envPath.split(':').filter(Boolean),
    '/usr/local/sbin',
    '/usr/sbin',
    '/sbin',
    '/usr/bin',
    '/bin',
  ];
  for (const dir of dirs) {
    const file = path.join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

/** `command`: what to repeat as root, e.g. `nssv sandbox up --root /tmp/x`. */
export function assertRoot(command: string): void {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw errors.notRoot(command);
}

export function assertTools(tools: Record<string, string> = REQUIRED_TOOLS): void {
  for (const [tool, pkg] of Object.entries(tools)) {
    if (findTool(tool) === undefined) throw errors.missingTool(`${tool} (package ${pkg})`);
  }
}
