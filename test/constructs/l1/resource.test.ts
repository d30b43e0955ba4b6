/**
 * L1 classes: camelCase props synthesized to the schema's snake_case, Terraform meta-arguments,
 * attribute getters as tokens, and validation at synth with messages naming the construct path,
 * the value and what is allowed, every problem reported together.
 */
import { TerraformStack, Testing } from 'cdktn';
import {
  NssvCluster,
  NssvDatacenter,
  NssvProvider,
  NssvStoragePool,
  NssvVm,
} from '../../../constructs/index.js';

const HINT =
  "\n\nIf you wish to ignore these validations, pass 'skipValidation: true' to your App configuration.\n";

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'stack');
  new NssvProvider(s, 'nssv');
  return s;
}

function synthErrors(s: TerraformStack): string {
  try {
    Testing.synth(s, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('synth did not fail');
}

describe('NssvVm', () => {
  it('GIVEN camelCase props and blocks WHEN synthesized THEN attributes are snake_case and references are ${…}', () => {
    const s = stack();
    const dc = new NssvDatacenter(s, 'dc', { name: 'dc' });
    const c = new NssvCluster(s, 'c', { name: 'c', datacenterId: dc.id });
    new NssvVm(s, 'vm', {
      name: 'web1',
      clusterId: c.id,
      memoryMib: 2048,
      disk: [{ volumeId: 'v1', bootOrder: 1 }],
      nic: [{ portGroupId: 'web', securityGroupIds: [] }],
      tags: { roleName: 'web' },
      dependsOn: [dc],
    });
    const json = JSON.parse(Testing.synth(s)) as { resource: Record<string, Record<string, unknown>> };
    expect(json.resource['nssv_vm']!['vm']).toEqual({
      name: 'web1',
      cluster_id: '${nssv_cluster.c.id}',
      memory_mib: 2048,
      disk: [{ volume_id: 'v1', boot_order: 1 }],
      nic: [{ port_group_id: 'web', security_group_ids: [] }],
      tags: { roleName: 'web' },
      depends_on: ['nssv_datacenter.dc'],
    });
  });

  it('GIVEN attribute getters WHEN used in another resource THEN they synthesize as references', () => {
    const s = stack();
    const vm = new NssvVm(s, 'vm', { name: 'a', clusterId: 'c' });
    new NssvVm(s, 'vm2', { name: 'b', clusterId: 'c', memoryMib: vm.memoryMib, description: vm.uuid });
    const json = JSON.parse(Testing.synth(s)) as { resource: Record<string, Record<string, unknown>> };
    expect(json.resource['nssv_vm']!['vm2']).toEqual({
      name: 'b',
      cluster_id: 'c',
      memory_mib: '${nssv_vm.vm.memory_mib}',
      description: '${nssv_vm.vm.uuid}',
    });
  });

  it('GIVEN memoryMib: 10 WHEN synthesized THEN synth fails naming the construct path, the value and the allowed range', () => {
    const s = stack();
    new NssvVm(s, 'vm', { name: 'web1', clusterId: 'c', memoryMib: 10 });
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/vm] memoryMib = 10 is below the minimum 64. Allowed: 64–1048576 MiB. Fix: set memoryMib to at least 64.' +
        HINT,
    );
  });

  it('GIVEN several bad props on several constructs WHEN synthesized THEN every problem is reported together', () => {
    const s = stack();
    new NssvVm(s, 'vm', {
      name: 'Web_1',
      clusterId: 'c',
      vcpus: 65,
      disk: [{ volumeId: 'v', bus: 'ide' as 'virtio' }],
      userData: 'x'.repeat(65537),
    });
    new NssvVm(s, 'other', { name: 'ok', clusterId: 'c', memoryMiB: 128 } as unknown as ConstructorParameters<
      typeof NssvVm
    >[2]);
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/vm] name = "Web_1" is not valid. Rule: use lower-case letters, digits and \'-\', start with a letter, at most 63 characters. Fix: change name to follow the rule.\n' +
        '  [stack/vm] vcpus = 65 is above the maximum 64. Allowed: 1–64. Fix: set vcpus to at most 64.\n' +
        '  [stack/vm] disk[0].bus = "ide" is not an allowed value. Allowed: "virtio", "scsi", "sata". Fix: set disk[0].bus to one of them.\n' +
        '  [stack/vm] userData = (sensitive value) is too long. Allowed: at most 65536 characters. Fix: shorten userData.\n' +
        '  [stack/other] memoryMiB is not a prop of NssvVm (nssv_vm). Fix: remove it, or check its spelling.' +
        HINT,
    );
  });

  it('GIVEN references (tokens) in checked props WHEN synthesized THEN they are not judged', () => {
    const s = stack();
    const vm = new NssvVm(s, 'vm', { name: 'a', clusterId: 'c' });
    new NssvVm(s, 'vm2', {
      name: vm.name,
      clusterId: vm.clusterId,
      vcpus: vm.vcpus,
      memoryMib: vm.memoryMib,
    });
    expect(() => Testing.synth(s, true)).not.toThrow();
  });

  it('GIVEN a missing required prop (JavaScript caller) WHEN synthesized THEN it is named', () => {
    const s = stack();
    new NssvVm(s, 'vm', { name: 'a' } as ConstructorParameters<typeof NssvVm>[2]);
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/vm] clusterId is required. Fix: set clusterId.' +
        HINT,
    );
  });
});

