/**
 * What destroying a data-holding resource (VM, volume, image) does to its data: the schemas'
 * delete_policy. Note: `nssv plan` refuses anything but DESTROY today (the agents do not apply
 * delete policies yet); `nssv validate` and Terraform through the provider accept all three.
 */
export enum RemovalPolicy {
  /** delete_policy = "immediate": deleted when the apply commits (kept until then, so a failed apply can undo it). */
  DESTROY = 'immediate',
  /** delete_policy = "delayed": moved to the host's trash and purged later. */
  DESTROY_DELAYED = 'delayed',
  /** delete_policy = "never": kept on the host, only forgotten by nssv. */
  RETAIN = 'never',
}
