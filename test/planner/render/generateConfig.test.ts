import { generatableAddress, generateConfig } from '../../../planner/render/generateConfig.js';

describe('generateConfig', () => {
  it('GIVEN imported objects WHEN generated THEN blocks sorted by address, settable non-default values aligned, sensitive ones left out', () => {
    const text = generateConfig([
      {
        address: 'nssv_vm.web',
        type: 'nssv_vm',
        id: 'h1/web',
        attributes: {
          id: 'web',
          name: 'web',
          cluster_id: 'c',
          host_id: 'h1',
          vcpus: 1,
          memory_mib: 128,
          uuid: 'u-1',
          tags: { role: 'web', 'a b': '${x}' },
          user_data: 'secret',
          disk: [{ volume_id: 'web-root', boot_order: null, bus: 'virtio' }],
        },
      },
      {
        address: 'nssv_host.h1',
        type: 'nssv_host',
        id: 'h1',
        attributes: { name: 'h1', cluster_id: 'c', endpoint: 'http://x:1', token: 'secret' },
      },
    ]);
    expect(text).toBe(
      [
        '# __generated__ by nssv',
        '# Please review these resources and move them into your main configuration files.',
        '',
        '# __generated__ by nssv from "h1"',
        'resource "nssv_host" "h1" {',
        '  # token: sensitive, not written here; set it (from a variable)',
        '  name       = "h1"',
        '  cluster_id = "c"',
        '  endpoint   = "http://x:1"',
        '}',
        '',
        '# __generated__ by nssv from "h1/web"',
        'resource "nssv_vm" "web" {',
        '  # user_data: sensitive, not written here; set it (from a variable)',
        '  name       = "web"',
        '  cluster_id = "c"',
        '  host_id    = "h1"',
        '  memory_mib = 128',
        '  tags       = { "a b" = "$${x}", role = "web" }',
        '',
        '  disk {',
        '    volume_id = "web-root"',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('secret');
  });

  it('GIVEN addresses WHEN asked THEN only root-module ones without instance keys can be generated', () => {
    expect(['nssv_vm.web', 'nssv_vm.web[0]', 'module.m.nssv_vm.web'].map(generatableAddress)).toEqual([
      true,
      false,
      false,
    ]);
  });
});
