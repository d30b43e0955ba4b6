import { TestEnvironment } from 'jest-environment-node';

/** See tmpEnvironment.mjs: Jest's node environment with a temporary directory per test file. */
export default class TmpDirEnvironment extends TestEnvironment {
  /** The file's own TMPDIR, removed by teardown(). */
  readonly tmpDir: string;
}
