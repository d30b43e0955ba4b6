#!/usr/bin/env bash
# Build the sandbox guest image: a small BIOS-bootable qcow2 of Debian 12 whose guest runs
# Debian's cloud-init (NoCloud datasource), brings up its NIC from the seed's network config,
# installs the seed's SSH keys for the default user (openssh-server) and runs the user data.
#
# Built only from the Debian archive this machine's apt uses (/etc/apt/sources.list.d/debian.sources
# or /etc/apt/sources.list), with mmdebstrap; no loop devices or mounts: the root file system is
# written by `mke2fs -d`, the boot partition (FAT: kernel, initrd, syslinux) with mtools.
#
# Cached outside the clone, keyed by a hash of this script and scripts/guest-image/*, so a machine
# builds it once: prints the image's path on stdout (and writes IMAGE.sha256 beside it).
#
# Usage: scripts/build-guest-image.sh [--cache DIR] [--print-path]
#   --cache DIR     where images are kept (default: $NSSV_IMAGE_CACHE or /var/cache/nssv/images)
#   --print-path    print where the image for this script would be, build nothing
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
inputs="$here/guest-image"
cache="${NSSV_IMAGE_CACHE:-/var/cache/nssv/images}"
print_only=0
while (($# > 0)); do
  case "$1" in
    --cache)
      [[ $# -ge 2 ]] || {
        echo "build-guest-image: --cache needs a directory" >&2
        exit 2
      }
      cache="$2"
      shift 2
      ;;
    --print-path)
      print_only=1
      shift
      ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build-guest-image: unknown argument '$1' (allowed: --cache DIR, --print-path)" >&2
      exit 2
      ;;
  esac
done

say() { echo "build-guest-image: $*" >&2; }
fail() {
  echo "build-guest-image: error: $*" >&2
  exit 1
}

key="$(cat "$0" "$inputs"/* | sha256sum | cut -c1-16)"
image="$cache/nssv-guest-$key.qcow2"
if ((print_only == 1)); then
  echo "$image"
  exit 0
fi
if [[ -f "$image" && -f "$image.sha256" ]]; then
  echo "$image"
  exit 0
fi

[[ "$(id -u)" == 0 ]] || fail "must run as root (mmdebstrap writes a root file system)"
for tool in mmdebstrap mke2fs mkfs.vfat mcopy syslinux sfdisk qemu-img sha256sum flock; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: run scripts/setup-host.sh"
done
[[ -f /usr/lib/syslinux/mbr/mbr.bin ]] || fail "/usr/lib/syslinux/mbr/mbr.bin missing: run scripts/setup-host.sh"

sources=""
for candidate in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
  if [[ -s "$candidate" ]]; then
    sources="$candidate"
    break
  fi
done
[[ -n "$sources" ]] || fail "no Debian archive configured (/etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list)"

mkdir -p "$cache"
exec 9>"$cache/.build.lock"
flock 9
# Another build may have finished while this one waited for the lock.
if [[ -f "$image" && -f "$image.sha256" ]]; then
  echo "$image"
  exit 0
fi

work="$(mktemp -d "$cache/.build-$key.XXXXXX")"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
log="$work/build.log"
started=$SECONDS

packages="$(grep -v '^\s*#' "$inputs/packages" | grep -v '^\s*$' | paste -sd, -)"
say "bootstrapping Debian 12 with: $packages"
# Trimmed: no documentation, manual pages or translations.
if ! mmdebstrap --mode=root --variant=minbase --include="$packages" \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  --essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" && echo COMPRESS=gzip > "$1/etc/initramfs-tools/conf.d/nssv"' \
  bookworm "$work/root" "$sources" >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  fail "mmdebstrap failed (full log above was $log)"
fi

root="$work/root"
say "configuring the guest"
install -m 0644 "$inputs/cloud.cfg" "$root/etc/cloud/cloud.cfg.d/90-nssv.cfg"
install -m 0644 "$inputs/fstab" "$root/etc/fstab"
echo "nssv-guest" >"$root/etc/hostname"
# mmdebstrap copied the build machine's resolver; the guest's comes from its network config.
rm -f "$root/etc/resolv.conf"
ln -s /run/resolvconf/resolv.conf "$root/etc/resolv.conf"
# Each guest gets its own identity on first boot.
: >"$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id" "$root"/etc/ssh/ssh_host_*
rm -rf "$root/var/lib/cloud" "$root/var/lib/apt/lists"/* "$root/var/cache/apt"/*.bin "$root/var/cache/apt/archives"/*.deb
find "$root/var/log" -type f -exec truncate -s 0 {} +
# Units that only slow a first boot under emulation.
for unit in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer \
  systemd-timesyncd.service; do
  chroot "$root" systemctl mask "$unit" >/dev/null 2>&1 || true
done

kernel="$(readlink -f "$root/vmlinuz")"
initrd="$(readlink -f "$root/initrd.img")"
[[ -f "$kernel" && -f "$initrd" ]] || fail "the kernel or initrd is missing from the bootstrapped system"

say "writing the disk"
# Layout (MBR): partition 1 FAT (syslinux, kernel, initrd), partition 2 ext4 root (label nssv-root).
boot_mib=64
root_used_mib=$(($(du -sm "$root" | cut -f1)))
root_mib=$((root_used_mib + root_used_mib / 4 + 128))
disk_mib=$((1 + boot_mib + root_mib))
mkfs.vfat -C -n NSSVBOOT "$work/boot.img" $((boot_mib * 1024)) >>"$log" 2>&1
mcopy -i "$work/boot.img" "$kernel" ::vmlinuz
mcopy -i "$work/boot.img" "$initrd" ::initrd.img
mcopy -i "$work/boot.img" "$inputs/syslinux.cfg" ::syslinux.cfg
syslinux --install "$work/boot.img"
mke2fs -q -t ext4 -L nssv-root -d "$root" "$work/root.img" "${root_mib}M" >>"$log" 2>&1 ||
  fail "mke2fs failed (log: $log)"

truncate -s "${disk_mib}M" "$work/disk.raw"
printf 'label: dos\nstart=2048, size=%d, type=c, bootable\nstart=%d, type=83\n' \
  $((boot_mib * 2048)) $((2048 + boot_mib * 2048)) | sfdisk -q "$work/disk.raw" >>"$log" 2>&1
dd if=/usr/lib/syslinux/mbr/mbr.bin of="$work/disk.raw" bs=440 count=1 conv=notrunc status=none
dd if="$work/boot.img" of="$work/disk.raw" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$work/root.img" of="$work/disk.raw" bs=1M seek=$((1 + boot_mib)) conv=notrunc,sparse status=none

qemu-img convert -c -f raw -O qcow2 "$work/disk.raw" "$work/image.qcow2"
digest="$(sha256sum "$work/image.qcow2" | cut -d' ' -f1)"
echo "$digest" >"$work/image.qcow2.sha256"
mv "$work/image.qcow2" "$image"
mv "$work/image.qcow2.sha256" "$image.sha256"
say "built $image ($(du -m "$image" | cut -f1) MiB, sha256 $digest) in $((SECONDS - started)) s"
echo "$image"
