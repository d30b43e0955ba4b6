/** ceph.conf of the sandbox cluster. Pure. */
import { CEPH_ADDRESS, type CephPaths, OSD_MEMSTORE_BYTES } from './paths.js';

export function monAddrs(address: string = CEPH_ADDRESS): string {
  return `[v2:${address}:3300,v1:${address}:6789]`;
}

/**
 * One monitor, one manager, memstore OSDs; every path under the sandbox root. Pools may be
 * deleted (nssv deletes what it created); EC overwrites are allowed on memstore (Ceph otherwise
 * demands bluestore); low-disk and no-redundancy warnings are off (a sandbox on a dev disk).
 */
export function cephConf(fsid: string, p: CephPaths, address: string = CEPH_ADDRESS): string {
  const lines = [
    '[global]',
    `fsid = ${fsid}`,
    `mon_host = ${monAddrs(address)}`,
    `public_addr = ${address}`,
    'auth_cluster_required = cephx',
    'auth_service_required = cephx',
    'auth_client_required = cephx',
    'auth_allow_insecure_global_id_reclaim = false',
    `keyring = ${p.adminKeyring}`,
    `run_dir = ${p.runDir}`,
    `log_file = ${p.logDir}/$cluster-$name.log`,
    `mon_data = ${p.dir}/mon/$cluster-$id`,
    `mgr_data = ${p.dir}/mgr/$cluster-$id`,
    `osd_data = ${p.dir}/osd/$cluster-$id`,
    'osd_objectstore = memstore',
    `memstore_device_bytes = ${OSD_MEMSTORE_BYTES}`,
    'osd_pool_default_size = 2',
    'osd_pool_default_pg_autoscale_mode = off',
    'osd_pool_default_pg_num = 8',
    'osd_pool_default_pgp_num = 8',
    'mon_allow_pool_delete = true',
    'mon_data_avail_warn = 5',
    'mon_warn_on_pool_no_redundancy = false',
    'mon_debug_no_require_bluestore_for_ec_overwrites = true',
    'osd_crush_chooseleaf_type = 1',
    // One monitor commits at once: without the default 1 s batching window, each pool command
    // answers in a fraction of a second.
    'paxos_propose_interval = 0.05',
    'paxos_min_wait = 0.01',
    '',
    '[mon]',
    'keyring = $mon_data/keyring',
    'admin_socket = $run_dir/$cluster-$name.asok',
    '',
    '[mgr]',
    'keyring = $mgr_data/keyring',
    'admin_socket = $run_dir/$cluster-$name.asok',
    '',
    '[osd]',
    'keyring = $osd_data/keyring',
    'admin_socket = $run_dir/$cluster-$name.asok',
    '',
  ];
  return lines.join('\n');
}
