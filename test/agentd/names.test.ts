import { AgentError } from '../../agentd/errors.js';
import { assertName, isValidName, namedRegExp } from '../../agentd/names.js';

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

  it('GIVEN a path template WHEN names and formats are read back THEN they follow the schemas (63 characters at most, qcow2 or raw)', () => {
    const re = namedRegExp('^<name>/<name>\\.<format>$');
    expect(re.exec('data/web-1.qcow2')?.slice(1)).toEqual(['data', 'web-1', 'qcow2']);
    expect(re.exec(`data/${'a'.repeat(63)}.raw`)?.slice(1)).toEqual(['data', 'a'.repeat(63), 'raw']);
    expect(re.test(`data/${'a'.repeat(64)}.raw`)).toBe(false);
    expect(re.test('data/web-1.vmdk')).toBe(false);
    expect(re.test('Data/web-1.qcow2')).toBe(false);
    expect(namedRegExp('^<name>/<name>\\.<format>$')).toBe(re);
  });

  it.each([
    ['data.vol1-m3k2x0a1', true],
    ['data.', false],
    ['1data.vol1', false],
  ])('GIVEN trash id %j WHEN validated THEN valid is %s', (id, valid) => {
    expect(isValidName('trash', id)).toBe(valid);
  });
});
