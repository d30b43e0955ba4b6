/**
 * What destroying a data-holding resource (VM, volume, image) does to its data: the schemas'
 * delete_policy. Today volumes support all three (their default is DESTROY_DELAYED); VMs support
 * DESTROY and RETAIN (DESTROY_DELAYED is refused at plan: there is no trash for domains yet);
 * images do not take a delete policy yet (refused at plan).
 */
export enum RemovalPolicy {
  /** delete_policy = "immediate": deleted when the apply commits (kept until then, so a failed apply can undo it). */
  DESTROY = 'immediate',
  /** delete_policy = "delayed": moved to the host's trash and purged later. */
  DESTROY_DELAYED = 'delayed',
  /** delete_policy = "never": kept on the host, only forgotten by nssv. */
  RETAIN = 'never',
}
