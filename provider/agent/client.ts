import type { AgentApiCheck } from '../../schemas/agentApiCheck.js';
import type {
  ConsoleLogInfo,
  DeleteResult,
  DomainInfo,
  DomainSpec,
  HealthInfo,
  IncomingResult,
  ImageInfo,
  ImageSpec,
  ImageStoreInfo,
  ImageStoreSpec,
  Inventory,
  MigrateResult,
  MigrateSpec,
  TakeoverResult,
  TakeoverSpec,
  PoolInfo,
  PoolSpec,
  PortGroupInfo,
  PortGroupSpec,
  RbdPoolInfo,
  RbdPoolSpec,
  SecurityGroupInfo,
  SecurityGroupSpec,
  SwitchInfo,
  SwitchSpec,
  VolumeInfo,
  VolumeSpec,
  RevertSpec,
  SnapshotInfo,
  SnapshotSpec,
  TrashEntry,
  TrashList,
  TrashSpec,
} from '../../schemas/generated/agentApi.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import { AgentError } from './agentError.js';
import { connectionPool } from './connections.js';
import { httpSend, type HttpAnswer } from './httpSend.js';
import { RETRY_DELAYS_MS, shouldRetry } from './retryPolicy.js';

/** Requests this process sent to agents (attempts), sent again (see retryPolicy), and failed unanswered. */
export const agentRequestStats = { attempts: 0, retries: 0, unreachable: 0 };

import { clientTlsFor, explainConnectionError, tlsDispatcher, type ClientTls } from './tls.js';

/** A live migration copies the guest's memory: allow as long as the agent allows virsh (10 min). */
const MIGRATE_TIMEOUT_MS = 610_000;

export interface AgentEndpoint {
  /** The host's name (nssv_host.name), for messages. */
  host: string;
  endpoint: string;
  token: string;
  /** For an https:// endpoint: the TLS directory (CA nssv pins, its client certificate); see ./tls.ts. */
  tlsDir?: string;
}

export interface AgentClientOptions {
  timeoutMs?: number;
  /** Aborts calls in flight and refuses new ones (the provider's StopProvider); its reason is the message. */
  signal?: AbortSignal;
}

/**
 * Typed HTTP client for one host's agentd. Messages are those of schemas/agent-api/; every
 * answer is checked against its schema, so a wrong or outdated agent is a clear error rather
 * than undefined behaviour later.
 */
