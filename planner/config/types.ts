import type { StateSettings } from './stateSettings.js';
import type { MovedDecl, RemovedDecl } from './refactor-decls.js';
import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';

/** One resource instance the configuration asks for, after evaluation (count/for_each expanded). */
export interface DesiredInstance {
  /** Terraform address: nssv_vm.web, nssv_vm.web[2], nssv_vm.db["a"], module.x.nssv_vm.y */
  address: string;
  /** Address of the resource block without the instance key: nssv_vm.web */
  resourceAddress: string;
  type: string;
  /** Attributes as given, evaluated; nested blocks are arrays of objects; unknowns are {"$unknown":true}. */
  attributes: Attributes;
  /**
   * Addresses (resource or instance) this instance refers to, explicit depends_on included.
   * Instances of one resource block share equal lists (so do attributeRanges, sensitivePaths and
   * lifecycle): read them, never change them.
   */
  dependsOn: string[];
  lifecycle: Lifecycle;
  /** Where the resource block starts. */
  range: SourceRange;
  /** Where each attribute was set, keyed by path: "memory_mib", "disk[0].size_gib". */
  attributeRanges: Record<string, SourceRange>;
  /** Attribute paths whose values are sensitive (from sensitive variables or functions). */
  sensitivePaths: string[];
}

export interface Lifecycle {
  createBeforeDestroy: boolean;
  preventDestroy: boolean;
  ignoreChanges: string[] | 'all';
  replaceTriggeredBy: string[];
}

export interface OutputValue {
  name: string;
  value: unknown;
  sensitive: boolean;
}

export interface LoadOptions {
  /** -var NAME=VALUE, in order. */
  vars?: Array<{ name: string; value: string }>;
  /** -var-file paths, in order; relative ones are resolved against `cwd`, as Terraform does. */
  varFiles?: string[];
  /** The working directory for relative -var-file paths and path.cwd (default: process.cwd()). */
  cwd?: string;
  /** process.env by default; TF_VAR_* are read from it. */
  env?: Record<string, string | undefined>;
  /**
   * Attributes recorded by the last apply, by instance address. When given, references see these
   * values for computed attributes the configuration leaves open (outputs after apply, console),
   * as Terraform reads them from state. Plans never pass it: there, computed values stay unknown.
   */
  known?: ReadonlyMap<string, Attributes>;
  /**
   * What each data block read, by its address (data.nssv_host.h1, module.x.data.nssv_host.h1).
   * Without it, references to data sources are unknown: the engine loads once to learn which
   * data blocks to read (LoadedConfig.dataRequests), reads them from the hosts, and loads again.
   */
  dataValues?: ReadonlyMap<string, Attributes>;
  /**
   * Check the configuration as `terraform validate` does, for whatever values it will get (nssv
   * validate, e.g. in a pipeline without the variables' values): a root variable with no value
   * given and no default is unknown instead of an error, and a count or for_each that is unknown
   * (from such a variable, or from a resource's attribute) is no error either: the block's body is
   * checked once with count.index, each.key and each.value unknown, and it has no instances.
   */
  validateOnly?: boolean;
}

/** One data block, its arguments evaluated: what the engine reads from the hosts before planning. */
export interface DataRequest {
  /** data.TYPE.NAME, prefixed by its module's address. */
  address: string;
  type: string;
  config: Attributes;
  range: SourceRange;
  /** Where each argument was set. */
  attributeRanges: Record<string, SourceRange>;
}

/** One import block instance, evaluated: take the object `id` over as the instance `to`. */
export interface ImportTarget {
  to: string;
  id: string;
  range: SourceRange;
}

export interface LoadedConfig {
  dir: string;
  /** Where and how the state is kept (terraform { backend / encryption }); local and plain by default. */
  settings?: StateSettings;
  /** moved and removed blocks of the root module, applied to the prior state before planning. */
  refactors?: { moved: MovedDecl[]; removed: RemovedDecl[] };
  /** import blocks of the root module, evaluated (for_each expanded). */
  imports?: ImportTarget[];
  instances: DesiredInstance[];
  outputs: OutputValue[];
  diagnostics: Diagnostic[];
  /** true when the terraform block's backend or encryption settings have errors. */
  settingsFailed?: boolean;
  /** data blocks of every module instance, arguments evaluated (absent when there are none). */
  dataRequests?: DataRequest[];
}
