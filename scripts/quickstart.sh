#!/usr/bin/env bash
# The README's first command (`npm run quickstart`): install what nssv needs, build it, bring up
# a two-host sandbox of real libvirt/QEMU + Open vSwitch, and apply examples/quickstart.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "quickstart: the sandbox creates network namespaces and starts libvirtd/OVS: run it as root (e.g. sudo npm run quickstart)." >&2
  exit 1
fi

step() { printf '\n==> %s\n' "$*" >&2; }

step "Installing host packages (libvirt, QEMU, qemu-img, Open vSwitch) when missing"
bash scripts/setup-host.sh

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm dependencies"
  npm ci --no-audit --no-fund
fi

step "Building nssv"
npm run -s build

step "Putting nssv on the PATH (npm link: $(npm config get prefix)/bin/nssv -> this checkout; npm unlink -g nssv removes it)"
npm link --no-audit --no-fund

step "Starting a 2-host sandbox (writes examples/quickstart/sandbox.tf)"
nssv sandbox up --hosts 2 --emit examples/quickstart

step "Applying examples/quickstart"
nssv apply -auto-approve --config examples/quickstart

cat >&2 <<'MSG'

Done. Try:
  cd examples/quickstart && nssv plan     # "No changes."
  nssv sandbox status                     # the simulated hosts
  nssv destroy -auto-approve --config examples/quickstart
  nssv sandbox down
MSG
