// Generated from schemas/*.schema.json by schemas/gen/constructs.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import type { Construct } from 'constructs';
import type { IResolvable } from '../cdk/types.js';
import { NssvResource, type NssvMetaArguments } from './resource.js';

/**

 */
export interface NssvVmDisk {
  /**
   * The volume to attach.
   * Changing it replaces the resource.
   */
  readonly volumeId: string;
  /**
   * Boot priority (1 boots first; set on several disks they boot in that order, disks without it do not boot). Default: the first disk boots. Changed in place: the domain is redefined and nssv restarts the VM.
   * Allowed: 1–16.
   * @default null
   */
  readonly bootOrder?: number;
  /**
   * Disk controller the guest sees: virtio (vda, vdb, …), scsi (virtio-scsi: sda, sdb, …) or sata (AHCI: sda, sdb, …). virtio and scsi disks are hot-plugged; adding a sata disk restarts the VM.
   * Allowed: "virtio", "scsi", "sata".
   * @default "virtio"
   * Changing it replaces the resource.
   */
  readonly bus?: 'virtio' | 'scsi' | 'sata';
}

/**

 */
export interface NssvVmNic {
  /**
   * The port group the NIC joins.
   * Changing it replaces the resource.
   */
  readonly portGroupId: string;
  /**
   * MAC address in lower case. Default: derived from the VM name and NIC index (52:54:00:…).
   * Changing it replaces the resource.
   */
  readonly mac?: string;
  /**
   * IPv4 address inside the port group's cidr, handed to the guest by the port group's DHCP and by cloud-init. Default: allocated by nssv at plan time from the port group's dhcp range (else its cidr): the lowest free address, shown in the plan, kept in state and on the host, never given to another NIC while allocated; null when the port group has no cidr.
   * Changing it replaces the resource.
   */
  readonly ip?: string;
  /**
   * Security groups whose rules filter the NIC's traffic (at most 16). Default: none (no filtering). Changed in place.
   * @default []
   */
  readonly securityGroupIds?: string[];
}

/**
 * Props of {@link NssvVm}: the attributes of `nssv_vm` in camelCase, plus Terraform's meta-arguments.
 */