describe('NssvStoragePool rules', () => {
  it('GIVEN an rbd pool without replicas or erasureCode WHEN synthesized THEN the rule is reported in words', () => {
    const s = stack();
    new NssvStoragePool(s, 'p', { name: 'p', kind: 'rbd', clusterId: 'c' });
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/p] with kind = "rbd", set one of replicas, erasureCode; none is set. Rule: an rbd pool is protected by either replicas (2–6 copies) or an erasure_code { k, m } block, not both (NSSV_RULE_POOL_REDUNDANCY).' +
        HINT,
    );
  });

  it('GIVEN a dir pool with replicas WHEN synthesized THEN the forbidden prop is named with its value', () => {
    const s = stack();
    new NssvStoragePool(s, 'p', { name: 'p', kind: 'dir', clusterId: 'c', replicas: 3 });
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/p] with kind = "dir", replicas = 3 is not allowed. Rule: replicas applies to rbd pools only; a dir pool keeps one copy of each file on its host (NSSV_RULE_POOL_RBD_ONLY). Fix: remove replicas.' +
        HINT,
    );
  });
});

describe('adding block items', () => {
  it('GIVEN an unknown prop inside an added block item WHEN synthesized THEN it is named with its index', () => {
    const s = stack();
    const vm = new NssvVm(s, 'vm', { name: 'a', clusterId: 'c', disk: [{ volumeId: 'v0' }] });
    vm._addBlockItem('disk', { volumeID: 'v1' });
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/vm] disk[1].volumeID is not a prop of NssvVm (nssv_vm). Fix: remove it, or check its spelling.\n' +
        '  [stack/vm] disk[1].volumeId is required in disk[1]. Fix: set disk[1].volumeId.' +
        HINT,
    );
  });

  it('GIVEN a block given as a token WHEN an item is added THEN synth says it cannot be', () => {
    const s = stack();
    const other = new NssvVm(s, 'other', { name: 'b', clusterId: 'c' });
    const vm = new NssvVm(s, 'vm', { name: 'a', clusterId: 'c', disk: other.disk });
    vm._addBlockItem('disk', { volumeId: 'v1' });
    expect(synthErrors(s)).toBe(
      'Validation failed with the following errors:\n' +
        '  [stack/vm] disk was given as one token (IResolvable), so no item can be added to it. Fix: give it as a list of objects.' +
        HINT,
    );
  });
});
