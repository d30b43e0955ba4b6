import { BigNum } from '../../../planner/eval/number.js';

describe('BigNum (Terraform numbers)', () => {
  const p = (s: string) => BigNum.parse(s)!;
  it('GIVEN literals WHEN divided THEN 512-bit precision prints like terraform console', () => {
    expect(p('1').div(p('3')).toString()).toBe(
      '0.33333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333335',
    );
    expect(p('0.1').add(p('0.2')).toString()).toBe('0.3');
  });
  it('GIVEN 64-bit integers from functions WHEN divided THEN the result has 64-bit precision', () => {
    expect(BigNum.fromInt(1).div(BigNum.fromInt(3)).toString()).toBe('0.33333333333333333334');
  });
  it('GIVEN float64 results WHEN printed THEN they print as Go does', () => {
    expect(BigNum.fromFloat64(Math.pow(2, 100)).toString()).toBe('1267650600228229400000000000000');
    expect(p('0').neg_().toString()).toBe('-0');
  });
  it('GIVEN whole numbers WHEN read as safe integers THEN they equal Number(toString()), and others have none', () => {
    const values = [
      ...[0, 1, 2, 3, 4096, 65535, 65536, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 52, 2 ** 53 - 1].flatMap(
        (n) => [BigNum.fromInt(n), BigNum.fromInt(-n)],
      ),
      p('12'),
      p('1e15'),
      p('-0'),
    ];
    for (const v of values) expect(v.toSafeInteger()).toBe(Number(v.toString()));
    expect(p('-0').toSafeInteger()).toBe(-0);
    expect(p('0.5').toSafeInteger()).toBeUndefined();
    expect(p('9007199254740992').toSafeInteger()).toBeUndefined();
    expect(p('1e30').toSafeInteger()).toBeUndefined();
    expect(BigNum.infinity(false).toSafeInteger()).toBeUndefined();
    // rounded to 4 bits it prints as the shortest decimal of that precision, not as an integer
    expect(BigNum.fromInt(1000).withPrec(4).toSafeInteger()).toBeUndefined();
  });
  it('GIVEN small and large integers WHEN made with fromInt THEN they equal fromBigInt and print the same', () => {
    for (const n of [
      0,
      -0,
      1,
      -1,
      6,
      1024,
      -65536,
      2 ** 31 - 1,
      -(2 ** 31 - 1),
      2 ** 31,
      -(2 ** 31),
      2 ** 40 + 8,
    ]) {
      const a = BigNum.fromInt(n);
      const b = BigNum.fromBigInt(BigInt(n), 64);
      expect([a.neg, a.mant, a.exp, a.prec, a.toString()]).toEqual([
        b.neg,
        b.mant,
        b.exp,
        b.prec,
        b.toString(),
      ]);
    }
    expect(BigNum.fromInt(-12).toString()).toBe('-12');
  });
});
