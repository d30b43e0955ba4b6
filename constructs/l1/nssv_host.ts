// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**
 * Props of {@link NssvHost}: the attributes of `nssv_host` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvHostConfig extends NssvMetaArguments {
  /**
   * The host's name; must equal the hostName in its agentd configuration.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The cluster this host belongs to.
   */
  readonly clusterId: string;
  /**
   * Base URL of the host's agentd, e.g. https://10.0.0.11:7400. With https:// nssv speaks mutual TLS: it trusts only the CA in tls_dir and presents that directory's client certificate.
   */
  readonly endpoint: string;
  /**
   * For an https:// endpoint: the directory with the CA nssv pins (ca.crt) and the client certificate it presents (client.crt, client.key), as `nssv agent ca init` creates it. Default: $NSSV_TLS_DIR, else ~/.config/nssv/tls. Read on the machine that runs nssv; never sent to the agent.
   */
  readonly tlsDir?: string;
  /**
   * Bearer token agentd expects. Sensitive: never shown in plans or logs.
   */
  readonly token: string;
  /**
   * A host in maintenance mode receives no new VMs.
   * @default false
   */
  readonly maintenance?: boolean | IResolvable;
  /**
   * Free-form labels such as rack or chassis, used by failure domains and host groups.
   * @default {}
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A KVM hypervisor host running agentd. nssv talks to the host only through its agent endpoint.
 * The `nssv_host` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvHost extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_host';

  public constructor(scope: Construct, id: string, config: NssvHostConfig) {
    super(scope, id, 'nssv_host', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this host (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: The host's name; must equal the hostName in its agentd configuration.
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `cluster_id` (a token until Terraform runs). As configured, or as nssv computed it: The cluster this host belongs to.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * `endpoint` (a token until Terraform runs). As configured, or as nssv computed it: Base URL of the host's agentd, e.g. https://10.0.0.11:7400. With https:// nssv speaks mutual TLS: it trusts only the CA in tls_dir and presents that directory's client certificate.
   */
  public get endpoint(): string {
    return this.getStringAttribute('endpoint');
  }

  /**
   * `tls_dir` (a token until Terraform runs). As configured, or as nssv computed it: For an https:// endpoint: the directory with the CA nssv pins (ca.crt) and the client certificate it presents (client.crt, client.key), as `nssv agent ca init` creates it. Default: $NSSV_TLS_DIR, else ~/.config/nssv/tls. Read on the machine that runs nssv; never sent to the agent.
   */
  public get tlsDir(): string {
    return this.getStringAttribute('tls_dir');
  }

  /**
   * `token` (a token until Terraform runs). As configured, or as nssv computed it: Bearer token agentd expects. Sensitive: never shown in plans or logs.
   */
  public get token(): string {
    return this.getStringAttribute('token');
  }

  /**
   * `maintenance` (a token until Terraform runs). As configured, or as nssv computed it: A host in maintenance mode receives no new VMs.
   */
  public get maintenance(): IResolvable {
    return this.getBooleanAttribute('maintenance');
  }

  /**
   * `labels` (a token until Terraform runs). As configured, or as nssv computed it: Free-form labels such as rack or chassis, used by failure domains and host groups.
   */
  public get labels(): { [key: string]: string } {
    return this.getStringMapAttribute('labels');
  }

  /**
   * `cpus` (a token until Terraform runs). Computed by nssv: Physical CPUs the agent reports.
   */
  public get cpus(): number {
    return this.getNumberAttribute('cpus');
  }

  /**
   * `memory_mib` (a token until Terraform runs). Computed by nssv: Physical memory the agent reports, in MiB.
   */
  public get memoryMib(): number {
    return this.getNumberAttribute('memory_mib');
  }

  /**
   * `domain_type` (a token until Terraform runs). Computed by nssv: libvirt domain type the host runs guests with: kvm, or qemu (TCG) where KVM is unavailable.
   */
  public get domainType(): string {
    return this.getStringAttribute('domain_type');
  }
}
