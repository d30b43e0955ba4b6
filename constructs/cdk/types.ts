/**
 * The CDK for Terraform types the constructs' public API mentions, in one place. Type-only: at run
 * time the core comes from cdk/library.ts (cdktf or cdktn, which share these shapes).
 */
export type {
  IResolvable,
  ITerraformDependable,
  TerraformMetaArguments,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from 'cdktf';
