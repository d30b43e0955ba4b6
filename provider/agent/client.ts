import type { AgentApiCheck } from '../../schemas/agentApiCheck.js';
import type {
  ConsoleLogInfo,
  DeleteResult,
  DomainInfo,
  DomainSpec,
  HealthInfo,
  IncomingResult,
  IncomingSpec,
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
import { agentApi } from '../../schemas/generated/agentApiValidators.js';
import { AgentError } from './agentError.js';
import type { HttpAnswer } from './httpSend.js';
import { AgentRequester } from './agentRequest.js';

export { agentRequestStats, type AgentClientOptions, type AgentEndpoint } from './agentRequest.js';

/** A live migration copies the guest's memory: allow as long as the agent allows virsh (10 min). */
const MIGRATE_TIMEOUT_MS = 610_000;

/**
 * Typed HTTP client for one host's agentd. Messages are those of schemas/agent-api/; every
 * answer is checked against its schema, so a wrong or outdated agent is a clear error rather
 * than undefined behaviour later.
 */
export class AgentClient extends AgentRequester {
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
  prepareIncoming(name: string, spec: IncomingSpec): Promise<IncomingResult> {
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
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
