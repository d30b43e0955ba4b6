/**
 * End-to-end suites run against the real machine (root, libvirt/QEMU, Open vSwitch, qemu-img, the
 * built agentd). When something they need is missing they FAIL, saying what and how to get it;
 * they never skip silently. A run may opt out explicitly with NSSV_E2E=skip, which the summary
 * then reports (test/reporters/e2eOptOut.mjs).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAgentdMain, repoRoot } from '../../sandbox/agent.js';
import { findTool, REQUIRED_TOOLS } from '../../sandbox/preflight.js';

export interface E2eNeeds {
  /** The suite creates namespaces, mounts and daemons. */
  root?: boolean;
  /** Executables that must be on PATH (or in the sbin directories). */
  tools?: readonly string[];
  /** Files that must exist, with how to make them. */
  files?: ReadonlyArray<{ path: string; make: string }>;
}

/** Everything a sandbox needs: root and the tools scripts/setup-host.sh installs. */
export const SANDBOX_NEEDS: E2eNeeds = { root: true, tools: Object.keys(REQUIRED_TOOLS) };

/** A sandbox whose hosts run the built agentd, driven through the built CLI. */
export const SANDBOX_WITH_AGENTS: E2eNeeds = {
  ...SANDBOX_NEEDS,
  files: [
    { path: defaultAgentdMain(), make: 'npm run build' },
    { path: join(repoRoot(), 'dist', 'bin', 'commands', 'apply.js'), make: 'npm run build' },
  ],
};

/** True when this run opted out of the end-to-end suites (NSSV_E2E=skip). */
export function e2eOptedOut(env: Record<string, string | undefined> = process.env): boolean {
  const v = env.NSSV_E2E;
  if (v === undefined || v === '' || v === 'run') return false;
  if (v === 'skip') return true;
  throw new Error(
    `NSSV_E2E=${JSON.stringify(v)} is not understood: allowed are "run" (the default) and "skip"`,
  );
}

/** What is missing for `needs`, in words; empty when the suite can run. */
export function missingForE2e(needs: E2eNeeds, isRoot = process.getuid?.() === 0): string[] {
  const out: string[] = [];
  if (needs.root && !isRoot) out.push('root (run the tests as root)');
  const tools = (needs.tools ?? []).filter((t) => findTool(t) === undefined);
  if (tools.length > 0) {
    const packages = [...new Set(tools.map((t) => REQUIRED_TOOLS[t] ?? t))].sort();
    out.push(`tools ${tools.join(', ')} (packages ${packages.join(', ')}: bash scripts/setup-host.sh)`);
  }
  for (const f of needs.files ?? []) if (!existsSync(f.path)) out.push(`${f.path} (${f.make})`);
  return out;
}

/**
 * describe() for an end-to-end suite: runs `body` when everything in `needs` is there; otherwise
 * the suite fails with one test naming what is missing; with NSSV_E2E=skip it is skipped.
 */
export function describeE2e(name: string, needs: E2eNeeds, body: () => void): void {
  if (e2eOptedOut()) {
    describe.skip(name, body);
    return;
  }
  const missing = missingForE2e(needs);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    test('has what it needs to run against the real tools', () => {
      throw new Error(
        `${name}: cannot run, missing ${missing.join('; ')}. Install what is missing, or opt out of the end-to-end suites explicitly with NSSV_E2E=skip.`,
      );
    });
  });
}
