import { normaliseArgs } from '../../../bin/cli/main.js';

describe('normaliseArgs', () => {
  it('GIVEN Terraform-style single-dash long flags WHEN normalised THEN they get two dashes', () => {
    expect(normaliseArgs(['apply', '-auto-approve', '-var=a=1', '-out', 'x.plan'])).toEqual([
      'apply',
      '--auto-approve',
      '--var=a=1',
      '--out',
      'x.plan',
    ]);
  });

  it('GIVEN short flags, double-dash flags and values WHEN normalised THEN they are left alone', () => {
    expect(normaliseArgs(['-h', '--json', 'nssv_vm.web1', '-1', '-'])).toEqual([
      '-h',
      '--json',
      'nssv_vm.web1',
      '-1',
      '-',
    ]);
  });
});
