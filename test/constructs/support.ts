import { TerraformStack, Testing } from 'cdktn';
import { Cluster, DataCenter, NssvProvider } from '../../constructs/index.js';

/** A stack (with the nssv provider) holding a data center dc1 and a cluster c1 with hosts h1 and h2. */
export function platform() {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new NssvProvider(stack, 'nssv');
  const dc = new DataCenter(stack, 'dc1');
  const cluster = new Cluster(dc, 'c1', { dataCenter: dc });
  const h1 = cluster.addHost('h1', { endpoint: 'http://10.0.0.11:7400', token: 'a'.repeat(32) });
  const h2 = cluster.addHost('h2', { endpoint: 'http://10.0.0.12:7400', token: 'b'.repeat(32) });
  return { stack, dc, cluster, h1, h2 };
}

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** The synthesized resources by type and name, "//" metadata removed. */
export function resources(stack: TerraformStack): Resources {
  const json = JSON.parse(Testing.synth(stack, true)) as { resource: Resources };
  for (const byName of Object.values(json.resource))
    for (const body of Object.values(byName)) delete body['//'];
  return json.resource;
}

export const HINT =
  "\n\nIf you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n";

export function synthErrors(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth did not fail');
}
