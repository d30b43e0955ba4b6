import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attribute, Block, Body, Expr } from '../hcl/ast.js';
import { decodeArguments } from './decodeArguments.js';
import { configErrors as E } from './errors.js';
import { checkMoved, checkRemoved } from './refactor-decls.js';
import { decodeData } from './data-decl.js';
import type {
  ConditionDecl,
  LifecycleDecl,
  ModuleCallDecl,
  ModuleDecl,
  ResourceDecl,
  VariableDecl,
} from './model.js';

const TOP_BLOCKS = [
  'variable',
  'locals',
  'output',
  'resource',
  'data',
  'module',
  'terraform',
  'provider',
  'moved',
  'import',
  'removed',
  'check',
];
/** Accepted and ignored: provider settings are the agents' business, not the configuration's. */
const IGNORED_TOP = new Set(['provider']);
const LABELS: Record<string, string[]> = {
  variable: ['name'],
  output: ['name'],
  resource: ['type', 'name'],
  module: ['name'],
  locals: [],
  data: ['type', 'name'],
};

/** A literal string value of an attribute (description, source), if it is one. */
export function literalString(e: Expr): string | undefined {
  if (e.t === 'template' && e.parts.every((p) => p.t === 'lit'))
    return e.parts.map((p) => (p as { value: string }).value).join('');
  return undefined;
}
function literalBool(e: Expr, diags: Diagnostic[], what: string): boolean {
  if (e.t === 'bool') return e.value;
  const s = literalString(e);
  if (s === 'true' || s === 'false') return s === 'true';
  diags.push({
    severity: 'error',
    code: 'NSSV_CONFIG_INVALID_ARGUMENT',
    summary: `Invalid value for "${what}"`,
    detail: `"${what}" must be the literal true or false.`,
    range: e.range,
  });
  return false;
}

function checkLabels(b: Block, diags: Diagnostic[]): boolean {
  const want = LABELS[b.type];
  if (want && b.labels.length !== want.length) {
    diags.push(E.wrongLabels(b.typeRange, b.type, want, b.labels.length));
    return false;
  }
  return true;
}

/** Decode the top-level bodies of one module directory. */
export function decodeModule(dir: string, bodies: Body[], diags: Diagnostic[]): ModuleDecl {
  const m: ModuleDecl = {
    dir,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    moduleCalls: new Map(),
  };
  for (const body of bodies) {
    for (const a of body.attributes) {
      diags.push(E.unsupportedArgument(a.nameRange, a.name, 'at the top level of a configuration file', []));
    }
    for (const b of body.blocks) {
      if (!checkLabels(b, diags)) continue;
      switch (b.type) {
        case 'variable':
          decodeVariable(m, b, diags);
          break;
        case 'locals':
          for (const a of b.body.attributes) {
            const prev = m.locals.get(a.name);
            if (prev) diags.push(E.duplicate('local value', a.nameRange, a.name, prev.range));
            else m.locals.set(a.name, { name: a.name, expr: a.expr, range: a.nameRange });
          }
          for (const nb of b.body.blocks)
            diags.push(E.unsupportedBlock(nb.typeRange, nb.type, 'in a locals block', []));
          break;
        case 'output':
          decodeOutput(m, b, diags);
          break;
        case 'resource':
          decodeResource(m, b, diags);
          break;
        case 'module':
          decodeModuleCall(m, b, diags);
          break;
        case 'data':
          decodeData(m, b, diags);
          break;
        case 'terraform':
          decodeTerraform(m, b, diags);
          break;
        case 'moved': {
          const from = b.body.attributes.find((a) => a.name === 'from');
          const to = b.body.attributes.find((a) => a.name === 'to');
          const r = checkMoved(from && addressText(from.expr), to && addressText(to.expr), b);
          if ('code' in r) diags.push(r);
          else (m.moved ??= []).push(r);
          break;
        }
        case 'import':
          decodeImport(m, b, diags);
          break;
        case 'removed': {
          const from = b.body.attributes.find((a) => a.name === 'from');
          const destroy = b.body.blocks
            .filter((nb) => nb.type === 'lifecycle')
            .flatMap((nb) => nb.body.attributes)
            .find((a) => a.name === 'destroy');
          const d = destroy && literalBool(destroy.expr, diags, 'destroy');
          const r = checkRemoved(from && addressText(from.expr), d, b);
          if ('code' in r) diags.push(r);
          else (m.removed ??= []).push(r);
          break;
        }
        case 'check':
          diags.push(E.checkBlock(b.typeRange, b.labels[0]));
          break;
        default:
          if (!IGNORED_TOP.has(b.type))
            diags.push(
              E.unsupportedBlock(b.typeRange, b.type, 'at the top level of a configuration file', TOP_BLOCKS),
            );
      }
    }
  }
  return m;
}

