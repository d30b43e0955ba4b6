import type { ProcessRecord } from '../processes.js';

/** What `up --ceph` created for the sandbox's Ceph cluster (undo list), kept in sandbox.json. */
export interface CephState {
  fsid: string;
  /** Storage network address on the underlay bridge (mon, mgr and OSDs bind it). */
  address: string;
  /** The address was added to the underlay bridge (it goes with the underlay namespace too). */
  addressAdded: boolean;
  conf: string;
  adminKeyring: string;
  /** One memstore OSD per sandbox host, under a CRUSH host bucket named after it. */
  osds: { id: number; host: string }[];
  processes: ProcessRecord[];
}
