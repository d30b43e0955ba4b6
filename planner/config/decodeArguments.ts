import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attribute } from '../hcl/ast.js';
import { configErrors as E } from './errors.js';

/** What a block does with each argument it accepts, by name. */
export type ArgumentHandlers = Readonly<Record<string, (a: Attribute) => void>>;

/**
 * Hands each argument of a block to its handler; an argument without one is reported as
 * unsupported `where` ("in a variable block"), listing the names that have a handler.
 */
export function decodeArguments(
  attributes: readonly Attribute[],
  where: string,
  handlers: ArgumentHandlers,
  diags: Diagnostic[],
): void {
  for (const a of attributes) {
    const handle = Object.hasOwn(handlers, a.name) ? handlers[a.name] : undefined;
    if (handle) handle(a);
    else diags.push(E.unsupportedArgument(a.nameRange, a.name, where, Object.keys(handlers)));
  }
}
