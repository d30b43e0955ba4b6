import type { Construct } from 'constructs';
import { cdk } from './library.js';
import { assertSameLibrary } from './sameLibrary.js';

/** Where Terraform finds the nssv provider (required_providers.nssv.source). */
export const NSSV_PROVIDER_SOURCE = 'nssv/nssv';

/** How the Terraform provider reaches one host's agent. */
export interface NssvProviderHost {
  /** Name of the host's cluster (nssv ids are names). */
  readonly clusterId: string;
  /** The agent's URL. */
  readonly endpoint: string;
  /** The agent's bearer token (a sensitive variable's value, preferably). */
  readonly token: string;
}

/** Implemented by constructs that declare a host (the L2 Host), so the provider can list them. */
export interface IDeclaresProviderHost {
  readonly nssvProviderHost: NssvProviderHost & { readonly name: string };
}

export interface NssvProviderConfig {
  /** Alias, for a second provider configuration. */
  readonly alias?: string;
  /**
   * The hosts the Terraform provider talks to, by host name.
   * @default every host declared with Cluster.addHost() (or new Host()) in the provider's stack
   */
  readonly hosts?: { readonly [name: string]: NssvProviderHost };
  /** The TLS directory the provider uses for https:// agents (provider "nssv" { tls_dir }). */
  readonly tlsDir?: string;
}

/**
 * The nssv provider: `provider "nssv" { hosts = … }` plus `required_providers.nssv` in the
 * synthesized configuration, which `terraform` needs to find and configure the provider (see
 * docs/terraform.md). `nssv plan` reads hosts from the nssv_host resources and ignores the block.
 */
export class NssvProvider extends cdk.TerraformProvider {
  private readonly aliasName: string | undefined;
  private readonly hosts: NssvProviderConfig['hosts'];
  private readonly tlsDir: string | undefined;

  public constructor(scope: Construct, id: string, config: NssvProviderConfig = {}) {
    super(assertSameLibrary(scope, id), id, {
      terraformResourceType: 'nssv',
      terraformGeneratorMetadata: { providerName: 'nssv' },
      terraformProviderSource: NSSV_PROVIDER_SOURCE,
    });
    this.aliasName = config.alias;
    this.hosts = config.hosts;
    this.tlsDir = config.tlsDir;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const hosts: Record<string, NssvProviderHost> = { ...(this.hosts ?? declaredHosts(this)) };
    if (!Object.keys(hosts).length) return {};
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(hosts).sort()) {
      const h = hosts[name]!;
      out[name] = { cluster_id: h.clusterId, endpoint: h.endpoint, token: h.token };
    }
    return { hosts: out, ...(this.tlsDir === undefined ? {} : { tls_dir: this.tlsDir }) };
  }

  public override get alias(): string | undefined {
    return this.aliasName;
  }
}

function declaredHosts(provider: Construct): Record<string, NssvProviderHost> {
  const stack = provider.node.scopes.find((s) => cdk.TerraformStack.isStack(s)) ?? provider.node.root;
  const out: Record<string, NssvProviderHost> = {};
  for (const c of stack.node.findAll()) {
    const h = (c as Partial<IDeclaresProviderHost>).nssvProviderHost;
    if (h) out[h.name] = { clusterId: h.clusterId, endpoint: h.endpoint, token: h.token };
  }
  return out;
}
