import type { Construct } from 'constructs';
import { NssvSecurityGroup, type NssvSecurityGroupRule } from '../l1/nssv_security_group.js';
import { NssvConstruct } from './base.js';
import type { DataCenter } from './dataCenter.js';

export interface SecurityGroupProps {
  readonly dataCenter: DataCenter;
  /** @default the construct id */
  readonly name?: string;
  /** Rules as the schema spells them; more with {@link SecurityGroup.addRule}. */
  readonly rules?: NssvSecurityGroupRule[];
  readonly description?: string;
}

/** A distributed firewall (nssv_security_group) for VM NICs. Refused by `nssv plan` today (no agent support yet). */
export class SecurityGroup extends NssvConstruct<NssvSecurityGroup> {
  public constructor(scope: Construct, id: string, props: SecurityGroupProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvSecurityGroup(s, 'Resource', {
          name: props.name ?? id,
          datacenterId: props.dataCenter.dataCenterId,
          rule: props.rules,
          description: props.description,
        }),
      { datacenter_id: 'dataCenter', rule: 'rules' },
    );
  }

  public get securityGroupId(): string {
    return this.refId;
  }

  /** Adds a rule (synthesized after the ones given in props). */
  public addRule(rule: NssvSecurityGroupRule): void {
    this.resource._addBlockItem('rule', rule);
  }
}