export interface NssvVmConfig extends NssvMetaArguments {
  /**
   * Unique name; also the libvirt domain name.
   * Changing it replaces the resource.
   */
  readonly name: string;
  /**
   * The cluster the VM runs in.
   * Changing it replaces the resource.
   */
  readonly clusterId: string;
  /**
   * Pin the VM to this host. Default: chosen by the scheduler at plan time.
   * Changing it replaces the resource.
   */
  readonly hostId?: string;
  /**
   * Virtual CPUs (1–64). Changed live (hot-plug) up to max_vcpus; beyond it, with a reboot.
   * Allowed: 1–64.
   * @default 1
   */
  readonly vcpus?: number;
  /**
   * Most vCPUs the running VM can be given without a reboot (vCPU hot-plug). Default: vcpus (then any vCPU change needs a reboot). Changing it needs a reboot; it must be at least vcpus.
   * Allowed: 1–64.
   * @default null
   */
  readonly maxVcpus?: number;
  /**
   * Memory in MiB (64–1048576). Changed live (balloon) up to max_memory_mib; beyond it, with a reboot.
   * Allowed: 64–1048576.
   * @default 512
   */
  readonly memoryMib?: number;
  /**
   * Most memory in MiB the running VM can be given without a reboot (memory balloon). Default: memory_mib (then growing memory needs a reboot). Changing it needs a reboot; it must be at least memory_mib.
   * Allowed: 64–1048576.
   * @default null
   */
  readonly maxMemoryMib?: number;
  /**
   * running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   * Allowed: "running", "shutoff", "paused".
   * @default "running"
   */
  readonly powerState?: 'running' | 'shutoff' | 'paused';
  /**
   * Disks, attached in order as vda, vdb, …; the first one boots (at most 26).
   * @default []
   */
  readonly disk?: NssvVmDisk[] | IResolvable;
  /**
   * Network interfaces, in order (at most 16).
   * @default []
   */
  readonly nic?: NssvVmNic[] | IResolvable;
  /**
   * Scheduling group whose policy places the VM. Default: none.
   * @default null
   */
  readonly schedulingGroupId?: string;
  /**
   * Place the VM only on hosts whose nssv_host.labels carry every one of these key/value pairs (e.g. { rack = "r1" }). A running VM whose host no longer matches is migrated. Default: any host.
   * @default {}
   */
  readonly hostLabels?: { [key: string]: string };
  /**
   * PCI devices of the VM's host passed through to the guest (GPUs, NICs…), by address (e.g. ["0000:65:00.0"]): each becomes a libvirt `<hostdev mode='subsystem' type='pci' managed='yes'>`, so libvirt detaches the device from its host driver (binding it to vfio-pci) when the VM starts and gives it back when it stops. The VM must be pinned with host_id; plan checks each device against the host's inventory (it must exist there and no other domain may use it). A VM with passthrough devices is never live-migrated: a host_id change, or a running one on a host in maintenance, is a plan error. Changing the list redefines the domain and restarts a running VM. Untested on real hardware: the machines nssv is tested on have no assignable device (IOMMU).
   * @default []
   */
  readonly pciPassthrough?: string[];
  /**
   * High availability: a crash of the VM (a guest kernel panic included, reported by a pvpanic device) restarts it on its host (libvirt's on_crash restart; the pvpanic device reaches an already running guest at its next boot); when the VM's host stops answering and every disk of the VM is on an rbd pool, the next plan restarts the VM on another host of its cluster (the old copy is fenced off its rbd disks first, and destroyed when that host answers again). Changed in place.
   * @default false
   */
  readonly haEnabled?: boolean | IResolvable;
  /**
   * cloud-init user data (e.g. a #cloud-config document) on the VM's NoCloud seed (a CD-ROM). Sensitive. Changed in place: the seed is rewritten with a new instance id and cloud-init applies it on the VM's next boot, or at once when cloud_init_changes is reboot (the plan says which).
   * @default null
   */
  readonly userData?: string;
  /**
   * SSH public keys cloud-init installs for the image's default user (on the NoCloud seed). Sensitive. Changed in place: takes effect on the VM's next boot.
   * @default []
   */
  readonly sshAuthorizedKeys?: string[];
  /**
   * When a change to user_data, ssh_authorized_keys or the NICs' network config (guest_network) reaches a running VM: next_boot (the seed is rewritten with a new instance id and swapped into the VM's CD-ROM; cloud-init applies it when the guest next boots, and nssv does not restart it) or reboot (nssv shuts the VM down with ACPI and starts it again in the same apply, so cloud-init applies it now). Changed in place.
   * Allowed: "next_boot", "reboot".
   * @default "next_boot"
   */
  readonly cloudInitChanges?: 'next_boot' | 'reboot';
  /**
   * What destroying the VM does, as in the seeds: delayed (the default: the domain is stopped and its definition, with its UUID, nssv metadata and cloud-init seed, kept in its host's trash for 7 days: `nssv trash restore` defines it again, `nssv trash purge` drops it; an apply that fails later restores it from there), immediate (the domain is undefined; an apply that fails later defines it again from its attributes) or never (plan refuses to delete or replace the VM: set another policy and apply first). Its volumes keep their own delete_policy. States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   * Allowed: "immediate", "delayed", "never".
   * @default "delayed"
   */
  readonly deletePolicy?: 'immediate' | 'delayed' | 'never';
  /**
   * Free-form key/value tags kept in the domain's metadata. Changed in place.
   * @default {}
   */
  readonly tags?: { [key: string]: string };
  /**
   * Free text shown in listings.
   * @default ""
   */
  readonly description?: string;
}

/**
 * A KVM guest. nssv places it on a host of its cluster at plan time unless host_id pins it.
 * The `nssv_vm` resource (L1: one Terraform resource, props as in the schema).
 */
