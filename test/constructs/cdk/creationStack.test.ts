import { withoutCreationStack } from '../../../constructs/cdk/creationStack.js';

describe('withoutCreationStack', () => {
  const saved = process.env.CDKTN_DISABLE_CREATION_STACK;
  afterEach(() => {
    if (saved === undefined) delete process.env.CDKTN_DISABLE_CREATION_STACK;
    else process.env.CDKTN_DISABLE_CREATION_STACK = saved;
  });

  it('GIVEN the variable unset THEN it is set while making the token and unset after, even on a throw', () => {
    delete process.env.CDKTN_DISABLE_CREATION_STACK;
    expect(withoutCreationStack(() => process.env.CDKTN_DISABLE_CREATION_STACK)).toBe('1');
    expect(process.env.CDKTN_DISABLE_CREATION_STACK).toBeUndefined();
    expect(() =>
      withoutCreationStack(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env.CDKTN_DISABLE_CREATION_STACK).toBeUndefined();
  });

  it("GIVEN the user's own setting THEN it is left as it is", () => {
    process.env.CDKTN_DISABLE_CREATION_STACK = '0';
    expect(withoutCreationStack(() => process.env.CDKTN_DISABLE_CREATION_STACK)).toBe('0');
    expect(process.env.CDKTN_DISABLE_CREATION_STACK).toBe('0');
  });
});
