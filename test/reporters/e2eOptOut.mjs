/**
 * A Jest reporter that makes an opted-out run visible: with NSSV_E2E=skip the end-to-end suites
 * (real libvirt/QEMU, Open vSwitch, qemu-img) were skipped on purpose, and the summary says so.
 */
export default class E2eOptOutReporter {
  onRunComplete(_contexts, results) {
    if (process.env.NSSV_E2E !== 'skip') return;
    const n = results.numPendingTests;
    process.stderr.write(
      `\nNSSV_E2E=skip: the end-to-end suites against the real tools were NOT run (${n} test${n === 1 ? '' : 's'} skipped by this opt-out).\n`,
    );
  }
}
