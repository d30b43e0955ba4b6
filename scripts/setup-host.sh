#!/usr/bin/env bash
# Prepare this machine (Debian 12, root, no systemd) to run nssv's host software:
# libvirt/QEMU, qemu-img, Open vSwitch (userspace datapath), tini, genisoimage, iproute2, nftables,
# Ceph (mon, osd, mgr, the ceph/rbd CLIs) and QEMU's rbd driver,
# PostgreSQL's binaries (never started here: the pg backend's tests start their own server),
# and what scripts/build-guest-image.sh needs to build the sandbox guest image.
#
# Idempotent and quiet when nothing is to do. It installs missing Debian packages and prepares
# what the daemons need to start without systemd; it never starts a daemon (the sandbox and
# agentd do that). Exit status is non-zero, with a message on stderr, on any failure.
#
# Usage: sudo scripts/setup-host.sh [--verbose]
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Debian packages the agents need.
# Not libvirt-daemon-system: it pulls in systemd.
REQUIRED_PACKAGES=(
  qemu-utils                 # qemu-img
  qemu-system-x86            # the emulator (KVM where it works, TCG otherwise)
  libvirt-daemon             # libvirtd + virtlogd (monolithic on Debian 12)
  libvirt-daemon-driver-qemu # the QEMU driver
  libvirt-clients            # virsh
  openvswitch-switch         # ovsdb-server, ovs-vswitchd, ovs-vsctl, ovs-ofctl, ovs-appctl
  tini                       # child subreaper under libvirtd (fast guest destroy)
  genisoimage                # cloud-init seed ISOs
  iproute2                   # ip netns / veth / bridge for the sandbox underlay
  ethtool                    # checksum offload off on userspace-datapath ports (sandbox br-phy, veth endpoints)
  iputils-ping               # ping, for the network end-to-end tests
  netcat-openbsd             # nc, TCP streams in the network end-to-end tests
  nftables                   # host firewalling
  util-linux                 # unshare, nsenter, mount, runuser
  postgresql                 # the state backend "pg"; its tests start a private server with initdb/pg_ctl
  ceph-mon                   # Ceph monitor (the sandbox's cluster; real sites run their own)
  ceph-osd                   # Ceph object storage daemons
  ceph-mgr                   # Ceph manager
  ceph-common                # ceph and rbd CLIs (agentd drives rbd pools with them)
  qemu-block-extra           # QEMU's rbd block driver (rbd disks of guests, qemu-img on rbd:)
  # The sandbox guest image (scripts/build-guest-image.sh) and the end-to-end tests that boot it:
  mmdebstrap                 # a Debian root file system from the configured Debian archive
  e2fsprogs                  # mke2fs -d: the root file system without loop devices or mounts
  dosfstools                 # mkfs.vfat: the boot partition
  mtools                     # mcopy: files onto the boot partition without mounting it
  syslinux                   # the boot loader (installed onto FAT through mtools)
  syslinux-common            # mbr.bin
  fdisk                      # sfdisk: the partition table
  openssh-client             # ssh, ssh-keygen: tests log in to guests with the configured key
)

# Directories the daemons expect and which the sandbox bind-mounts per simulated host.
REQUIRED_DIRS=(
  /etc/libvirt
  /run/libvirt
  /var/lib/libvirt
  /var/log/libvirt
  /var/cache/libvirt
  /run/openvswitch
  /var/lib/nssv
  /var/cache/nssv
)
# ---------------------------------------------------------------------------------------------

VERBOSE=0
for arg in "$@"; do
  case "$arg" in
    --verbose | -v) VERBOSE=1 ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup-host: unknown argument '$arg' (allowed: --verbose)" >&2
      exit 2
      ;;
  esac
done

say() { echo "setup-host: $*" >&2; }
fail() {
  echo "setup-host: error: $*" >&2
  exit 1
}

[[ "$(id -u)" == 0 ]] || fail "must run as root (try: sudo $0)"
command -v dpkg-query >/dev/null 2>&1 || fail "dpkg-query not found: this script supports Debian 12 only"

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null || true)" == "ii "* ]]
}

