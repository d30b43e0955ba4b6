/**
 * What every L2 construct shares: it owns one L1 resource (child id "Resource") whose Terraform
 * name is the platform name (nssv_vm.web1 for name "web1"; "-" becomes "_"), so addresses read like
 * the HCL a person would write; its props are validated under the L2's own path and prop names;
 * two L2s of one type with the same name in a stack are reported (nssv names are unique per type).
 */
import { Construct } from 'constructs';
import { cdk } from '../cdk/library.js';
import { withoutCreationStack } from '../cdk/creationStack.js';
import { camelPath } from '../cdk/names.js';
import type { NssvResource } from '../l1/resource.js';

/** L2 prop name for attributes whose L2 prop is named differently (memory_mib → memory). */
export type PropNames = Readonly<Record<string, string>>;

const NAMES = new WeakMap<Construct, Map<string, string>>();

function stackOf(c: Construct): Construct {
  return c.node.scopes.find((s) => cdk.TerraformStack.isStack(s)) ?? c.node.root;
}

export abstract class NssvConstruct<R extends NssvResource = NssvResource> extends Construct {
  /** The L1 resource: escape hatch for attributes the L2 does not expose (addOverride, dependsOn, …). */
  public readonly resource: R;
  /** Problems found while building the props (reported at synth with the schema's). */
  protected readonly problems: string[] = [];
  private idToken: string | undefined;

  protected constructor(scope: Construct, id: string, make: (scope: Construct) => R, names: PropNames = {}) {
    super(scope, id);
    this.resource = make(this);
    const name = this.resource.nssvAttributes['name'];
    if (typeof name === 'string' && !cdk.Token.isUnresolved(name)) this.claim(name);
    const namer = (path: readonly (string | number)[]): string => {
      const snake = path.filter((p) => typeof p === 'string').join('.');
      const own = names[snake];
      const camel = camelPath(path);
      return own === undefined || own === camel
        ? camel
        : `${own} (${path.join('.').replace(/\.(\d+)/g, '[$1]')})`;
    };
    this.resource._reportThrough(this, namer);
    this.node.addValidation({ validate: () => this.problems });
  }

  /** The resource's id as one token, made once (every reference to this construct reuses it). */
  protected get refId(): string {
    return (this.idToken ??= withoutCreationStack(() => this.resource.getStringAttribute('id')));
  }

  private claim(name: string): void {
    const logical = name.replace(/[^A-Za-z0-9_-]/g, '_').replace(/-/g, '_');
    if (/^[A-Za-z_]/.test(logical)) this.resource.overrideLogicalId(logical);
    const stack = stackOf(this);
    const seen = NAMES.get(stack) ?? new Map<string, string>();
    NAMES.set(stack, seen);
    const key = `${this.resource.nssvType}\u0000${logical}`;
    const other = seen.get(key);
    if (other !== undefined)
      this.problems.push(
        `name = ${JSON.stringify(name)} is also the name of ${other}: names of ${this.resource.nssvType} are unique. Fix: give one of them another name (or construct id).`,
      );
    else seen.set(key, this.node.path);
  }
}
