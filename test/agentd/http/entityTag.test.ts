import { entityTag, ifNoneMatchNames } from '../../../agentd/http/entityTag.js';

describe('entityTag', () => {
  it('GIVEN a body THEN its tag is the quoted base64url SHA-256 of its bytes', () => {
    expect(entityTag('{}')).toBe('"RBNvo1WzZ4oRRq0W9-hknpT7T8If536DEMBg9hyq_4o"');
  });

  it('GIVEN two bodies that differ by one character THEN their tags differ', () => {
    expect(entityTag('{"a":1}')).not.toBe(entityTag('{"a":2}'));
  });
});

describe('ifNoneMatchNames', () => {
  const tag = '"abc"';
  it.each([
    ['the tag itself', '"abc"', true],
    ['the tag in a list', '"x", "abc"', true],
    ['the weak form of the tag', 'W/"abc"', true],
    ['any tag (*)', '*', true],
    ['another tag', '"abd"', false],
    ['the tag unquoted', 'abc', false],
    ['no header', undefined, false],
  ])('GIVEN If-None-Match with %s THEN it names the tag: %s', (_what, header, names) => {
    expect(ifNoneMatchNames(header, tag)).toBe(names);
  });
});
