/** The Ceph tools `sandbox up --ceph` runs, and the Debian package of each (scripts/setup-host.sh installs them). */
export const CEPH_TOOLS: Record<string, string> = {
  'ceph-mon': 'ceph-mon',
  'ceph-mgr': 'ceph-mgr',
  'ceph-osd': 'ceph-osd',
  ceph: 'ceph-common',
  rbd: 'ceph-common',
  'ceph-authtool': 'ceph-common',
  monmaptool: 'ceph-base',
};
