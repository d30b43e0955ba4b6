/**
 * Connection lifetimes shared by agentd's HTTP server and nssv's agent client. The client lets an
 * idle connection go well before the server would close it, so a request is never written to a
 * socket the server is closing at that moment (Node's default server keep-alive is 5 s, which a
 * long apply's idle connections outlived: the 21,005-instance apply failed on them).
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Must exceed the keep-alive timeout (Node's rule), or idle connections are cut as slow ones. */
export const SERVER_HEADERS_TIMEOUT_MS = 70_000;
/** The client's idle limit: well under the server's. */
export const CLIENT_KEEP_ALIVE_TIMEOUT_MS = 30_000;
/** Open connections to one agent at most (one apply runs ≤ 4 steps per host by default). */
export const CLIENT_CONNECTIONS_PER_HOST = 8;
