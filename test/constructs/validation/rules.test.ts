import { ruleMessages, UNKNOWN } from '../../../constructs/validation/rules.js';
import { resourceSchema } from '../../../schemas/registry.js';
import { rulesFor } from '../../../schemas/rules/registry.js';

const name = (path: readonly (string | number)[]) => path.join('.');
const messages = (type: string, attributes: Record<string, unknown>) =>
  ruleMessages(rulesFor(type), resourceSchema(type), attributes, name);

describe('construct rule messages (the shared interpreter, worded for props)', () => {
  it('GIVEN a port range that ends before it starts WHEN checked THEN both props and values are named', () => {
    expect(
      messages('nssv_security_group', {
        name: 'sg',
        rule: [{ direction: 'ingress', protocol: 'tcp', port_from: 90, port_to: 80 }],
      }),
    ).toEqual([
      'rule.0.port_from = 90 is greater than rule.0.port_to = 80. Rule: a port range starts at or before its end (NSSV_RULE_ORDER). Fix: swap them.',
    ]);
  });

  it('GIVEN a DHCP range whose IPv4 start is after its end WHEN checked THEN it is refused at synth, as nssv validate refuses it', () => {
    expect(
      messages('nssv_port_group', {
        name: 'pg',
        switch_id: 's',
        cidr: '10.0.0.0/24',
        dhcp: [{ start: '10.0.0.90', end: '10.0.0.10' }],
      }),
    ).toEqual([
      'dhcp.0.start = "10.0.0.90" is greater than dhcp.0.end = "10.0.0.10". Rule: the DHCP range starts at or before its end (NSSV_RULE_ORDER). Fix: swap them.',
    ]);
  });

  it('GIVEN a token where a rule needs a value WHEN checked THEN the rule does not apply', () => {
    expect(
      messages('nssv_security_group', {
        name: 'sg',
        rule: [{ direction: 'ingress', protocol: 'tcp', port_from: UNKNOWN, port_to: 80 }],
      }),
    ).toEqual([]);
  });
});
