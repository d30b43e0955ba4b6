/**
 * The sandbox cluster's overcommit ratios, as `nssv sandbox up` takes them (--cpu-overcommit-ratio,
 * --memory-overcommit-ratio): checked against nssv_cluster's schema range, kept in the sandbox
 * state and written into the emitted sandbox.tf, so nobody edits that generated file.
 */
import type { EmittedCluster } from './emitTf.js';
import { errors } from './errors.js';
import { resourceSchema } from '../schemas/registry.js';

export interface ClusterRatios {
  cpuOvercommitRatio?: number;
  memoryOvercommitRatio?: number;
}

const range = (attr: 'cpu_overcommit_ratio' | 'memory_overcommit_ratio'): { min: number; max: number } => {
  const p = resourceSchema('nssv_cluster').properties?.[attr] as
    { minimum?: number; maximum?: number } | undefined;
  return { min: p?.minimum ?? 1, max: p?.maximum ?? 4 };
};

/** A ratio flag as typed: a decimal number within nssv_cluster's range for that attribute. */
export function parseRatio(flag: 'cpu-overcommit-ratio' | 'memory-overcommit-ratio', given: string): number {
  const { min, max } = range(
    flag === 'cpu-overcommit-ratio' ? 'cpu_overcommit_ratio' : 'memory_overcommit_ratio',
  );
  const text = given.trim();
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value < min || value > max) {
    throw errors.invalidOption(
      flag,
      given,
      `it takes a number from ${min.toFixed(1)} to ${max.toFixed(1)} (nssv_cluster's range)`,
      `Fix: pass e.g. --${flag} 2.0.`,
    );
  }
  return value;
}

/** The ratios to emit: those given now, else those recorded by an earlier `up`, else 1.0. */
export function mergeRatios(recorded: EmittedCluster | undefined, given: ClusterRatios): EmittedCluster {
  return {
    cpuOvercommitRatio: given.cpuOvercommitRatio ?? recorded?.cpuOvercommitRatio ?? 1,
    memoryOvercommitRatio: given.memoryOvercommitRatio ?? recorded?.memoryOvercommitRatio ?? 1,
  };
}