export class AgentClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  /** Read on first use (null: plain http://). */
  private tls: ClientTls | null | undefined;
  private readonly signal: AbortSignal | undefined;

  constructor(
    readonly target: AgentEndpoint,
    options: AgentClientOptions = {},
  ) {
    this.base = target.endpoint.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.signal = options.signal;
  }

  health(): Promise<HealthInfo> {
    return this.call('GET', '/v1/health', agentApi.HealthInfo);
  }
  inventory(): Promise<Inventory> {
    return this.call('GET', '/v1/inventory', agentApi.Inventory);
  }
  putPool(pool: string, spec: PoolSpec): Promise<PoolInfo> {
    return this.call('PUT', `/v1/pools/${enc(pool)}`, agentApi.PoolInfo, spec);
  }
  putRbdPool(pool: string, spec: RbdPoolSpec): Promise<RbdPoolInfo> {
    return this.call('PUT', `/v1/rbd-pools/${enc(pool)}`, agentApi.RbdPoolInfo, spec);
  }
  deleteRbdPool(pool: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/rbd-pools/${enc(pool)}`, agentApi.DeleteResult);
  }
  deletePool(pool: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/pools/${enc(pool)}`, agentApi.DeleteResult);
  }
  putVolume(pool: string, volume: string, spec: VolumeSpec): Promise<VolumeInfo> {
    return this.call('PUT', `/v1/pools/${enc(pool)}/volumes/${enc(volume)}`, agentApi.VolumeInfo, spec);
  }
  deleteVolume(pool: string, volume: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/pools/${enc(pool)}/volumes/${enc(volume)}`, agentApi.DeleteResult);
  }
  putSnapshot(pool: string, volume: string, snapshot: string, spec: SnapshotSpec): Promise<SnapshotInfo> {
    const path = `/v1/pools/${enc(pool)}/volumes/${enc(volume)}/snapshots/${enc(snapshot)}`;
    return this.call('PUT', path, agentApi.SnapshotInfo, spec);
  }
  deleteSnapshot(pool: string, volume: string, snapshot: string): Promise<DeleteResult> {
    const path = `/v1/pools/${enc(pool)}/volumes/${enc(volume)}/snapshots/${enc(snapshot)}`;
    return this.call('DELETE', path, agentApi.DeleteResult);
  }
  revertVolume(pool: string, volume: string, spec: RevertSpec): Promise<VolumeInfo> {
    return this.call(
      'PUT',
      `/v1/pools/${enc(pool)}/volumes/${enc(volume)}/revert`,
      agentApi.VolumeInfo,
      spec,
    );
  }
  trashVolume(pool: string, volume: string, spec: TrashSpec): Promise<TrashEntry> {
    return this.call('PUT', `/v1/pools/${enc(pool)}/volumes/${enc(volume)}/trash`, agentApi.TrashEntry, spec);
  }
  listTrash(): Promise<TrashList> {
    return this.call('GET', '/v1/trash', agentApi.TrashList);
  }
  restoreTrash(id: string): Promise<TrashEntry> {
    return this.call('PUT', `/v1/trash/${enc(id)}/restore`, agentApi.TrashEntry);
  }
  purgeTrash(id: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/trash/${enc(id)}`, agentApi.DeleteResult);
  }
  putSwitch(name: string, spec: SwitchSpec): Promise<SwitchInfo> {
    return this.call('PUT', `/v1/switches/${enc(name)}`, agentApi.SwitchInfo, spec);
  }
  deleteSwitch(name: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/switches/${enc(name)}`, agentApi.DeleteResult);
  }
  putPortGroup(sw: string, pg: string, spec: PortGroupSpec): Promise<PortGroupInfo> {
    return this.call('PUT', `/v1/switches/${enc(sw)}/port-groups/${enc(pg)}`, agentApi.PortGroupInfo, spec);
  }
  deletePortGroup(sw: string, pg: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/switches/${enc(sw)}/port-groups/${enc(pg)}`, agentApi.DeleteResult);
  }
  /** Writes nssv's record onto a domain made outside nssv (its UUID and devices unchanged). */
  adoptDomain(name: string, address: string): Promise<DomainInfo> {
    return this.call('PUT', `/v1/domains/${enc(name)}/adopt`, agentApi.DomainInfo, { address });
  }
  /** Writes the volume record of an image file put into a dir pool by hand. */
  adoptVolume(pool: string, volume: string, address: string): Promise<VolumeInfo> {
    return this.call('PUT', `/v1/pools/${enc(pool)}/volumes/${enc(volume)}/adopt`, agentApi.VolumeInfo, {
      address,
    });
  }
  /** Writes nssv's address onto an OVS bridge made by hand. */
  adoptSwitch(name: string, address: string): Promise<SwitchInfo> {
    return this.call('PUT', `/v1/switches/${enc(name)}/adopt`, agentApi.SwitchInfo, { address });
  }
  putSecurityGroup(name: string, spec: SecurityGroupSpec): Promise<SecurityGroupInfo> {
    return this.call('PUT', `/v1/security-groups/${enc(name)}`, agentApi.SecurityGroupInfo, spec);
  }
  deleteSecurityGroup(name: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/security-groups/${enc(name)}`, agentApi.DeleteResult);
  }
  putDomain(name: string, spec: DomainSpec): Promise<DomainInfo> {
    return this.call('PUT', `/v1/domains/${enc(name)}`, agentApi.DomainInfo, spec);
  }
  prepareIncoming(name: string, spec: DomainSpec): Promise<IncomingResult> {
    return this.call('PUT', `/v1/domains/${enc(name)}/incoming`, agentApi.IncomingResult, spec);
  }
  migrateDomain(name: string, spec: MigrateSpec): Promise<MigrateResult> {
    return this.call(
      'POST',
      `/v1/domains/${enc(name)}/migrate`,
      agentApi.MigrateResult,
      spec,
      MIGRATE_TIMEOUT_MS,
    );
  }
  /** An HA restart on this host: the old copy's Ceph clients fenced, then defined with `uuid` and powered. */
  takeOverDomain(name: string, spec: TakeoverSpec): Promise<TakeoverResult> {
    return this.call(
      'POST',
      `/v1/domains/${enc(name)}/takeover`,
      agentApi.TakeoverResult,
      spec,
      MIGRATE_TIMEOUT_MS,
    );
  }
  trashDomain(name: string, spec: TrashSpec): Promise<TrashEntry> {
    return this.call('PUT', `/v1/domains/${enc(name)}/trash`, agentApi.TrashEntry, spec);
  }
  deleteDomain(name: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/domains/${enc(name)}`, agentApi.DeleteResult);
  }
  consoleLog(domain: string): Promise<ConsoleLogInfo> {
    return this.call('GET', `/v1/domains/${enc(domain)}/console-log`, agentApi.ConsoleLogInfo);
  }
  putImageStore(store: string, spec: ImageStoreSpec): Promise<ImageStoreInfo> {
    return this.call('PUT', `/v1/image-stores/${enc(store)}`, agentApi.ImageStoreInfo, spec);
  }
  deleteImageStore(store: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/image-stores/${enc(store)}`, agentApi.DeleteResult);
  }
  /** Downloads and verifies: allowed to take as long as the agent's own download limit. */
  putImage(store: string, image: string, spec: ImageSpec): Promise<ImageInfo> {
    return this.call(
      'PUT',
      `/v1/image-stores/${enc(store)}/images/${enc(image)}`,
      agentApi.ImageInfo,
      spec,
      31 * 60_000,
    );
  }
  trashImage(store: string, image: string, spec: TrashSpec): Promise<TrashEntry> {
    return this.call(
      'PUT',
      `/v1/image-stores/${enc(store)}/images/${enc(image)}/trash`,
      agentApi.TrashEntry,
      spec,
    );
  }
  deleteImage(store: string, image: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/image-stores/${enc(store)}/images/${enc(image)}`, agentApi.DeleteResult);
  }

  /** One request, sent again on the failures retryPolicy names. */
  private async send(
    method: string,
    path: string,
    body: string | undefined,
    timeoutMs: number,
  ): Promise<HttpAnswer> {
    const agent = this.tls ? tlsDispatcher(this.tls) : connectionPool();
    for (let attempt = 1; ; attempt++) {
      agentRequestStats.attempts += 1;
      try {
        return await httpSend(this.base + path, {
          method,
          agent,
          headers: {
            authorization: `Bearer ${this.target.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body,
          signal: this.signal
            ? AbortSignal.any([this.signal, AbortSignal.timeout(timeoutMs)])
            : AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        if (!shouldRetry(method, err, attempt)) throw err;
        agentRequestStats.retries += 1;
        const delay = RETRY_DELAYS_MS[attempt - 1] ?? 0;
        if (delay > 0) await sleep(delay);
      }
    }
  }

  /**
   * The agent's answer to one request, unread: what `call` checks. The inventory worker sends
   * with it and the thread that plans reads the answer (`answerOf`), so that parsing and
   * checking the body is done where the answer is used.
   */
  async request(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<HttpAnswer> {
    const { host } = this.target;
    if (this.tls === undefined) this.tls = clientTlsFor(this.target) ?? null;
    try {
      return await this.send(method, path, body === undefined ? undefined : JSON.stringify(body), timeoutMs);
    } catch (err) {
      this.throwIfCancelled(method, path);
      agentRequestStats.unreachable += 1;
      // Duck-typed: errors may come from another realm (e.g. under a test runner's VM).
      const e = err as { message?: unknown; cause?: { message?: unknown } } | undefined;
      // Node's client throws the socket's own error; an abort (timeout, cancel) carries its reason in `cause`.
      const explained =
        explainConnectionError(this.target, e?.cause ?? {}) ??
        explainConnectionError(this.target, (e ?? {}) as { code?: unknown; message?: unknown });
      if (explained !== undefined) throw new AgentError(host, 'unreachable', explained);
      const why = String(e?.cause?.message ?? e?.message ?? err);
      throw new AgentError(
        host,
        'unreachable',
        `cannot reach the agent of host ${host} at ${this.base}: ${why}`,
      );
    }
  }

  /** The inventory in an answer to GET /v1/inventory (see `request`), checked as `inventory()` does. */
  inventoryFrom(res: HttpAnswer): Inventory {
    return this.answerOf('GET', '/v1/inventory', agentApi.Inventory, res);
  }

  private async call<T>(
    method: string,
    path: string,
    answer: AgentApiCheck<T>,
    body?: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    return this.answerOf(method, path, answer, await this.request(method, path, body, timeoutMs));
  }

  /** The body of an answer: an agent error, a body that is not JSON or not the message expected are AgentErrors. */
  private answerOf<T>(method: string, path: string, answer: AgentApiCheck<T>, res: HttpAnswer): T {
    const { host } = this.target;
    const { text } = res;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new AgentError(
        host,
        'bad_response',
        `agent of host ${host} answered ${method} ${path} with non-JSON (HTTP ${res.status})`,
        res.status,
      );
    }
    if (!(res.status >= 200 && res.status < 300)) {
      if (!agentApi.AgentErrorBody.is(parsed)) {
        throw new AgentError(
          host,
          'bad_response',
          `the endpoint ${this.base} of host ${host} answered HTTP ${res.status} to ${method} ${path}, not as an nssv agent does (wrong host or port?)`,
          res.status,
        );
      }
      const e = parsed.error;
      const detail = e.detail ? ` (${e.detail})` : '';
      throw new AgentError(host, e.code, `host ${host}: ${e.message}${detail}`, res.status);
    }
    if (!answer.is(parsed)) {
      const [first] = answer.errors(parsed);
      const where = first ? `${first.instancePath || '/'} ${first.message ?? 'is invalid'}` : 'it is invalid';
      throw new AgentError(
        host,
        'bad_response',
        `agent of host ${host} answered ${method} ${path} with a body that is not a ${answer.title} of the agent API (${where}); is the agent the same version as nssv?`,
        res.status,
      );
    }
    return parsed;
  }

  private throwIfCancelled(method: string, path: string): void {
    if (!this.signal?.aborted) return;
    const { host } = this.target;
    throw new AgentError(
      host,
      'cancelled',
      `${method} ${path} to the agent of host ${host} was cancelled: ${String(this.signal.reason instanceof Error ? this.signal.reason.message : this.signal.reason)}`,
    );
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
