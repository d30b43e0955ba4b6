/** Vm: Size and cpus props, addDisk/attachTo in call order, removalPolicy, fromName, validation in the L2's words. */
import {
  DistributedSwitch,
  RemovalPolicy,
  SecurityGroup,
  Size,
  StoragePool,
  Vm,
  Volume,
} from '../../../constructs/index.js';
import { HINT, platform, resources, synthErrors } from '../support.js';

function setup() {
  const p = platform();
  const lan = new DistributedSwitch(p.stack, 'lan', { dataCenter: p.dc, clusters: [p.cluster] });
  const web = lan.addPortGroup('web', { vlanId: 100 });
  const db = lan.addPortGroup('db', { vlanId: 200 });
  const pool = StoragePool.directory(p.stack, 'local', { cluster: p.cluster });
  return { ...p, web, db, pool };
}

it('GIVEN a Vm with disks and NICs WHEN synthesized THEN nssv_vm.NAME has them in call order, referring by id', () => {
  const { stack, cluster, web, db, pool, dc } = setup();
  const root = new Volume(stack, 'web1-root', { pool, size: Size.gibibytes(10) });
  const data = new Volume(stack, 'web1-data', { pool, size: Size.gibibytes(1) });
  const sg = new SecurityGroup(stack, 'web-sg', { dataCenter: dc });
  new Vm(stack, 'web1', { cluster, cpus: 2, memory: Size.gibibytes(2), removalPolicy: RemovalPolicy.RETAIN })
    .addDisk(root)
    .addDisk(data, { bus: 'scsi', bootOrder: 2 })
    .attachTo(web, { securityGroups: [sg] })
    .attachTo(db, { ip: '10.0.2.5' });
  const r = resources(stack);
  expect(r['nssv_vm']).toEqual({
    web1: {
      name: 'web1',
      cluster_id: '${nssv_cluster.c1.id}',
      vcpus: 2,
      memory_mib: 2048,
      delete_policy: 'never',
      disk: [
        { volume_id: '${nssv_volume.web1_root.id}' },
        { volume_id: '${nssv_volume.web1_data.id}', bus: 'scsi', boot_order: 2 },
      ],
      nic: [
        {
          port_group_id: '${nssv_port_group.web.id}',
          security_group_ids: ['${nssv_security_group.web_sg.id}'],
        },
        { port_group_id: '${nssv_port_group.db.id}', ip: '10.0.2.5' },
      ],
    },
  });
  expect(r['nssv_volume']!['web1_root']).toEqual({
    name: 'web1-root',
    pool_id: '${nssv_storage_pool.local.id}',
    size_gib: 10,
  });
});

it('GIVEN Vm.fromName WHEN used THEN it refers to the VM by name and creates nothing', () => {
  const { stack } = setup();
  const vm = Vm.fromName(stack, 'legacy', 'legacy-db');
  expect([vm.vmId, vm.vmName]).toEqual(['legacy-db', 'legacy-db']);
  expect(resources(stack)['nssv_vm']).toBeUndefined();
});

it('GIVEN bad L2 props on several constructs WHEN synthesized THEN every problem is reported together under its L2 path and prop name', () => {
  const { stack, cluster, pool } = setup();
  const vol = new Volume(stack, 'big', { pool, size: Size.mebibytes(1536) });
  new Vm(stack, 'web1', { cluster, cpus: 0, memory: Size.mebibytes(10) }).addDisk(vol, { bootOrder: 17 });
  new Vm(stack, 'web2', { cluster, name: 'web1' });
  expect(synthErrors(stack)).toBe(
    'Validation failed with the following errors:\n' +
      '  [stack/big] size (size_gib) = 1.5 is a number, but it must be a whole number. Fix: set size (size_gib) to a whole number.\n' +
      '  [stack/web1] cpus (vcpus) = 0 is below the minimum 1. Allowed: 1–64. Fix: set cpus (vcpus) to at least 1.\n' +
      '  [stack/web1] memory (memory_mib) = 10 is below the minimum 64. Allowed: 64–1048576 MiB. Fix: set memory (memory_mib) to at least 64.\n' +
      '  [stack/web1] disk[0].bootOrder = 17 is above the maximum 16. Allowed: 1–16. Fix: set disk[0].bootOrder to at most 16.\n' +
      '  [stack/web2] name = "web1" is also the name of stack/web1: names of nssv_vm are unique. Fix: give one of them another name (or construct id).' +
      HINT,
  );
});
