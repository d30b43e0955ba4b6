import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import type { Block } from '../hcl/ast.js';

/** moved { from = A  to = B } */
export interface MovedDecl {
  from: string;
  to: string;
  range: SourceRange;
}

/** removed { from = A  lifecycle { destroy = false } } */
export interface RemovedDecl {
  from: string;
  /** false: forget the objects, leave them on their hosts; true (the default): destroy them. */
  destroy: boolean;
  range: SourceRange;
}

function invalid(range: SourceRange, block: string, what: string, fix: string): Diagnostic {
  return {
    severity: 'error',
    code: 'NSSV_CONFIG_INVALID_ARGUMENT',
    summary: `Invalid ${block} block: ${what}`,
    detail: fix,
    range,
  };
}

const ADDRESS =
  /^(module\.[a-zA-Z_][\w-]*(\[(\d+|"(?:[^"\\]|\\.)*")\])?\.)*([a-z][a-z0-9_]*\.[a-zA-Z_][\w-]*(\[(\d+|"(?:[^"\\]|\\.)*")\])?)?$/;

function isAddress(a: string): boolean {
  return a.length > 0 && !a.endsWith('.') && ADDRESS.test(a);
}

function typeOf(a: string): string | undefined {
  const rest = a.replace(/^(module\.[a-zA-Z_][\w-]*(\[(\d+|"(?:[^"\\]|\\.)*")\])?\.?)*/, '');
  return /^([a-z][a-z0-9_]*)\./.exec(rest)?.[1];
}

/** Checks one moved block's addresses (the decoder read them as text). */
export function checkMoved(
  from: string | undefined,
  to: string | undefined,
  b: Block,
): MovedDecl | Diagnostic {
  const fix =
    'Write it as: moved { from = nssv_vm.old  to = nssv_vm.new } (resource, instance or module addresses).';
  if (!from || !isAddress(from))
    return invalid(b.typeRange, 'moved', '"from" is not a resource, instance or module address', fix);
  if (!to || !isAddress(to))
    return invalid(b.typeRange, 'moved', '"to" is not a resource, instance or module address', fix);
  if (from === to)
    return invalid(
      b.typeRange,
      'moved',
      `"from" and "to" are both ${from}`,
      'Remove the block: nothing moves.',
    );
  const [tf, tt] = [typeOf(from), typeOf(to)];
  if (tf && tt && tf !== tt)
    return invalid(
      b.typeRange,
      'moved',
      `${from} is a ${tf} and ${to} a ${tt}`,
      'An object keeps its resource type when it moves. Fix: move it to an address of type ' + tf + '.',
    );
  return { from, to, range: b.typeRange };
}

export function checkRemoved(
  from: string | undefined,
  destroy: boolean | undefined,
  b: Block,
): RemovedDecl | Diagnostic {
  if (!from || !isAddress(from) || /\]$/.test(from))
    return invalid(
      b.typeRange,
      'removed',
      '"from" must be a resource or module address without an instance key',
      'Write it as: removed { from = nssv_vm.old  lifecycle { destroy = false } }',
    );
  return { from, destroy: destroy ?? true, range: b.typeRange };
}
