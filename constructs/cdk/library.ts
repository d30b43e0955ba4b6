/**
 * Which CDK for Terraform core the constructs build on: `cdktf` (0.21, archived upstream) or its
 * maintained fork `cdktn` (0.24). Both are optional peer dependencies; the app installs one.
 *
 * Constructs must be built on the core the app's stacks come from (a cdktf resource in a cdktn stack
 * fails at synth: cdktn calls methods cdktf elements lack). So the choice is, in order:
 *   1. NSSV_CDK_LIBRARY=cdktf|cdktn when set;
 *   2. the one the app has already loaded (import "cdktf"/"cdktn" before "nssv/constructs");
 *   3. the one installed, cdktn first.
 * A construct added to a stack of the other core fails at once, naming both and the fix
 * (assertSameLibrary).
 */
import { createRequire } from 'node:module';
import type * as Cdktf from 'cdktf';

export type CdkLibrary = typeof Cdktf;
export const CDK_LIBRARIES = ['cdktn', 'cdktf'] as const;
export type CdkLibraryName = (typeof CDK_LIBRARIES)[number];

const require = createRequire(import.meta.url);

function installed(name: CdkLibraryName): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

function alreadyLoaded(): CdkLibraryName[] {
  const files = Object.keys(require.cache);
  return CDK_LIBRARIES.filter((n) => files.some((f) => f.includes(`/node_modules/${n}/lib/index.js`)));
}

/** The library to use (see the module comment); throws a user error naming the fix. */
export function chooseCdkLibrary(
  env: NodeJS.ProcessEnv,
  loaded: readonly CdkLibraryName[],
  isInstalled: (n: CdkLibraryName) => boolean,
): CdkLibraryName {
  const wanted = env['NSSV_CDK_LIBRARY'];
  if (wanted !== undefined && wanted !== '') {
    if (!(CDK_LIBRARIES as readonly string[]).includes(wanted))
      throw new Error(
        `NSSV_CDK_LIBRARY=${JSON.stringify(wanted)} is not a CDK for Terraform library: allowed values are "cdktn" and "cdktf". Fix: unset it, or set it to one of them.`,
      );
    if (!isInstalled(wanted as CdkLibraryName))
      throw new Error(
        `NSSV_CDK_LIBRARY=${wanted}, but the package "${wanted}" is not installed. Fix: npm install ${wanted}, or unset NSSV_CDK_LIBRARY.`,
      );
    return wanted as CdkLibraryName;
  }
  if (loaded.length === 1) return loaded[0]!;
  const found = CDK_LIBRARIES.find(isInstalled);
  if (found) return found;
  throw new Error(
    'nssv/constructs needs CDK for Terraform: neither "cdktn" nor "cdktf" is installed. Fix: npm install cdktn@0.24 (or cdktf@0.21) in your CDK app.',
  );
}

/** Name of the library a stack (or app) object comes from: cdktn's stacks have methods cdktf's lack. */
export function libraryOf(stack: object): CdkLibraryName {
  return '_runPreparingResolve' in stack ? 'cdktn' : 'cdktf';
}

/** Its package name. */
export const cdkLibraryName: CdkLibraryName = chooseCdkLibrary(process.env, alreadyLoaded(), installed);

const mod = (await import(cdkLibraryName)) as CdkLibrary & { default?: CdkLibrary };
/** The CDK core in use (see the module comment). */
export const cdk: CdkLibrary = mod.default ?? mod;
