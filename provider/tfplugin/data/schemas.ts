import { resourceSchema } from '../../../schemas/registry.js';
import type { BlockSchema } from '../schema/block.js';
import { blockFromJsonSchema } from '../schema/fromJsonSchema.js';

/** A data source over a resource type: looked up by name, every other attribute read (sensitive ones left out). */
function lookupByName(
  type: string,
  extra: BlockSchema['attributes'] = [],
  /** Attributes that may be given to narrow the lookup (else read). */
  narrowing: string[] = [],
): BlockSchema {
  const b = blockFromJsonSchema(resourceSchema(type));
  return {
    description: `Reads an existing ${type.replace('nssv_', '')} by name. ${b.description}`,
    blocks: [],
    attributes: [
      ...b.attributes
        .filter((a) => !a.sensitive)
        .map((a) => ({
          ...a,
          required: a.name === 'name',
          optional: narrowing.includes(a.name),
          computed: a.name !== 'name',
          default: undefined,
        })),
      ...extra,
    ],
  };
}

const computed = (name: string, type: BlockSchema['attributes'][number]['type'], description: string) => ({
  name,
  type,
  description,
  required: false,
  optional: false,
  computed: true,
  sensitive: false,
  forceNew: false,
});

const inventory: BlockSchema = {
  description: "One host's inventory as its agent reports it: what exists there now, nssv-managed or not.",
  blocks: [],
  attributes: [
    {
      ...computed('host', 'string', "The host, by name (one of the provider's hosts)."),
      required: true,
      computed: false,
    },
    computed('cpus', 'number', 'Physical CPUs.'),
    computed('memory_mib', 'number', 'Physical memory in MiB.'),
    computed('domain_type', 'string', 'kvm, or qemu (TCG) where KVM is unavailable.'),
    computed(
      'domains',
      [
        'list',
        [
          'object',
          {
            name: 'string',
            uuid: 'string',
            address: 'string',
            vcpus: 'number',
            memory_mib: 'number',
            power_state: 'string',
          },
        ],
      ],
      'libvirt domains.',
    ),
    computed(
      'volumes',
      [
        'list',
        [
          'object',
          { name: 'string', pool: 'string', address: 'string', size_gib: 'number', format: 'string' },
        ],
      ],
      'Volumes of the dir pools.',
    ),
    computed(
      'pools',
      [
        'list',
        [
          'object',
          { name: 'string', address: 'string', capacity_bytes: 'number', available_bytes: 'number' },
        ],
      ],
      'Dir pools.',
    ),
    computed(
      'switches',
      ['list', ['object', { name: 'string', address: 'string', mtu: 'number' }]],
      'OVS bridges.',
    ),
    computed(
      'port_groups',
      ['list', ['object', { name: 'string', switch: 'string', address: 'string', vlan_id: 'number' }]],
      'Port groups.',
    ),
    computed(
      'pci_devices',
      [
        'list',
        [
          'object',
          {
            address: 'string',
            vendor_id: 'string',
            vendor: 'string',
            product_id: 'string',
            product: 'string',
            driver: 'string',
            iommu_group: 'number',
            used_by: ['list', 'string'],
          },
        ],
      ],
      'PCI devices of the host, for nssv_vm.pci_passthrough (driver and iommu_group null when it has none; used_by: domains passing it through).',
    ),
  ],
};

let cache: Map<string, BlockSchema> | undefined;

export function dataSourceSchemas(): Map<string, BlockSchema> {
  cache ??= new Map([
    [
      'nssv_cluster',
      lookupByName('nssv_cluster', [
        computed('host_ids', ['list', 'string'], "The provider's hosts in this cluster."),
      ]),
    ],
    ['nssv_host', lookupByName('nssv_host')],
    ['nssv_host_inventory', inventory],
    ['nssv_image', lookupByName('nssv_image', [], ['image_storage_id'])],
  ]);
  return cache;
}
