import { errors } from '../errors.js';
import { type Route, validateParam } from './routes.js';

export interface Match {
  route: Route;
  /** Path parameters as they appear in the path (not yet decoded or validated). */
  raw: Record<string, string>;
}

/** Finds the route for a method and path: unknown paths are 404, known paths with another method 405. */
export function matchRoute(routes: readonly Route[], method: string, path: string): Match {
  const segments = path.split('/').slice(1);
  const candidates: Match[] = [];
  for (const route of routes) {
    const pattern = route.pattern.split('/').slice(1);
    if (pattern.length !== segments.length) continue;
    const raw: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      if (!p.startsWith(':')) return p === segments[i];
      raw[p.slice(1)] = segments[i]!;
      return segments[i] !== '';
    });
    if (ok) candidates.push({ route, raw });
  }
  if (candidates.length === 0) throw errors.routeNotFound(method, path);
  const found = candidates.find((c) => c.route.method === method);
  if (!found)
    throw errors.methodNotAllowed(method, path, [...new Set(candidates.map((c) => c.route.method))]);
  return found;
}

/** Percent-decodes path parameters and validates each as a name (400 invalid_name naming the parameter). */
export function decodeParams(raw: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, encoded] of Object.entries(raw)) {
    let value: string;
    try {
      value = decodeURIComponent(encoded);
    } catch {
      value = encoded;
    }
    params[name] = validateParam(name, value);
  }
  return params;
}
