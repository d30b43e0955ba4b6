import type { Attributes } from '../../core/values.js';
import type { AgentEndpoint } from '../agent/agentRequest.js';
import { endpointOf } from '../hostEndpoints.js';

// The hosts a state's text records, found without parsing the whole text: the plan has the hosts
// asked for their inventories while it still parses the state (see EarlyRefresh). The walk follows
// JSON's structure (strings skipped with their escapes, containers by depth), so text inside a string
// never counts; only the resources array's elements that mention "nssv_host" are parsed, and the
// walk ends at the last of them (resources are listed by address: the hosts come before VMs and
// volumes). Whatever it cannot follow gives fewer hosts, never wrong ones, and the refresh uses an
// early answer only where the configuration names the same endpoint and token.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const HOST_TYPE = '"nssv_host"';

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(text: string, at: number): number {
  while (isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Just past the JSON value that starts at `at`; -1 when it does not end. */
function afterValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first !== QUOTE && first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    // A number, true, false or null: up to the next delimiter.
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isSpace(c)) break;
    }
    return at;
  }
  let depth = 0;
  let inString = false;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return i + 1;
  }
  return -1;
}

/** Where the top-level object's "resources" array opens; -1 when there is none. */
function resourcesArray(text: string): number {
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== OPEN_OBJECT) return -1;
  at = skipSpace(text, at + 1);
  while (text.charCodeAt(at) === QUOTE) {
    const keyEnd = afterValue(text, at);
    if (keyEnd === -1) return -1;
    const key = text.slice(at, keyEnd);
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== COLON) return -1;
    at = skipSpace(text, at + 1);
    if (key === '"resources"') return text.charCodeAt(at) === OPEN_ARRAY ? at : -1;
    at = afterValue(text, at);
    if (at === -1) return -1;
    at = skipSpace(text, at);
    if (text.charCodeAt(at) !== COMMA) return -1;
    at = skipSpace(text, at + 1);
  }
  return -1;
}

/** The endpoints of the nssv_host instances a state's JSON text records (one per host name). */
export function recordedHostEndpoints(text: string): AgentEndpoint[] {
  const out = new Map<string, AgentEndpoint>();
  const last = text.lastIndexOf(HOST_TYPE);
  const open = last === -1 ? -1 : resourcesArray(text);
  if (open === -1) return [];
  let at = skipSpace(text, open + 1);
  /** The next "nssv_host" from here on. */
  let next = -1;
  while (text.charCodeAt(at) === OPEN_OBJECT && at < last) {
    const end = afterValue(text, at);
    if (end === -1) break;
    if (next < at) next = text.indexOf(HOST_TYPE, at);
    if (next !== -1 && next < end) {
      try {
        const r = JSON.parse(text.slice(at, end)) as { type?: unknown; attributes?: unknown };
        const endpoint =
          r.type === 'nssv_host' && typeof r.attributes === 'object' && r.attributes !== null
            ? endpointOf(r.attributes as Attributes)
            : undefined;
        if (endpoint) out.set(endpoint.host, endpoint);
      } catch {
        // Not JSON after all: this element gives no host.
      }
    }
    at = skipSpace(text, end);
    if (text.charCodeAt(at) !== COMMA) break;
    at = skipSpace(text, at + 1);
  }
  return [...out.values()];
}
