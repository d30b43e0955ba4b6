import type { Construct } from 'constructs';
import { cdk, cdkLibraryName, libraryOf } from './library.js';

/** Throws when `scope` belongs to a stack of the other CDK core (see library.ts); returns the scope. */
export function assertSameLibrary(scope: Construct, id: string): Construct {
  const stack = scope.node.scopes.find((s) => cdk.TerraformStack.isStack(s));
  if (!stack) return scope;
  const theirs = libraryOf(stack);
  if (theirs !== cdkLibraryName)
    throw new Error(
      `${scope.node.path}/${id}: the stack is a ${theirs} TerraformStack, but nssv/constructs is built on ${cdkLibraryName}. Fix: set NSSV_CDK_LIBRARY=${theirs}, or import "${theirs}" before "nssv/constructs".`,
    );
  return scope;
}
