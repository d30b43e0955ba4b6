#!/usr/bin/env bash
# The README's second command (`npm test`): build, type-check, then every Jest suite —
# unit tests and the end-to-end tests against real libvirt/QEMU, qemu-img and Open vSwitch.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build
npm run -s typecheck
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --maxWorkers=2 "$@"
