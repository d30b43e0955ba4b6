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

step "Starting a 2-host sandbox (writes examples/quickstart/sandbox.tf)"
node bin/nssv.js sandbox up --hosts 2 --emit examples/quickstart

step "Applying examples/quickstart"
node bin/nssv.js apply -auto-approve --config examples/quickstart

cat >&2 <<'MSG'

Done. Try:
  cd examples/quickstart && npx nssv plan     # "No changes."
  npx nssv sandbox status                     # the simulated hosts
  npx nssv destroy -auto-approve --config examples/quickstart
  npx nssv sandbox down
MSG
