/**
 * What destroying a data-holding resource (VM, volume, image) does to its data: the schemas'
 * delete_policy. Volumes and VMs support all three (a volume's default is DESTROY_DELAYED, a VM's
 * DESTROY; a delayed VM's definition waits in its host's trash); images do not take a delete
 * policy yet (refused at plan).
 */
export enum RemovalPolicy {
  /** delete_policy = "immediate": deleted when the apply commits (kept until then, so a failed apply can undo it). */
  DESTROY = 'immediate',
  /** delete_policy = "delayed": moved to the host's trash and purged later. */
  DESTROY_DELAYED = 'delayed',
  /** delete_policy = "never": kept on the host, only forgotten by nssv. */
  RETAIN = 'never',
}
