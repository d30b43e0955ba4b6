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
   * A read whose answer carries an `ETag` (a digest of the body), and which answers `304 Not
   * Modified`, without a body, to a request whose `If-None-Match` names that tag.
   */
  conditional?: boolean;
}
