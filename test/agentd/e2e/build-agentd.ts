import { execa } from 'execa';
import { join } from 'node:path';

/**
 * Compiles agentd (only agentd/, from its entry point) for end-to-end tests, so the tests run
 * the code in the working tree rather than a stale dist/. The output lives under node_modules/.cache
 * so that Node resolves agentd's dependencies from the repository's node_modules.
 */
export async function buildAgentd(repoRoot: string): Promise<string> {
  const outDir = join(repoRoot, 'node_modules', '.cache', 'nssv-agentd-e2e');
  await execa(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--outDir',
      outDir,
      '--rootDir',
      repoRoot,
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2022',
      '--skipLibCheck',
      '--strict',
      '--types',
      'node',
      join(repoRoot, 'agentd', 'main.ts'),
    ],
    { cwd: repoRoot },
  );
  return join(outDir, 'agentd', 'main.js');
}
