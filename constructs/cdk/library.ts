/**
 * Which CDK for Terraform core the constructs build on: `cdktf` (0.21, archived upstream) or its
 * maintained fork `cdktn` (0.24). Both are optional peer dependencies; the user installs one.
 *
 * The two keep the same runtime identity (the `Symbol.for("cdktf/...")` markers and the global token
 * map), so constructs built on one synthesize identically inside a stack of the other
 * (test/constructs/cdk/library.test.ts checks both directions). The choice therefore only decides
 * which package is loaded: NSSV_CDK_LIBRARY=cdktf|cdktn if set, else cdktn when it is installed
 * (the maintained one), else cdktf.
 */
import { createRequire } from 'node:module';
import type * as Cdktf from 'cdktf';

export type CdkLibrary = typeof Cdktf;
export const CDK_LIBRARIES = ['cdktn', 'cdktf'] as const;
export type CdkLibraryName = (typeof CDK_LIBRARIES)[number];

const require = createRequire(import.meta.url);

function tryLoad(name: CdkLibraryName): CdkLibrary | undefined {
  try {
    return require(name) as CdkLibrary;
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'MODULE_NOT_FOUND' && err.message?.includes(`'${name}'`)) return undefined;
    throw e;
  }
}

/** Loads the library NSSV_CDK_LIBRARY names, or the first installed of cdktn, cdktf. Throws a user error naming the fix. */
export function loadCdkLibrary(env: NodeJS.ProcessEnv = process.env): {
  name: CdkLibraryName;
  lib: CdkLibrary;
} {
  const wanted = env['NSSV_CDK_LIBRARY'];
  if (wanted !== undefined && wanted !== '') {
    if (!(CDK_LIBRARIES as readonly string[]).includes(wanted))
      throw new Error(
        `NSSV_CDK_LIBRARY=${JSON.stringify(wanted)} is not a CDK for Terraform library: allowed values are "cdktn" and "cdktf". Fix: unset it, or set it to one of them.`,
      );
    const lib = tryLoad(wanted as CdkLibraryName);
    if (!lib)
      throw new Error(
        `NSSV_CDK_LIBRARY=${wanted} but the package "${wanted}" is not installed. Fix: npm install ${wanted}, or unset NSSV_CDK_LIBRARY.`,
      );
    return { name: wanted as CdkLibraryName, lib };
  }
  for (const name of CDK_LIBRARIES) {
    const lib = tryLoad(name);
    if (lib) return { name, lib };
  }
  throw new Error(
    'nssv/constructs needs CDK for Terraform: neither "cdktn" nor "cdktf" is installed. Fix: npm install cdktn@0.24 (or cdktf@0.21) in your CDK app.',
  );
}

const loaded = loadCdkLibrary();

/** The CDK core in use (see the module comment). */
export const cdk: CdkLibrary = loaded.lib;
/** Its package name. */
export const cdkLibraryName: CdkLibraryName = loaded.name;
