import { MAX_ATTEMPTS, errorCode, shouldRetry } from '../../../provider/agent/retryPolicy.js';

const err = (code: string): Error => Object.assign(new Error(code), { code });

describe('retryPolicy.shouldRetry', () => {
  it.each([
    ['GET', 'ECONNRESET'],
    ['GET', 'EPIPE'],
    ['PUT', 'ECONNRESET'],
    ['PUT', 'EPIPE'],
    ['DELETE', 'ECONNRESET'],
    ['delete', 'EPIPE'],
  ])('GIVEN %s failing with %s on the first attempt THEN it is sent again', (method, code) => {
    expect(shouldRetry(method, err(code), 1)).toBe(true);
  });

  it.each([
    ['POST', 'ECONNRESET', 'not an idempotent method of the agent API'],
    ['PATCH', 'EPIPE', 'not an idempotent method of the agent API'],
    ['GET', 'ECONNREFUSED', 'nothing listens: the error is reported at once'],
    ['PUT', 'ABORT_ERR', 'a timeout: the operation may still be running'],
    ['PUT', 'ETIMEDOUT', 'a connect timeout: the host does not answer'],
    ['GET', 'ENOTFOUND', 'a name that does not resolve'],
    ['GET', 'UND_ERR_SOCKET', 'not a code of the HTTP client nssv uses'],
  ])('GIVEN %s failing with %s THEN it is not sent again (%s)', (method, code) => {
    expect(shouldRetry(method, err(code), 1)).toBe(false);
  });

  it('GIVEN a DOMException timeout (no code) THEN it is not sent again', () => {
    expect(
      shouldRetry('GET', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 1),
    ).toBe(false);
  });

  it(`GIVEN a retryable failure THEN it is retried until attempt ${MAX_ATTEMPTS}, not after`, () => {
    expect(MAX_ATTEMPTS).toBe(3);
    expect(shouldRetry('GET', err('ECONNRESET'), 2)).toBe(true);
    expect(shouldRetry('GET', err('ECONNRESET'), 3)).toBe(false);
  });

  it('GIVEN an error whose cause carries the code THEN the code is found', () => {
    expect(errorCode(new Error('fetch failed', { cause: err('ECONNRESET') }))).toBe('ECONNRESET');
    expect(errorCode('nope')).toBeUndefined();
  });
});
