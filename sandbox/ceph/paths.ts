/**
 * Where the sandbox's Ceph cluster keeps its files, and its address. Pure: no I/O.
 *
 * <root>/ceph/ceph.conf                   the cluster's configuration (clients use it too)
 * <root>/ceph/ceph.client.admin.keyring   the admin key (0600); agents use it as client.admin
 * <root>/ceph/{mon,mgr,osd}/ceph-<id>/    daemon data (memstore OSDs keep their objects in memory)
 * <root>/ceph/run/                        admin sockets
 * <root>/ceph/log/                        daemon logs (<daemon>.log, <daemon>.out for stdout/stderr)
 */
import path from 'node:path';
import { UNDERLAY } from '../paths.js';

export interface CephPaths {
  dir: string;
  conf: string;
  adminKeyring: string;
  monKeyring: string;
  monmap: string;
  runDir: string;
  logDir: string;
  monData: (id: string) => string;
  mgrData: (id: string) => string;
  osdData: (id: number) => string;
}

export function cephPaths(root: string): CephPaths {
  const dir = path.join(root, 'ceph');
  return {
    dir,
    conf: path.join(dir, 'ceph.conf'),
    adminKeyring: path.join(dir, 'ceph.client.admin.keyring'),
    monKeyring: path.join(dir, 'mon.keyring'),
    monmap: path.join(dir, 'monmap'),
    runDir: path.join(dir, 'run'),
    logDir: path.join(dir, 'log'),
    monData: (id) => path.join(dir, 'mon', `ceph-${id}`),
    mgrData: (id) => path.join(dir, 'mgr', `ceph-${id}`),
    osdData: (id) => path.join(dir, 'osd', `ceph-${id}`),
  };
}

/**
 * The storage network address: on the underlay bridge, inside the underlay namespace, so every
 * host reaches it over its eth0 and nothing binds in the root namespace (ports never collide
 * with another sandbox's Ceph).
 */
export const CEPH_ADDRESS = `${UNDERLAY.prefix}.254`;
export const MON_ID = 'a';
export const MGR_ID = 'x';
/** Bytes of memory each memstore OSD may hold. */
export const OSD_MEMSTORE_BYTES = 2 * 1024 ** 3;