export class NssvVm extends NssvResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'nssv_vm';

  public constructor(scope: Construct, id: string, config: NssvVmConfig) {
    super(scope, id, 'nssv_vm', config);
  }

  /**
   * `id` (a token until Terraform runs). Computed by nssv: Identifier other resources use to refer to this VM (equal to name).
   */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * `name` (a token until Terraform runs). As configured, or as nssv computed it: Unique name; also the libvirt domain name.
   */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /**
   * `cluster_id` (a token until Terraform runs). As configured, or as nssv computed it: The cluster the VM runs in.
   */
  public get clusterId(): string {
    return this.getStringAttribute('cluster_id');
  }

  /**
   * `host_id` (a token until Terraform runs). As configured, or as nssv computed it: Pin the VM to this host. Default: chosen by the scheduler at plan time.
   */
  public get hostId(): string {
    return this.getStringAttribute('host_id');
  }

  /**
   * `vcpus` (a token until Terraform runs). As configured, or as nssv computed it: Virtual CPUs (1–64). Changed live (hot-plug) up to max_vcpus; beyond it, with a reboot.
   */
  public get vcpus(): number {
    return this.getNumberAttribute('vcpus');
  }

  /**
   * `max_vcpus` (a token until Terraform runs). As configured, or as nssv computed it: Most vCPUs the running VM can be given without a reboot (vCPU hot-plug). Default: vcpus (then any vCPU change needs a reboot). Changing it needs a reboot; it must be at least vcpus.
   */
  public get maxVcpus(): number {
    return this.getNumberAttribute('max_vcpus');
  }

  /**
   * `memory_mib` (a token until Terraform runs). As configured, or as nssv computed it: Memory in MiB (64–1048576). Changed live (balloon) up to max_memory_mib; beyond it, with a reboot.
   */
  public get memoryMib(): number {
    return this.getNumberAttribute('memory_mib');
  }

  /**
   * `max_memory_mib` (a token until Terraform runs). As configured, or as nssv computed it: Most memory in MiB the running VM can be given without a reboot (memory balloon). Default: memory_mib (then growing memory needs a reboot). Changing it needs a reboot; it must be at least memory_mib.
   */
  public get maxMemoryMib(): number {
    return this.getNumberAttribute('max_memory_mib');
  }

  /**
   * `power_state` (a token until Terraform runs). As configured, or as nssv computed it: running, shutoff (ACPI shutdown, forced off after the agent's shutdown timeout) or paused (the guest's vCPUs stopped, its memory kept). Changed in place.
   */
  public get powerState(): string {
    return this.getStringAttribute('power_state');
  }

  /**
   * `disk` (a token until Terraform runs). As configured, or as nssv computed it: Disks, attached in order as vda, vdb, …; the first one boots (at most 26).
   */
  public get disk(): IResolvable {
    return this.interpolationForAttribute('disk');
  }

  /**
   * `nic` (a token until Terraform runs). As configured, or as nssv computed it: Network interfaces, in order (at most 16).
   */
  public get nic(): IResolvable {
    return this.interpolationForAttribute('nic');
  }

  /**
   * `scheduling_group_id` (a token until Terraform runs). As configured, or as nssv computed it: Scheduling group whose policy places the VM. Default: none.
   */
  public get schedulingGroupId(): string {
    return this.getStringAttribute('scheduling_group_id');
  }

  /**
   * `host_labels` (a token until Terraform runs). As configured, or as nssv computed it: Place the VM only on hosts whose nssv_host.labels carry every one of these key/value pairs (e.g. { rack = "r1" }). A running VM whose host no longer matches is migrated. Default: any host.
   */
  public get hostLabels(): { [key: string]: string } {
    return this.getStringMapAttribute('host_labels');
  }

  /**
   * `pci_passthrough` (a token until Terraform runs). As configured, or as nssv computed it: PCI devices of the VM's host passed through to the guest (GPUs, NICs…), by address (e.g. ["0000:65:00.0"]): each becomes a libvirt `<hostdev mode='subsystem' type='pci' managed='yes'>`, so libvirt detaches the device from its host driver (binding it to vfio-pci) when the VM starts and gives it back when it stops. The VM must be pinned with host_id; plan checks each device against the host's inventory (it must exist there and no other domain may use it). A VM with passthrough devices is never live-migrated: a host_id change, or a running one on a host in maintenance, is a plan error. Changing the list redefines the domain and restarts a running VM. Untested on real hardware: the machines nssv is tested on have no assignable device (IOMMU).
   */
  public get pciPassthrough(): string[] {
    return this.getListAttribute('pci_passthrough');
  }

  /**
   * `ha_enabled` (a token until Terraform runs). As configured, or as nssv computed it: High availability: a crash of the VM (a guest kernel panic included, reported by a pvpanic device) restarts it on its host (libvirt's on_crash restart; the pvpanic device reaches an already running guest at its next boot); when the VM's host stops answering and every disk of the VM is on an rbd pool, the next plan restarts the VM on another host of its cluster (the old copy is fenced off its rbd disks first, and destroyed when that host answers again). Changed in place.
   */
  public get haEnabled(): IResolvable {
    return this.getBooleanAttribute('ha_enabled');
  }

  /**
   * `user_data` (a token until Terraform runs). As configured, or as nssv computed it: cloud-init user data (e.g. a #cloud-config document) on the VM's NoCloud seed (a CD-ROM). Sensitive. Changed in place: the seed is rewritten with a new instance id and cloud-init applies it on the VM's next boot, or at once when cloud_init_changes is reboot (the plan says which).
   */
  public get userData(): string {
    return this.getStringAttribute('user_data');
  }

  /**
   * `ssh_authorized_keys` (a token until Terraform runs). As configured, or as nssv computed it: SSH public keys cloud-init installs for the image's default user (on the NoCloud seed). Sensitive. Changed in place: takes effect on the VM's next boot.
   */
  public get sshAuthorizedKeys(): string[] {
    return this.getListAttribute('ssh_authorized_keys');
  }

  /**
   * `cloud_init_changes` (a token until Terraform runs). As configured, or as nssv computed it: When a change to user_data, ssh_authorized_keys or the NICs' network config (guest_network) reaches a running VM: next_boot (the seed is rewritten with a new instance id and swapped into the VM's CD-ROM; cloud-init applies it when the guest next boots, and nssv does not restart it) or reboot (nssv shuts the VM down with ACPI and starts it again in the same apply, so cloud-init applies it now). Changed in place.
   */
  public get cloudInitChanges(): string {
    return this.getStringAttribute('cloud_init_changes');
  }

  /**
   * `delete_policy` (a token until Terraform runs). As configured, or as nssv computed it: What destroying the VM does, as in the seeds: delayed (the default: the domain is stopped and its definition, with its UUID, nssv metadata and cloud-init seed, kept in its host's trash for 7 days: `nssv trash restore` defines it again, `nssv trash purge` drops it; an apply that fails later restores it from there), immediate (the domain is undefined; an apply that fails later defines it again from its attributes) or never (plan refuses to delete or replace the VM: set another policy and apply first). Its volumes keep their own delete_policy. States written before delayed became the default (state format 1, provider schema version 1) read a recorded immediate as delayed: an unchanged configuration plans no change; one that sets immediate plans it once more, touching no host.
   */
  public get deletePolicy(): string {
    return this.getStringAttribute('delete_policy');
  }

  /**
   * `tags` (a token until Terraform runs). As configured, or as nssv computed it: Free-form key/value tags kept in the domain's metadata. Changed in place.
   */
  public get tags(): { [key: string]: string } {
    return this.getStringMapAttribute('tags');
  }

  /**
   * `description` (a token until Terraform runs). As configured, or as nssv computed it: Free text shown in listings.
   */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /**
   * `uuid` (a token until Terraform runs). Computed by nssv: libvirt domain UUID; unchanged by in-place updates.
   */
  public get uuid(): string {
    return this.getStringAttribute('uuid');
  }

  /**
   * `guest_network` (a token until Terraform runs). Computed by nssv: What cloud-init tells the guest about each NIC (computed at plan time): a fixed address (nic ip with the port group's cidr prefix), gateway and DNS from the port group; address null means DHCP. Only on VMs with a seed (user_data, ssh_authorized_keys or a nic ip).
   */
  public get guestNetwork(): IResolvable {
    return this.interpolationForAttribute('guest_network');
  }

  /**
   * `cloud_init_seed` (a token until Terraform runs). Computed by nssv: The VM's cloud-init seed (a NoCloud ISO in the agent's state directory) as its host reports it: intact, missing (deleted out of band) or modified (its bytes differ from what the agent wrote); null when the VM has no seed. Anything but intact is drift: the next apply rewrites the seed (the guest sees it on its next boot).
   */
  public get cloudInitSeed(): string {
    return this.getStringAttribute('cloud_init_seed');
  }
}
