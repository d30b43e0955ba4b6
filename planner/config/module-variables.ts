import { parseExpression } from '../hcl/parser.js';
import { ConversionError, convert } from '../eval/convert.js';
import { evaluate } from '../eval/evaluate.js';
import { parseTypeExpr } from '../eval/typeexpr.js';
import { BOOL, DYNAMIC, type Type, isPrimitive, typeString } from '../eval/types.js';
import { type Value, DYNAMIC_UNKNOWN, UNKNOWN, sensitive, str } from '../eval/value.js';
import { valuePhrase } from '../eval/valuePhrase.js';
import { configErrors as E } from './errors.js';
import type { VariableDecl } from './model.js';
import type { ModuleScope, Node, VarInput } from './module-scope.js';
import { toAttrValue } from './to-json.js';

function varType(scope: ModuleScope, v: VariableDecl): Type {
  if (!v.typeExpr) return DYNAMIC;
  try {
    return parseTypeExpr(v.typeExpr, (e) => evaluate(e, scope.bareCtx()));
  } catch (e) {
    scope.report(e);
    return DYNAMIC;
  }
}

/**
 * A variable's value: the input given (evaluated, or CLI/env text parsed per its type) or its
 * default, converted to its type, then checked by its validation blocks. `record` makes the value
 * visible to those validations (they may refer to var.NAME).
 */
export function computeVariable(
  scope: ModuleScope,
  decl: VariableDecl,
  input: VarInput | undefined,
  record: (node: Node) => void,
): Node {
  const type = varType(scope, decl);
  const deps = input?.deps ?? new Set<string>();
  let value: Value | undefined;
  let where = input?.range ?? decl.range;
  let origin = input?.origin;
  if (input?.value) value = input.value;
  else if (input?.text !== undefined) {
    if (!decl.typeExpr || isPrimitive(type)) value = str(input.text);
    else {
      const r = parseExpression(input.text, `<value for var.${decl.name}>`, input.range ?? decl.range);
      if (!r.value) {
        const from = input.origin
          ? ` The value given from ${input.origin} was ${shownInput(decl, input)}.`
          : '';
        for (const d of r.diagnostics)
          scope.shared.diags.push({
            ...d,
            summary: `Invalid value for variable "${decl.name}": ${d.summary}`,
            ...(from ? { detail: `${d.detail ?? ''}${from}` } : {}),
          });
        return { value: DYNAMIC_UNKNOWN, deps };
      }
      value = scope.evalReported(r.value, scope.bareCtx());
    }
  }
  const defaultValue = (): Value | undefined =>
    decl.default ? scope.evalReported(decl.default, scope.bareCtx()) : undefined;
  if (value === undefined) {
    value = defaultValue();
    if (decl.default) where = decl.default.range;
    origin = undefined;
    if (value === undefined) {
      scope.shared.diags.push(E.missingVariable(decl.range, decl.name));
      return { value: DYNAMIC_UNKNOWN, deps };
    }
  }
  if (value.v === null && !decl.nullable) {
    const d = defaultValue();
    if (d && d.v !== null) value = d;
    else {
      scope.shared.diags.push(E.nullVariable(where, decl.name, origin));
      return { value: DYNAMIC_UNKNOWN, deps };
    }
  }
  try {
    value = convert(value, type);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    const given = origin && input ? { shown: shownInput(decl, input), origin } : undefined;
    scope.shared.diags.push(
      E.invalidVariableValue(where, decl.name, e.describe(), decl.typeExpr ? typeString(type) : 'any', given),
    );
    return { value: DYNAMIC_UNKNOWN, deps };
  }
  if (decl.sensitive) value = sensitive(value);
  const node = { value, deps };
  record(node); // validations may refer to var.NAME
  checkValidations(scope, decl, value);
  return node;
}

/** Runs a variable's validation blocks, reporting each failed condition with its error message. */
function checkValidations(scope: ModuleScope, decl: VariableDecl, value: Value): void {
  for (const val of decl.validations) {
    const c = scope.evalReported(val.condition, scope.ctx, undefined, undefined);
    if (c.v === UNKNOWN || c.t.k === 'dynamic') continue;
    let ok: Value;
    try {
      ok = convert(c, BOOL);
    } catch {
      scope.shared.diags.push(
        E.invalidReference(
          val.condition.range,
          'Invalid validation condition',
          'The condition must be a bool (true or false).',
        ),
      );
      continue;
    }
    if (ok.v === false) {
      const m = scope.evalReported(val.errorMessage, scope.ctx);
      let msg = 'The value is not valid.';
      if (typeof m.v === 'string') msg = m.sens ? '(sensitive error message)' : m.v;
      scope.shared.diags.push(E.validationFailed(val.range, decl.name, msg, valuePhrase(value)));
    }
  }
}

/** A root variable's value as given, for messages: JSON, shortened; never a sensitive value. */
function shownInput(decl: VariableDecl, input: VarInput): string {
  if (decl.sensitive || input.value?.sens) return '(sensitive value)';
  const json =
    input.text !== undefined
      ? JSON.stringify(input.text)
      : input.value
        ? JSON.stringify(toAttrValue(input.value, '', undefined))
        : 'null';
  return json.length > 80 ? json.slice(0, 77) + '…' : json;
}