/**
 * terraform { … }: required_providers and required_version are accepted (cdktf writes them); backend "pg"
 * and encryption are kept for the loader to evaluate (settings-eval.ts); other backends and the cloud
 * block would move state where nssv does not keep it, so they are refused rather than ignored.
 */
function decodeTerraform(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  for (const nb of b.body.blocks) {
    if (nb.type === 'encryption') m.encryptionBlock = nb;
    else if (nb.type === 'backend') {
      const type = nb.labels[0] ?? '';
      if (type === 'pg') m.backendBlock = nb;
      else if (type === 'local') {
        const path = nb.body.attributes.find((a) => a.name === 'path');
        diags.push(E.localBackendIgnored(nb.typeRange, path && literalString(path.expr)));
      } else diags.push(E.backendBlock(nb.typeRange, type));
    } else if (nb.type === 'cloud') diags.push(E.cloudBlock(nb.typeRange));
  }
}

/** An import block (to = ADDRESS, id = "…", optional for_each); the loader evaluates id and the keys in to. */
function decodeImport(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  const attr = (n: string): Attribute | undefined => b.body.attributes.find((a) => a.name === n);
  for (const a of b.body.attributes)
    if (!['to', 'id', 'for_each', 'provider'].includes(a.name))
      diags.push(E.unsupportedArgument(a.nameRange, a.name, 'in an import block', ['to', 'id', 'for_each']));
  for (const nb of b.body.blocks)
    diags.push(E.unsupportedBlock(nb.typeRange, nb.type, 'in an import block', []));
  const to = attr('to');
  const id = attr('id');
  if (!to || !id) {
    diags.push(
      E.missingArgument(
        b.typeRange,
        !to ? 'to' : 'id',
        'in an import block',
        'Write each argument on its own line (id: the object\'s name, or HOST/NAME):\n\nimport {\n  to = nssv_vm.web\n  id = "web1"\n}',
      ),
    );
    return;
  }
  const forEach = attr('for_each');
  (m.imports ??= []).push({ to: to.expr, id: id.expr, ...(forEach ? { forEach } : {}), range: b.typeRange });
}

/** The text of an address expression like nssv_vm.web, module.x.nssv_vm.y[0] or nssv_vm.z["a"]. */
function addressText(e: Expr): string | undefined {
  switch (e.t) {
    case 'var':
      return e.name;
    case 'getattr': {
      const o = addressText(e.obj);
      return o === undefined ? undefined : `${o}.${e.name}`;
    }
    case 'index': {
      const o = addressText(e.obj);
      if (o === undefined) return undefined;
      if (e.key.t === 'number') return `${o}[${e.key.text}]`;
      const k = literalString(e.key);
      return k === undefined ? undefined : `${o}[${JSON.stringify(k)}]`;
    }
    case 'template':
      // JSON syntax and legacy quoted addresses: "nssv_vm.web"
      return literalString(e);
    default:
      return undefined;
  }
}

