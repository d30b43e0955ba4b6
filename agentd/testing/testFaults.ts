import type { TestFaultInfo, TestFaultSpec } from '../../schemas/generated/agentApi.js';
import { errors } from '../errors.js';

/** The environment variable that turns the test-only fault switch on (value "1"). */
export const TEST_FAULTS_ENV = 'NSSV_AGENT_TEST_FAULTS';

/** agentd refuses to start with the fault switch set wrongly. */
export class TestFaultsRefused extends Error {
  override readonly name = 'TestFaultsRefused';
}

/**
 * Whether this agentd serves the test-only fault switch. Off unless NSSV_AGENT_TEST_FAULTS=1;
 * any other value, or the switch on an agent that listens on a non-loopback address (every agent
 * on a real host does, so the CLI can reach it), is refused at start-up: a production agent can
 * never carry it, and a typo never silently leaves it off.
 */
export function testFaultsEnabled(env: Record<string, string | undefined>, listenHost: string): boolean {
  const v = env[TEST_FAULTS_ENV];
  if (v === undefined || v === '') return false;
  if (v !== '1') {
    throw new TestFaultsRefused(
      `${TEST_FAULTS_ENV}=${JSON.stringify(v)} is not understood: unset it (production) or set it to "1" (tests only)`,
    );
  }
  if (!isLoopback(listenHost)) {
    throw new TestFaultsRefused(
      `${TEST_FAULTS_ENV}=1 makes agentd fail requests on purpose and is only allowed on an agent listening on a loopback address (127.0.0.0/8, ::1, localhost), not on ${listenHost}; unset it`,
    );
  }
  return true;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

const MUTATING = new Set(['PUT', 'DELETE']);

/**
 * The test-only fault switch: fails the Nth mutating request (PUT or DELETE) after it is armed,
 * before that request changes anything. One-shot: the requests after it (the client's rollback)
 * run normally. Requests to the switch itself are not counted.
 */
export class TestFaults {
  private armed: number | null = null;
  private counted = 0;
  private readonly injected: TestFaultInfo['injected'] = [];

  arm(spec: TestFaultSpec): TestFaultInfo {
    this.armed = spec.failMutatingRequest;
    this.counted = 0;
    return this.info();
  }

  info(): TestFaultInfo {
    return { failMutatingRequest: this.armed, mutatingRequests: this.counted, injected: [...this.injected] };
  }

  /** Called for every authenticated, routed request before its handler runs; throws the injected fault. */
  beforeRequest(method: string, path: string): void {
    if (!MUTATING.has(method) || path.startsWith(TEST_FAULTS_PATH)) return;
    this.counted += 1;
    if (this.armed !== this.counted) return;
    this.armed = null;
    this.injected.push({ request: this.counted, method, path });
    throw errors.injectedFault(this.counted, method, path);
  }
}

export const TEST_FAULTS_PATH = '/v1/test/faults';
