import TmpDirEnvironment from './tmpEnvironment.mjs';

/** See failureContextEnvironment.mjs: on a failed test, the stderr of its commands that exited non-zero. */
export default class FailureContextEnvironment extends TmpDirEnvironment {
  handleTestEvent(event: { name: string; test?: { name: string }; hook?: { type: string } }): Promise<void>;
}