function decodeVariable(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  const name = b.labels[0]!;
  const prev = m.variables.get(name);
  if (prev) {
    diags.push(E.duplicate('variable', b.labelRanges[0]!, name, prev.range));
    return;
  }
  const v: VariableDecl = {
    name,
    range: b.labelRanges[0]!,
    sensitive: false,
    nullable: true,
    validations: [],
  };
  decodeArguments(
    b.body.attributes,
    'in a variable block',
    {
      default: (a) => (v.default = a.expr),
      type: (a) => (v.typeExpr = a.expr),
      description: (a) => {
        const s = literalString(a.expr);
        if (s !== undefined) v.description = s;
      },
      sensitive: (a) => (v.sensitive = literalBool(a.expr, diags, 'sensitive')),
      nullable: (a) => (v.nullable = literalBool(a.expr, diags, 'nullable')),
      ephemeral: () => undefined,
    },
    diags,
  );
  for (const vb of b.body.blocks) {
    if (vb.type !== 'validation') {
      diags.push(E.unsupportedBlock(vb.typeRange, vb.type, 'in a variable block', ['validation']));
      continue;
    }
    const c = decodeCondition(vb, 'in a validation block', `a bool expression about var.${name}`, diags);
    if (c) v.validations.push(c);
  }
  m.variables.set(name, v);
}

/** A validation or precondition block: its condition and error_message, both required. */
function decodeCondition(
  b: Block,
  where: string,
  about: string,
  diags: Diagnostic[],
): ConditionDecl | undefined {
  const cond = b.body.attributes.find((a) => a.name === 'condition');
  const msg = b.body.attributes.find((a) => a.name === 'error_message');
  if (!cond) diags.push(E.missingArgument(b.typeRange, 'condition', where, `Add condition = <${about}>.`));
  if (!msg)
    diags.push(
      E.missingArgument(
        b.typeRange,
        'error_message',
        where,
        'Add error_message = "…" explaining what is allowed.',
      ),
    );
  for (const a of b.body.attributes)
    if (a.name !== 'condition' && a.name !== 'error_message')
      diags.push(E.unsupportedArgument(a.nameRange, a.name, where, ['condition', 'error_message']));
  for (const nb of b.body.blocks) diags.push(E.unsupportedBlock(nb.typeRange, nb.type, where, []));
  return cond && msg ? { condition: cond.expr, errorMessage: msg.expr, range: cond.range } : undefined;
}

function decodeOutput(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  const name = b.labels[0]!;
  const prev = m.outputs.get(name);
  if (prev) {
    diags.push(E.duplicate('output', b.labelRanges[0]!, name, prev.range));
    return;
  }
  const o: ModuleDecl['outputs'] extends Map<string, infer O> ? O : never = {
    name,
    sensitive: false,
    dependsOn: [],
    range: b.labelRanges[0]!,
  };
  decodeArguments(
    b.body.attributes,
    'in an output block',
    {
      value: (a) => (o.value = a.expr),
      description: (a) => {
        const s = literalString(a.expr);
        if (s !== undefined) o.description = s;
      },
      sensitive: (a) => (o.sensitive = literalBool(a.expr, diags, 'sensitive')),
      depends_on: (a) => (o.dependsOn = a.expr.t === 'tuple' ? a.expr.items : [a.expr]),
      ephemeral: () => undefined,
    },
    diags,
  );
  if (!o.value)
    diags.push(E.missingArgument(b.typeRange, 'value', `in output "${name}"`, 'Add value = <expression>.'));
  for (const nb of b.body.blocks) {
    if (nb.type !== 'precondition') {
      diags.push(E.unsupportedBlock(nb.typeRange, nb.type, `in output "${name}"`, ['precondition']));
      continue;
    }
    const c = decodeCondition(nb, 'in a precondition block', 'a bool expression', diags);
    if (c) (o.preconditions ??= []).push(c);
  }
  m.outputs.set(name, o);
}

const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'provider']);

