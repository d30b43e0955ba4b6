// Preloaded into a measured `nssv` process (node --import ./bench/measure.mjs bin/nssv.cjs …):
// at exit, writes its CPU time, peak RSS and bytes written to storage to $NSSV_BENCH_MEASURE.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env.NSSV_BENCH_MEASURE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const io = Object.fromEntries(
      readFileSync('/proc/self/io', 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(': '))
        .map(([k, v]) => [k, Number(v)]),
    );
    writeFileSync(
      out,
      JSON.stringify({
        cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000,
        maxRssMiB: u.maxRSS / 1024,
        writeBytes: io.write_bytes,
        cancelledWriteBytes: io.cancelled_write_bytes,
        fsWrites: u.fsWrite,
      }),
    );
  });
}
