import { Construct } from 'constructs';
import { NssvVm, type NssvVmConfig, type NssvVmDisk } from '../l1/nssv_vm.js';
import { NssvConstruct } from './base.js';
import type { Cluster } from './cluster.js';
import type { Host } from './host.js';
import type { PortGroup } from './portGroup.js';
import type { RemovalPolicy } from './removalPolicy.js';
import type { SchedulingGroup } from './schedulingGroup.js';
import type { SecurityGroup } from './securityGroup.js';
import type { Size } from './size.js';
import type { Volume } from './volume.js';

/** A VM that exists, whether or not this stack manages it. */
export interface IVm {
  /** The VM's id (equal to its name). */
  readonly vmId: string;
  readonly vmName: string;
}

export interface VmProps {
  readonly cluster: Cluster;
  /** Unique name, also the libvirt domain name. @default the construct id */
  readonly name?: string;
  /** Virtual CPUs (1–64). @default 1 */
  readonly cpus?: number;
  /** Memory, a whole number of MiB (64 MiB–1 TiB): `Size.gibibytes(2)`. @default 512 MiB */
  readonly memory?: Size;
  /** @default "running" */
  readonly powerState?: NssvVmConfig['powerState'];
  /** Pin the VM to this host. @default placed by the scheduler at plan time */
  readonly host?: Host;
  readonly schedulingGroup?: SchedulingGroup;
  readonly haEnabled?: boolean;
  /** cloud-init user data (sensitive). */
  readonly userData?: string;
  /** SSH public keys for the default user (sensitive). */
  readonly sshAuthorizedKeys?: string[];
  /** @default RemovalPolicy.DESTROY (RETAIN works too; DESTROY_DELAYED is refused at plan today) */
  readonly removalPolicy?: RemovalPolicy;
  readonly tags?: { [key: string]: string };
  readonly description?: string;
}

export interface DiskOptions {
  /** Controller the guest sees. @default "virtio" */
  readonly bus?: NssvVmDisk['bus'];
  /** Boot priority (1 boots first). @default the first disk boots */
  readonly bootOrder?: number;
}

export interface AttachOptions {
  /** Security groups filtering the NIC's traffic (stateful OVS flows on the VM's port). */
  readonly securityGroups?: SecurityGroup[];
  /** Fixed IPv4 address in the port group's cidr. */
  readonly ip?: string;
  /** MAC address. @default derived from the VM name and NIC index */
  readonly mac?: string;
}

/**
 * A KVM guest (nssv_vm). Disks are attached in the order of addDisk() (the first boots); NICs in the
 * order of attachTo(). Scheduling groups, HA (on rbd disks), cloud-init, security groups, fixed IPs,
 * disk bus and boot order are applied, and every removal policy (DESTROY_DELAYED keeps the domain's
 * definition in its host's trash).
 */
export class Vm extends NssvConstruct<NssvVm> implements IVm {
  /** Refers to a VM that exists (by name, which is its id); creates nothing. */
  public static fromName(scope: Construct, id: string, name: string): IVm {
    class Imported extends Construct implements IVm {
      public readonly vmId = name;
      public readonly vmName = name;
    }
    return new Imported(scope, id);
  }

  public constructor(scope: Construct, id: string, props: VmProps) {
    super(
      scope,
      id,
      (s) =>
        new NssvVm(s, 'Resource', {
          name: props.name ?? id,
          clusterId: props.cluster.clusterId,
          vcpus: props.cpus,
          memoryMib: props.memory?.toMebibytes(),
          powerState: props.powerState,
          hostId: props.host?.hostId,
          schedulingGroupId: props.schedulingGroup?.schedulingGroupId,
          haEnabled: props.haEnabled,
          userData: props.userData,
          sshAuthorizedKeys: props.sshAuthorizedKeys,
          deletePolicy: props.removalPolicy,
          tags: props.tags,
          description: props.description,
        }),
      {
        cluster_id: 'cluster',
        vcpus: 'cpus',
        memory_mib: 'memory',
        host_id: 'host',
        scheduling_group_id: 'schedulingGroup',
        delete_policy: 'removalPolicy',
        'disk.volume_id': 'disk.volume',
        'nic.port_group_id': 'nic.portGroup',
        'nic.security_group_ids': 'nic.securityGroups',
      },
    );
  }

  public get vmId(): string {
    return this.refId;
  }

  public get vmName(): string {
    return this.resource.name;
  }

  /** Attaches a volume as the next disk (vda, vdb, … in call order). */
  public addDisk(volume: Volume, options: DiskOptions = {}): this {
    this.resource._addBlockItem('disk', { volumeId: volume.volumeId, ...options });
    return this;
  }

  /** Adds a NIC on the port group (in call order). */
  public attachTo(portGroup: PortGroup, options: AttachOptions = {}): this {
    this.resource._addBlockItem('nic', {
      portGroupId: portGroup.portGroupId,
      ip: options.ip,
      mac: options.mac,
      securityGroupIds: options.securityGroups?.map((g) => g.securityGroupId),
    });
    return this;
  }
}
