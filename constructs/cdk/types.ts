/**
 * The CDK for Terraform types the constructs' public API mentions, written so that objects of either
 * core (cdktf or cdktn) fit: classes such as TerraformProvider are not assignable across the two
 * packages (their private members are declared twice), so props take the structural shape the
 * constructs use instead.
 */
import type * as Cdktf from 'cdktf';

export type IResolvable = Cdktf.IResolvable;

/** Something a resource can depend on: a resource, module or data source of either core. */
export interface IDependable {
  readonly fqn: string;
}

/** A provider construct of either core (NssvProvider, or another configuration of it). */
export interface IProvider {
  readonly fqn: string;
}

/** A TerraformCount of either core. */
export interface ICount {
  toTerraform(): number;
}

/** Terraform's meta-arguments, as cdktf's generated bindings accept them. */
export interface NssvMetaArguments {
  readonly dependsOn?: IDependable[];
  readonly count?: number | ICount;
  readonly provider?: IProvider;
  readonly lifecycle?: Cdktf.TerraformResourceLifecycle;
  readonly forEach?: Cdktf.ITerraformIterator;
  readonly provisioners?: Cdktf.TerraformMetaArguments['provisioners'];
  readonly connection?: Cdktf.TerraformMetaArguments['connection'];
}
