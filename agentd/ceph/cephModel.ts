/** The bits of Ceph's JSON output nssv reads (`osd pool ls detail`, `osd crush rule dump`, `osd tree`). */
export interface CephPoolDetail {
  pool_name: string;
  /** 1 replicated, 3 erasure. */
  type: number;
  size: number;
  min_size: number;
  crush_rule: number;
  quota_max_bytes: number;
  erasure_code_profile: string;
  options: { recovery_priority?: number; recovery_op_priority?: number };
  application_metadata: Record<string, Record<string, string>>;
}

export interface CrushRule {
  rule_id: number;
  rule_name: string;
  steps: { op: string; type?: string; item_name?: string }[];
}

export interface OsdTreeNode {
  id: number;
  name: string;
  type: string;
  children?: number[];
}

/** The failure domain a rule spreads over: the bucket type of its choose(leaf) step. */
export function ruleFailureDomain(rule: CrushRule | undefined): string {
  const step = rule?.steps.find((s) => s.op.startsWith('choose') && s.type !== undefined);
  return step?.type ?? '';
}
