/** Request and object metrics, rendered in the Prometheus text exposition format. */
const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Histogram>();
  private readonly managed = new Map<string, number>();
  private readonly undoFailures = { count: 0 };
  private readonly toolRuns = new Map<string, { count: number; seconds: number }>();
  /** Requests that may have changed the host (any method but GET or HEAD), counted as they end. */
  private changeRequests = 0;
  /** When the managed-object counts were read, and how many change requests had ended by then. */
  private managedRead: { atMs: number; changeRequests: number } | undefined;

  observeRequest(method: string, route: string, status: number, durationMs: number): void {
    if (method !== 'GET' && method !== 'HEAD') this.changeRequests += 1;
    const key = labels({ method, route, status: String(status) });
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hKey = labels({ method, route });
    const h = this.durations.get(hKey) ?? { buckets: DURATION_BUCKETS_S.map(() => 0), sum: 0, count: 0 };
    const seconds = durationMs / 1000;
    DURATION_BUCKETS_S.forEach((le, i) => {
      if (seconds <= le) h.buckets[i]! += 1;
    });
    h.sum += seconds;
    h.count += 1;
    this.durations.set(hKey, h);
  }

  setManagedObjects(kind: string, count: number): void {
    this.managed.set(labels({ kind }), count);
  }

  /** The change requests ended so far: an inventory notes them when it starts (see managedObjectsRead). */
  get changeRequestsEnded(): number {
    return this.changeRequests;
  }

  /** The managed-object counts were set from an inventory started when `changeRequestsEnded` was `changeRequests`. */
  managedObjectsRead(changeRequests: number, atMs: number): void {
    this.managedRead = { atMs, changeRequests };
  }

  /**
   * Whether the managed-object counts may be out of date: never read, a request that may change the
   * host ended after the inventory they came from started, or read more than `maxAgeMs` ago (what
   * changed outside nssv shows then).
   */
  managedObjectsStale(nowMs: number, maxAgeMs: number): boolean {
    const read = this.managedRead;
    return read === undefined || read.changeRequests < this.changeRequests || nowMs - read.atMs > maxAgeMs;
  }

  /** One run of a host tool (`virsh`, `ovs-vsctl`, `qemu-img`, `ceph`, `rbd`…) and its subcommand. */
  observeToolRun(tool: string, command: string, durationMs: number): void {
    const key = labels({ tool, command });
    const run = this.toolRuns.get(key) ?? { count: 0, seconds: 0 };
    run.count += 1;
    run.seconds += durationMs / 1000;
    this.toolRuns.set(key, run);
  }

  countUndoFailure(): void {
    this.undoFailures.count += 1;
  }

  render(): string {
    const out: string[] = [];
    out.push('# HELP nssv_agent_requests_total HTTP requests handled, by method, route and status.');
    out.push('# TYPE nssv_agent_requests_total counter');
    for (const [l, n] of sorted(this.requests)) out.push(`nssv_agent_requests_total{${l}} ${n}`);
    out.push('# HELP nssv_agent_request_duration_seconds HTTP request duration, by method and route.');
    out.push('# TYPE nssv_agent_request_duration_seconds histogram');
    for (const [l, h] of sorted(this.durations)) {
      DURATION_BUCKETS_S.forEach((le, i) =>
        out.push(`nssv_agent_request_duration_seconds_bucket{${l},le="${le}"} ${h.buckets[i]}`),
      );
      out.push(`nssv_agent_request_duration_seconds_bucket{${l},le="+Inf"} ${h.count}`);
      out.push(`nssv_agent_request_duration_seconds_sum{${l}} ${h.sum}`);
      out.push(`nssv_agent_request_duration_seconds_count{${l}} ${h.count}`);
    }
    out.push(
      '# HELP nssv_agent_managed_objects Objects nssv manages on this host, by kind (as of the last inventory).',
    );
    out.push('# TYPE nssv_agent_managed_objects gauge');
    for (const [l, n] of sorted(this.managed)) out.push(`nssv_agent_managed_objects{${l}} ${n}`);
    if (this.managedRead) {
      out.push(
        '# HELP nssv_agent_managed_objects_read_timestamp_seconds When the managed-object counts were read from the host.',
      );
      out.push('# TYPE nssv_agent_managed_objects_read_timestamp_seconds gauge');
      out.push(
        `nssv_agent_managed_objects_read_timestamp_seconds ${Math.floor(this.managedRead.atMs / 1000)}`,
      );
    }
    out.push(
      '# HELP nssv_agent_undo_failures_total Rollback steps that failed and were recorded for cleanup.',
    );
    out.push('# TYPE nssv_agent_undo_failures_total counter');
    out.push(`nssv_agent_undo_failures_total ${this.undoFailures.count}`);
    out.push('# HELP nssv_agent_tool_runs_total Runs of host tools, by tool and subcommand.');
    out.push('# TYPE nssv_agent_tool_runs_total counter');
    for (const [l, r] of sorted(this.toolRuns)) out.push(`nssv_agent_tool_runs_total{${l}} ${r.count}`);
    out.push(
      '# HELP nssv_agent_tool_run_seconds_total Time spent in runs of host tools, by tool and subcommand.',
    );
    out.push('# TYPE nssv_agent_tool_run_seconds_total counter');
    for (const [l, r] of sorted(this.toolRuns))
      out.push(`nssv_agent_tool_run_seconds_total{${l}} ${Number(r.seconds.toFixed(6))}`);
    return `${out.join('\n')}\n`;
  }
}

function labels(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
