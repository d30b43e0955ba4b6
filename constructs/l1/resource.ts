/**
 * Base of the generated L1 classes (l1/nssv_*.ts): a TerraformResource of the CDK core in use whose
 * config is the resource's attributes in camelCase plus Terraform's meta-arguments. It synthesizes
 * the schema's snake_case attributes and validates them at synth (node.addValidation), so every
 * problem of every construct is reported together, each under its construct path.
 */
import type { Construct } from 'constructs';
import { resourceSchema } from '../../schemas/registry.js';
import { cdk } from '../cdk/library.js';
import { splitConfig } from '../cdk/metaArguments.js';
import { assertSameLibrary } from '../cdk/sameLibrary.js';
import { camelCase, camelPath } from '../cdk/names.js';
import { toAttributes } from '../cdk/toAttributes.js';
import type { TerraformMetaArguments } from 'cdktf';
import type { NssvMetaArguments } from '../cdk/types.js';
import { isToken } from '../cdk/tokens.js';
import type { PropNamer } from '../validation/schemaMessages.js';
import { validateAttributes } from '../validation/validateProps.js';

export const NSSV_PROVIDER = 'nssv';

export type { NssvMetaArguments };

export abstract class NssvResource extends cdk.TerraformResource {
  /** The nssv resource type (nssv_vm). */
  public readonly nssvType: string;
  private readonly attributes: Record<string, unknown>;
  private readonly unknownProps: string[];
  private namer: PropNamer = camelPath;
  private validating = true;

  protected constructor(scope: Construct, id: string, type: string, config: object) {
    const { meta, props } = splitConfig(config);
    super(assertSameLibrary(scope, id), id, {
      ...(meta as TerraformMetaArguments),
      terraformResourceType: type,
      terraformGeneratorMetadata: { providerName: NSSV_PROVIDER },
    });
    this.nssvType = type;
    const converted = toAttributes(resourceSchema(type), props);
    this.attributes = converted.attributes;
    this.unknownProps = converted.unknown;
    this.node.addValidation({ validate: () => (this.validating ? this.validateProps() : []) });
  }

  /** The attributes as synthesized (snake_case, before token resolution). */
  public get nssvAttributes(): Readonly<Record<string, unknown>> {
    return this.attributes;
  }

  /** Every problem with the props (schema ranges, enums, patterns, required props, local rules). */
  public validateProps(name: PropNamer = this.namer): string[] {
    const type = this.nssvType;
    const unknown = this.unknownProps.map((p) =>
      p.includes(' ')
        ? `${p}. Fix: give it as a list of objects.`
        : `${p} is not a prop of ${this.constructor.name} (${type}). Fix: remove it, or check its spelling.`,
    );
    return [...unknown, ...validateAttributes(type, this.attributes, { name, isToken })];
  }

  /**
   * For L2 constructs: validate under the L2's own path and prop names instead of this resource's.
   * @internal
   */
  public _reportThrough(owner: Construct, name: PropNamer): void {
    this.validating = false;
    this.namer = name;
    owner.node.addValidation({ validate: () => this.validateProps(name) });
  }

  /**
   * Appends one item (camelCase props) to a nested block, e.g. a disk of a VM: what L2 add* methods use.
   * @internal
   */
  public _addBlockItem(block: string, item: object): void {
    const schema = resourceSchema(this.nssvType);
    const converted = toAttributes(schema, { [camelCase(block)]: [item] });
    const current = (this.attributes[block] ??= []);
    if (!Array.isArray(current)) {
      this.unknownProps.push(
        `${camelCase(block)} was given as one token (IResolvable), so no item can be added to it`,
      );
      return;
    }
    const items = current as unknown[];
    const [added] = converted.attributes[block] as unknown[];
    items.push(added);
    this.unknownProps.push(
      ...converted.unknown.map((p) => p.replace(/^([^[]+)\[0\]/, `$1[${items.length - 1}]`)),
    );
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}