function decodeResource(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  const [type, name] = [b.labels[0]!, b.labels[1]!];
  const key = `${type}.${name}`;
  const prev = m.resources.get(key);
  if (prev) {
    diags.push(E.duplicateResource(b.labelRanges[1]!, key, prev.nameRange));
    return;
  }
  const r: ResourceDecl = {
    type,
    name,
    range: b.range,
    typeRange: b.labelRanges[0]!,
    nameRange: b.labelRanges[1]!,
    dependsOn: [],
    lifecycle: {},
    attributes: [],
    blocks: [],
    body: b.body,
  };
  const seen = new Map<string, Attribute>();
  for (const a of b.body.attributes) {
    const dup = seen.get(a.name);
    if (dup) {
      diags.push(E.duplicate('argument', a.nameRange, a.name, dup.nameRange));
      continue;
    }
    seen.set(a.name, a);
    if (a.name === 'count') r.count = a;
    else if (a.name === 'for_each') r.forEach = a;
    else if (a.name === 'depends_on') r.dependsOn = a.expr.t === 'tuple' ? a.expr.items : [a.expr];
    else if (!RESOURCE_META.has(a.name)) r.attributes.push(a);
  }
  if (r.count && r.forEach) diags.push(E.countAndForEach(r.forEach.nameRange));
  for (const nb of b.body.blocks) {
    if (nb.type === 'lifecycle') decodeLifecycle(r.lifecycle, nb, diags);
    else if (nb.type === 'provisioner' || nb.type === 'connection') {
      // Another provider's resource is refused whole (foreignResource.ts): one reason is enough.
      if (type.startsWith('nssv_')) diags.push(E.provisionerBlock(nb.typeRange, nb.type, `${type}.${name}`));
    } else r.blocks.push(nb);
  }
  m.resources.set(key, r);
}

function decodeLifecycle(l: LifecycleDecl, b: Block, diags: Diagnostic[]): void {
  decodeArguments(
    b.body.attributes,
    'in a lifecycle block',
    {
      create_before_destroy: (a) => (l.createBeforeDestroy = a.expr),
      prevent_destroy: (a) => (l.preventDestroy = a.expr),
      ignore_changes: (a) => (l.ignoreChanges = a.expr),
      replace_triggered_by: (a) => (l.replaceTriggeredBy = a.expr),
    },
    diags,
  );
  for (const nb of b.body.blocks) {
    if (nb.type === 'precondition') {
      const c = decodeCondition(nb, 'in a precondition block', 'a bool expression', diags);
      if (c) (l.preconditions ??= []).push(c);
    } else if (nb.type === 'postcondition') diags.push(E.postconditionBlock(nb.typeRange));
    else
      diags.push(
        E.unsupportedBlock(nb.typeRange, nb.type, 'in a lifecycle block', ['precondition', 'postcondition']),
      );
  }
}

function decodeModuleCall(m: ModuleDecl, b: Block, diags: Diagnostic[]): void {
  const name = b.labels[0]!;
  const prev = m.moduleCalls.get(name);
  if (prev) {
    diags.push(E.duplicate('module call', b.labelRanges[0]!, name, prev.range));
    return;
  }
  const call: ModuleCallDecl = {
    name,
    source: '',
    sourceRange: b.typeRange,
    range: b.labelRanges[0]!,
    dependsOn: [],
    inputs: [],
  };
  let hasSource = false;
  for (const a of b.body.attributes) {
    if (a.name === 'source') {
      const s = literalString(a.expr);
      if (s === undefined)
        diags.push(
          E.moduleSource(a.expr.range, '(expression)', 'The module source must be a literal string.'),
        );
      else {
        call.source = s;
        call.sourceRange = a.expr.range;
        hasSource = true;
      }
    } else if (a.name === 'count') call.count = a;
    else if (a.name === 'for_each') call.forEach = a;
    else if (a.name === 'depends_on') call.dependsOn = a.expr.t === 'tuple' ? a.expr.items : [a.expr];
    else if (a.name === 'version' || a.name === 'providers') continue;
    else call.inputs.push(a);
  }
  if (call.count && call.forEach) diags.push(E.countAndForEach(call.forEach.nameRange));
  if (!hasSource)
    diags.push(
      E.missingArgument(b.typeRange, 'source', `in module "${name}"`, 'Add source = "./path/to/module".'),
    );
  m.moduleCalls.set(name, call);
}
