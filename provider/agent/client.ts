import type { AgentApiCheck } from '../../schemas/agentApiCheck.js';
import type {
  ConsoleLogInfo,
  DeleteResult,
  DomainInfo,
  DomainSpec,
  HealthInfo,
  ImageInfo,
  ImageSpec,
  ImageStoreInfo,
  ImageStoreSpec,
  Inventory,
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
import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import { AgentError } from './agentError.js';

export interface AgentEndpoint {
  /** The host's name (nssv_host.name), for messages. */
  host: string;
  endpoint: string;
  token: string;
}

export interface AgentClientOptions {
  timeoutMs?: number;
}

/**
 * Typed HTTP client for one host's agentd. Messages are those of schemas/agent-api/; every
 * answer is checked against its schema, so a wrong or outdated agent is a clear error rather
 * than undefined behaviour later.
 */
export class AgentClient {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(
    readonly target: AgentEndpoint,
    options: AgentClientOptions = {},
  ) {
    this.base = target.endpoint.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 120_000;
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
  putSecurityGroup(name: string, spec: SecurityGroupSpec): Promise<SecurityGroupInfo> {
    return this.call('PUT', `/v1/security-groups/${enc(name)}`, agentApi.SecurityGroupInfo, spec);
  }
  deleteSecurityGroup(name: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/security-groups/${enc(name)}`, agentApi.DeleteResult);
  }
  putDomain(name: string, spec: DomainSpec): Promise<DomainInfo> {
    return this.call('PUT', `/v1/domains/${enc(name)}`, agentApi.DomainInfo, spec);
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
  deleteImage(store: string, image: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/image-stores/${enc(store)}/images/${enc(image)}`, agentApi.DeleteResult);
  }

  private async call<T>(
    method: string,
    path: string,
    answer: AgentApiCheck<T>,
    body?: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<T> {
    const { host } = this.target;
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.target.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // Duck-typed: fetch's errors may come from another realm (e.g. under a test runner's VM).
      const e = err as { message?: unknown; cause?: { message?: unknown } } | undefined;
      let why = String(e?.cause?.message ?? e?.message ?? err);
      if (why === 'bad port') {
        why = `port ${new URL(this.base).port} is one Node's fetch refuses to connect to (reserved for other protocols); run agentd on another port, e.g. 7400`;
      }
      throw new AgentError(
        host,
        'unreachable',
        `cannot reach the agent of host ${host} at ${this.base}: ${why}`,
      );
    }
    const text = await res.text();
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
    if (!res.ok) {
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
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
