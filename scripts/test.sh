#!/usr/bin/env bash
# The README's second command (`npm test`): build (unless CI has just built), type-check, then
# every Jest suite — unit tests and the end-to-end tests against real libvirt/QEMU, qemu-img and
# Open vSwitch.
set -euo pipefail
cd "$(dirname "$0")/.."
# .ci/run builds the tree a moment before (to check the generated files) and says so with
# NSSV_CI_BUILT=1; everyone else gets the build, so the end-to-end suites run what is checked out.
if [[ "${NSSV_CI_BUILT:-}" != 1 ]]; then
  npm run -s build
fi
npm run -s typecheck
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --maxWorkers=2 "$@"
