/** NssvProvider: required_providers source, and the hosts the Terraform provider reaches (declared or given). */
import { TerraformStack, Testing } from 'cdktn';
import { NssvProvider } from '../../../constructs/index.js';
import { platform } from '../support.js';

type Doc = { provider: { nssv: Record<string, unknown>[] }; terraform: { required_providers: unknown } };
const synth = (s: TerraformStack): Doc => JSON.parse(Testing.synth(s)) as Doc;

it('GIVEN a stack without hosts WHEN synthesized THEN the provider block is empty and its source is nssv/nssv', () => {
  const s = new TerraformStack(Testing.app(), 's');
  new NssvProvider(s, 'nssv');
  const doc = synth(s);
  expect(doc.provider.nssv).toEqual([{}]);
  expect(doc.terraform.required_providers).toEqual({ nssv: { source: 'nssv/nssv' } });
});

it('GIVEN hosts added to clusters WHEN synthesized THEN the provider lists them by name with cluster, endpoint and token', () => {
  const { stack } = platform();
  expect(synth(stack).provider.nssv).toEqual([
    {
      hosts: {
        h1: { cluster_id: 'c1', endpoint: 'http://10.0.0.11:7400', token: 'a'.repeat(32) },
        h2: { cluster_id: 'c1', endpoint: 'http://10.0.0.12:7400', token: 'b'.repeat(32) },
      },
    },
  ]);
});

it('GIVEN explicit hosts and an alias WHEN synthesized THEN those are used', () => {
  const { stack } = platform();
  new NssvProvider(stack, 'other', {
    alias: 'dc2',
    hosts: { x1: { clusterId: 'dc2-a', endpoint: 'http://10.1.0.1:7400', token: '${var.x1_token}' } },
  });
  expect(synth(stack).provider.nssv[1]).toEqual({
    alias: 'dc2',
    hosts: { x1: { cluster_id: 'dc2-a', endpoint: 'http://10.1.0.1:7400', token: '${var.x1_token}' } },
  });
});