# 1. Packages --------------------------------------------------------------------------------
missing=()
for pkg in "${REQUIRED_PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]} > 0)); then
  say "installing ${missing[*]}"
  # Keep package maintainer scripts from starting services (openvswitch-switch ships an init
  # script): a temporary policy-rc.d that denies every start, removed again on exit.
  created_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  cleanup_policy() { if ((created_policy == 1)); then rm -f /usr/sbin/policy-rc.d; fi; }
  trap cleanup_policy EXIT

  export DEBIAN_FRONTEND=noninteractive
  apt_log="$(mktemp /tmp/nssv-setup-host.XXXXXX.log)"
  apt_quiet() {
    if ((VERBOSE == 1)); then
      "$@"
    elif ! "$@" >>"$apt_log" 2>&1; then
      tail -n 30 "$apt_log" >&2
      return 1
    fi
  }
  apt_quiet apt-get update -q || fail "apt-get update failed (log: $apt_log); check network access to the Debian mirror"
  # With recommends, as on the machines HOSTS.md measured (ovmf, qemu-block-extra, dmidecode...).
  apt_quiet apt-get install -y -q "${missing[@]}" ||
    fail "apt-get install ${missing[*]} failed (log: $apt_log)"
  for pkg in "${missing[@]}"; do
    is_installed "$pkg" || fail "package $pkg is still not installed after apt-get install (log: $apt_log)"
  done
  rm -f "$apt_log"
  say "installed ${#missing[@]} package(s)"
fi

# 2. Users and groups --------------------------------------------------------------------------
# The QEMU driver looks up libvirt-qemu before it reads qemu.conf (which then says user=root).
if ! getent group libvirt-qemu >/dev/null; then
  groupadd --system libvirt-qemu || fail "could not create group libvirt-qemu"
  [[ $VERBOSE == 1 ]] && say "created group libvirt-qemu"
fi
if ! getent passwd libvirt-qemu >/dev/null; then
  useradd --system --gid libvirt-qemu --home-dir /var/lib/libvirt --no-create-home \
    --shell /usr/sbin/nologin libvirt-qemu || fail "could not create user libvirt-qemu"
  [[ $VERBOSE == 1 ]] && say "created user libvirt-qemu"
fi

# 3. Directories and devices ------------------------------------------------------------------
for dir in "${REQUIRED_DIRS[@]}"; do
  [[ -d "$dir" ]] || mkdir -p "$dir" || fail "could not create directory $dir"
done

if [[ ! -c /dev/net/tun ]]; then
  mkdir -p /dev/net
  mknod -m 0600 /dev/net/tun c 10 200 || fail "/dev/net/tun is missing and could not be created"
  [[ $VERBOSE == 1 ]] && say "created /dev/net/tun"
fi

# 4. Sanity checks: the tools the sandbox and agentd call -------------------------------------
for tool in qemu-img qemu-system-x86_64 libvirtd virtlogd virsh ovsdb-server ovs-vswitchd ovsdb-tool \
  ovs-vsctl ovs-ofctl ovs-appctl tini genisoimage ip ethtool nft unshare nsenter mount umount \
  ceph ceph-mon ceph-osd ceph-mgr ceph-authtool monmaptool rbd \
  mmdebstrap mke2fs mkfs.vfat mcopy syslinux sfdisk ssh ssh-keygen ping qemu-io; do
  command -v "$tool" >/dev/null 2>&1 || [[ -x "/usr/sbin/$tool" ]] || fail "$tool not found after installing packages"
done
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || fail "initdb not found under /usr/lib/postgresql/*/bin after installing postgresql"
getent passwd postgres >/dev/null || fail "the postgres user is missing (PostgreSQL refuses to run as root; tests run it as postgres)"
[[ -f /usr/share/openvswitch/vswitch.ovsschema ]] || fail "/usr/share/openvswitch/vswitch.ovsschema is missing"
ip netns list >/dev/null 2>&1 || fail "'ip netns' does not work on this kernel (network namespaces are required)"

[[ $VERBOSE == 1 ]] && say "host ready"
exit 0
