import type { AgentEndpoint } from '../agent/client.js';
import type { TfObject, TfValue } from './cty/value.js';
import { containsUnknown } from './cty/unknown.js';
import type { BlockSchema } from './schema/block.js';

/** One host the provider can reach: its agent, and the cluster the scheduler places it in. */
export interface ProviderHost extends AgentEndpoint {
  cluster: string;
}

/**
 * provider "nssv" { hosts = { h1 = { cluster_id, endpoint, token } } }. The provider needs every
 * host's agent before it plans anything (to place VMs and to read what exists), and Terraform
 * gives a provider nothing of other resources: so hosts are provider configuration, the one
 * input Terraform hands over first (see docs/terraform.md, "Where hosts come from").
 */
export const providerSchema: BlockSchema = {
  description: 'The nssv provider: plans and applies through the agents (agentd) of the hosts listed here.',
  attributes: [
    {
      name: 'hosts',
      type: ['map', ['object', { cluster_id: 'string', endpoint: 'string', token: 'string' }]],
      description:
        "The hypervisor hosts, by name (the hostName in each agentd configuration): the cluster the host belongs to, its agent's base URL and its bearer token. Sensitive: holds tokens.",
      required: true,
      optional: false,
      computed: false,
      sensitive: true,
      forceNew: false,
    },
    {
      name: 'tls_dir',
      type: 'string',
      description:
        'For hosts whose endpoint is https://: the directory with the CA the provider pins (ca.crt) and its client certificate (client.crt, client.key), as `nssv agent ca init` creates it. Default: $NSSV_TLS_DIR, else ~/.config/nssv/tls.',
      required: false,
      optional: true,
      computed: false,
      sensitive: false,
      forceNew: false,
    },
  ],
  blocks: [],
};

export type HostsOrProblem = { hosts: Map<string, ProviderHost> } | { problem: string; attribute: string };

export function parseProviderConfig(config: TfObject | null): HostsOrProblem {
  const raw = config?.hosts;
  if (raw === null || raw === undefined)
    return { problem: 'the provider configuration sets no hosts', attribute: 'hosts' };
  if (containsUnknown(raw))
    return {
      problem:
        "the provider's hosts are not known until apply: set them from variables or locals, not from resources",
      attribute: 'hosts',
    };
  const tlsDir = config?.tls_dir;
  if (containsUnknown(tlsDir ?? null))
    return {
      problem: "the provider's tls_dir is not known until apply: set it from a variable or a literal",
      attribute: 'tls_dir',
    };
  const hosts = new Map<string, ProviderHost>();
  for (const [name, v] of Object.entries(raw as Record<string, TfValue>).sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const h = v as TfObject;
    for (const key of ['cluster_id', 'endpoint', 'token']) {
      if (typeof h?.[key] !== 'string' || h[key] === '')
        return { problem: `hosts["${name}"].${key} is not set`, attribute: `hosts["${name}"].${key}` };
    }
    hosts.set(name, {
      host: name,
      cluster: h.cluster_id as string,
      endpoint: h.endpoint as string,
      token: h.token as string,
      ...(typeof tlsDir === 'string' && tlsDir !== '' ? { tlsDir } : {}),
    });
  }
  return { hosts };
}
