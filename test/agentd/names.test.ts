import { AgentError } from '../../agentd/errors.js';
import { assertName, isValidName } from '../../agentd/names.js';

describe('names', () => {
  it.each(['a', 'web-1', 'a'.repeat(63)])(
    'GIVEN %s WHEN validated as a domain name THEN it is accepted',
    (n) => {
      expect(isValidName('domain', n)).toBe(true);
    },
  );

  it.each(['', '1abc', 'A', 'a_b', 'a;rm -rf /', '..', 'a/../b', '$(id)', 'a b', 'a'.repeat(64), 'web\n'])(
    'GIVEN %j WHEN validated THEN it is refused',
    (n) => {
      expect(isValidName('pool', n)).toBe(false);
    },
  );

  it('GIVEN a switch name of 16 characters WHEN validated THEN it is refused (OVS bridges are interfaces)', () => {
    expect(isValidName('switch', 'a'.repeat(15))).toBe(true);
    expect(isValidName('switch', 'a'.repeat(16))).toBe(false);
    expect(isValidName('domain', 'a'.repeat(16))).toBe(true);
  });

  it('GIVEN shell metacharacters WHEN asserted THEN invalid_name names the parameter, shows the value JSON-escaped and says what is allowed', () => {
    let error: unknown;
    try {
      assertName('volume', 'x"; rm -rf /', 'volume');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AgentError);
    expect((error as AgentError).status).toBe(400);
    expect((error as AgentError).toBody()).toEqual({
      error: {
        code: 'invalid_name',
        message:
          'invalid volume name "x\\"; rm -rf /": names start with a lowercase letter followed by up to 62 lowercase letters, digits or hyphens',
      },
    });
  });

  it('GIVEN a long switch name WHEN asserted THEN the message states the 15-character limit', () => {
    expect(() => assertName('switch', 'abcdefghijklmnop', 'switch')).toThrow(
      'invalid switch name "abcdefghijklmnop": switch names start with a lowercase letter followed by lowercase letters, digits or hyphens, at most 15 characters in all (an OVS bridge is a Linux interface)',
    );
  });
});
