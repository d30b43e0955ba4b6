/** What one agent API route is: method, path pattern and handler. */
export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RouteRequest {
  params: Record<string, string>;
  body: unknown;
}

export interface Route {
  method: Method;
  /** e.g. /v1/pools/:pool/volumes/:volume */
  pattern: string;
  /** Responds with JSON, unless `text` is set. */
  handle(req: RouteRequest): Promise<unknown>;
  text?: boolean;
  hasBody?: boolean;
  /**
   * A conditional read: the entity tag of the answer (given the handler's result and the JSON
   * body), sent as `ETag`; a request whose `If-None-Match` names it gets `304 Not Modified`
   * without a body.
   */
  etag?: (result: unknown, body: string) => string;
}
