import type {
  AgentErrorBody,
  DeleteResult,
  DomainInfo,
  DomainSpec,
  HealthInfo,
  Inventory,
  PoolInfo,
  PoolSpec,
  PortGroupInfo,
  PortGroupSpec,
  SwitchInfo,
  SwitchSpec,
  VolumeInfo,
  VolumeSpec,
} from '../../agentd/api/types.js';
import type { ImageInfo, ImageSpec, ImageStoreInfo, ImageStoreSpec } from '../../agentd/api/images.js';
import type { ConsoleLogInfo } from '../../agentd/http/console-route.js';
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

/** Typed HTTP client for one host's agentd (see agentd/api/types.ts for the routes). */
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
    return this.call('GET', '/v1/health');
  }
  inventory(): Promise<Inventory> {
    return this.call('GET', '/v1/inventory');
  }
  putPool(pool: string, spec: PoolSpec): Promise<PoolInfo> {
    return this.call('PUT', `/v1/pools/${enc(pool)}`, spec);
  }
  deletePool(pool: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/pools/${enc(pool)}`);
  }
  putVolume(pool: string, volume: string, spec: VolumeSpec): Promise<VolumeInfo> {
    return this.call('PUT', `/v1/pools/${enc(pool)}/volumes/${enc(volume)}`, spec);
  }
  deleteVolume(pool: string, volume: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/pools/${enc(pool)}/volumes/${enc(volume)}`);
  }
  putSwitch(name: string, spec: SwitchSpec): Promise<SwitchInfo> {
    return this.call('PUT', `/v1/switches/${enc(name)}`, spec);
  }
  deleteSwitch(name: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/switches/${enc(name)}`);
  }
  putPortGroup(sw: string, pg: string, spec: PortGroupSpec): Promise<PortGroupInfo> {
    return this.call('PUT', `/v1/switches/${enc(sw)}/port-groups/${enc(pg)}`, spec);
  }
  deletePortGroup(sw: string, pg: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/switches/${enc(sw)}/port-groups/${enc(pg)}`);
  }
  putDomain(name: string, spec: DomainSpec): Promise<DomainInfo> {
    return this.call('PUT', `/v1/domains/${enc(name)}`, spec);
  }
  deleteDomain(name: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/domains/${enc(name)}`);
  }
  consoleLog(domain: string): Promise<ConsoleLogInfo> {
    return this.call('GET', `/v1/domains/${enc(domain)}/console-log`);
  }
  putImageStore(store: string, spec: ImageStoreSpec): Promise<ImageStoreInfo> {
    return this.call('PUT', `/v1/image-stores/${enc(store)}`, spec);
  }
  deleteImageStore(store: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/image-stores/${enc(store)}`);
  }
  /** Downloads and verifies: allowed to take as long as the agent's own download limit. */
  putImage(store: string, image: string, spec: ImageSpec): Promise<ImageInfo> {
    return this.call('PUT', `/v1/image-stores/${enc(store)}/images/${enc(image)}`, spec, 31 * 60_000);
  }
  deleteImage(store: string, image: string): Promise<DeleteResult> {
    return this.call('DELETE', `/v1/image-stores/${enc(store)}/images/${enc(image)}`);
  }

  private async call<T>(
    method: string,
    path: string,
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
      let why =
        err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
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
      const e = (parsed as AgentErrorBody | undefined)?.error;
      if (!e || typeof e.code !== 'string') {
        throw new AgentError(
          host,
          'bad_response',
          `the endpoint ${this.base} of host ${host} answered HTTP ${res.status} to ${method} ${path}, not as an nssv agent does (wrong host or port?)`,
          res.status,
        );
      }
      const detail = e?.detail ? ` (${e.detail})` : '';
      throw new AgentError(
        host,
        e?.code ?? 'bad_response',
        `host ${host}: ${e?.message ?? `HTTP ${res.status}`}${detail}`,
        res.status,
      );
    }
    return parsed as T;
  }
}

function enc(s: string): string {
  return encodeURIComponent(s);
}
