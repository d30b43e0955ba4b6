import type { Construct } from 'constructs';
import { cdk } from './library.js';
import { assertSameLibrary } from './sameLibrary.js';

/** Where Terraform finds the nssv provider (required_providers.nssv.source). */
export const NSSV_PROVIDER_SOURCE = 'nssv/nssv';

export interface NssvProviderConfig {
  /** Alias, for a second provider configuration. */
  readonly alias?: string;
}

/**
 * The nssv provider: `provider "nssv" {}` plus `required_providers.nssv` in the synthesized
 * configuration, which `terraform` needs to find the provider. `nssv plan` needs no provider block
 * (it reads the resources directly) but accepts one.
 */
export class NssvProvider extends cdk.TerraformProvider {
  private readonly aliasName: string | undefined;

  public constructor(scope: Construct, id: string, config: NssvProviderConfig = {}) {
    super(assertSameLibrary(scope, id), id, {
      terraformResourceType: 'nssv',
      terraformGeneratorMetadata: { providerName: 'nssv' },
      terraformProviderSource: NSSV_PROVIDER_SOURCE,
    });
    this.aliasName = config.alias;
  }

  public override get alias(): string | undefined {
    return this.aliasName;
  }
}
