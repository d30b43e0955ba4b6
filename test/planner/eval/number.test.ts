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
});
