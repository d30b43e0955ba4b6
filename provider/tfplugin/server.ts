import type { Diagnostic } from '../../core/diagnostic.js';
import type { Attributes } from '../../core/values.js';
import { decodeMsgpack, encodeMsgpack } from './cty/msgpack.js';
import { conform, ValueError, type TfObject, type TfValue } from './cty/value.js';
import type { CtyType } from './cty/types.js';
import { fromAttributes, stateAttributes, toAttributes } from './convert.js';
import { readData } from './data/read.js';
import { dataSourceSchemas } from './data/schemas.js';
import { errorDiagnostic, toProtoDiagnostic } from './diagnostics.js';
import type { Rpc } from './grpc/serve.js';
import type { Msg } from './grpc/services.js';
import { parseProviderConfig, providerSchema } from './providerConfig.js';
import { applyResource } from './resources/apply.js';
import { importResource } from './resources/importState.js';
import { planResource } from './resources/plan.js';
import { readResource } from './resources/read.js';
import { SCHEMA_VERSION, upgradeAttributes } from './resources/upgrade.js';
import { blockType, type BlockSchema } from './schema/block.js';
import { resourceSchemas } from './schema/resources.js';
import { schemaMessage } from './schema/toProto.js';
import { Session } from './session.js';
import { validateResource } from './validate.js';

const IMPORTED = Buffer.from('{"imported":true}');

function schemaOf(kind: 'resource' | 'data', type: string): BlockSchema {
  const s = (kind === 'resource' ? resourceSchemas() : dataSourceSchemas()).get(type);
  if (!s) throw new Error(`bug: Terraform asked about unknown ${kind} type ${type}`);
  return s;
}

function decode(dv: Msg | null | undefined, t: CtyType): TfObject | null {
  if (!dv) return null;
  if (dv.msgpack?.length) return decodeMsgpack(dv.msgpack, t) as TfObject | null;
  if (dv.json?.length)
    return conform(JSON.parse(Buffer.from(dv.json).toString('utf8')), t) as TfObject | null;
  return null;
}

function encode(v: TfValue, t: CtyType): Msg {
  return { msgpack: Buffer.from(encodeMsgpack(v, t)) };
}

const attrs = (v: TfObject | null): Attributes | null => (v ? toAttributes(v) : null);
const state = (v: TfObject | null): Attributes | null => (v ? stateAttributes(v) : null);
const diags = (ds: Diagnostic[]): Msg[] => ds.map(toProtoDiagnostic);

/** Values Terraform sent that do not fit the schema's types become an error diagnostic, not a crash. */
async function guarded(f: () => Promise<Msg>): Promise<Msg> {
  try {
    return await f();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    return { diagnostics: [errorDiagnostic('NSSV_BAD_VALUE', e.message, '', e.path.join('.'))] };
  }
}

/** The tfplugin6.Provider service: each RPC decodes, calls one use-case function, encodes. */
export function providerService(
  session: Session = new Session(),
  log: (line: string) => void = () => {},
): Record<string, Rpc> {
  const resourceType = (type: string): CtyType => blockType(schemaOf('resource', type));
  const capabilities = {
    plan_destroy: false,
    get_provider_schema_optional: true,
    move_resource_state: false,
  };
  return {
    GetMetadata: async () => ({
      server_capabilities: capabilities,
      diagnostics: [],
      resources: [...resourceSchemas().keys()].map((type_name) => ({ type_name })),
      data_sources: [...dataSourceSchemas().keys()].map((type_name) => ({ type_name })),
    }),
    GetProviderSchema: async () => ({
      provider: schemaMessage(providerSchema),
      resource_schemas: Object.fromEntries(
        [...resourceSchemas()].map(([t, b]) => [t, schemaMessage(b, SCHEMA_VERSION)]),
      ),
      data_source_schemas: Object.fromEntries(
        [...dataSourceSchemas()].map(([t, b]) => [t, schemaMessage(b)]),
      ),
      diagnostics: [],
      server_capabilities: capabilities,
    }),
    GetFunctions: async () => ({ functions: {}, diagnostics: [] }),
    ValidateProviderConfig: async (req) =>
      guarded(async () => {
        const cfg = decode(req.config, blockType(providerSchema));
        const parsed = parseProviderConfig(cfg);
        const unknownOk = 'problem' in parsed && parsed.problem.includes('not known until apply');
        return {
          diagnostics:
            'problem' in parsed && !unknownOk && cfg?.hosts !== null
              ? [
                  errorDiagnostic(
                    'NSSV_PROVIDER_CONFIG',
                    parsed.problem,
                    'provider "nssv" { hosts = { NAME = { cluster_id, endpoint, token } } }',
                    parsed.attribute,
                  ),
                ]
              : [],
        };
      }),
    ConfigureProvider: async (req) =>
      guarded(async () => {
        const parsed = parseProviderConfig(decode(req.config, blockType(providerSchema)));
        if ('problem' in parsed) {
          return {
            diagnostics: [
              errorDiagnostic(
                'NSSV_PROVIDER_CONFIG',
                parsed.problem,
                'provider "nssv" { hosts = { NAME = { cluster_id, endpoint, token } } }',
                parsed.attribute,
              ),
            ],
          };
        }
        session.configure(parsed.hosts);
        log(`configured with hosts ${[...parsed.hosts.keys()].join(', ')}`);
        return { diagnostics: [] };
      }),
    ValidateResourceConfig: async (req) =>
      guarded(async () => {
        const cfg = decode(req.config, resourceType(req.type_name));
        return { diagnostics: diags(validateResource(req.type_name, attrs(cfg) ?? {})) };
      }),
    ValidateDataResourceConfig: async () => ({ diagnostics: [] }),
    UpgradeResourceState: async (req) =>
      guarded(async () => {
        const t = resourceType(req.type_name);
        const raw = JSON.parse(Buffer.from(req.raw_state?.json ?? '{}').toString('utf8')) as Attributes;
        const up = upgradeAttributes(req.type_name, Number(req.version), raw);
        return { upgraded_state: encode(conform(fromAttributes(up), t), t), diagnostics: [] };
      }),
    ReadResource: async (req) =>
      guarded(async () => {
        const t = resourceType(req.type_name);
        const prior = state(decode(req.current_state, t));
        if (!prior) return { new_state: req.current_state, diagnostics: [], private: req.private };
        const r = await readResource(session, req.type_name, prior);
        return {
          new_state: encode(r.state ? fromAttributes(r.state) : null, t),
          diagnostics: diags(r.diagnostics),
          private: req.private,
        };
      }),
    PlanResourceChange: async (req) =>
      guarded(async () => {
        const t = resourceType(req.type_name);
        const proposed = decode(req.proposed_new_state, t);
        if (!proposed) return { planned_state: req.proposed_new_state, diagnostics: [] };
        const prior = state(decode(req.prior_state, t));
        const config = attrs(decode(req.config, t)) ?? {};
        const imported = Buffer.from(req.prior_private ?? []).equals(IMPORTED);
        const p = await planResource(session, req.type_name, prior, config, imported);
        const where = req.type_name === 'nssv_vm' ? ` on ${JSON.stringify(p.planned.host_id)}` : '';
        log(
          `plan ${req.type_name} ${JSON.stringify(p.planned.name)}${where}: ${prior ? 'existing' : 'new'}, ${p.requiresReplace.length} attribute(s) forcing replacement`,
        );
        return {
          planned_state: encode(fromAttributes(p.planned), t),
          requires_replace: p.requiresReplace.map((path) =>
            // "disk[0].volume_id" → steps
            ({
              steps: path
                .split(/\.|(?=\[)/)
                .map((x) =>
                  x.startsWith('[') ? { element_key_int: Number(x.slice(1, -1)) } : { attribute_name: x },
                ),
            }),
          ),
          planned_private: req.prior_private,
          diagnostics: diags(p.diagnostics),
        };
      }),
    ApplyResourceChange: async (req) =>
      guarded(async () => {
        const t = resourceType(req.type_name);
        const prior = state(decode(req.prior_state, t));
        const planned = state(decode(req.planned_state, t));
        const r = await applyResource(session, req.type_name, prior, planned);
        const verb = !planned ? 'delete' : !prior ? 'create' : 'update';
        log(
          `${verb} ${req.type_name} ${JSON.stringify((planned ?? prior)?.name)}: ${r.diagnostics.length ? 'failed' : 'done'}`,
        );
        return {
          new_state: encode(r.state ? fromAttributes(r.state) : null, t),
          private: Buffer.alloc(0),
          diagnostics: diags(r.diagnostics),
        };
      }),
    ImportResourceState: async (req) =>
      guarded(async () => {
        const t = resourceType(req.type_name);
        const r = await importResource(session, req.type_name, req.id);
        log(`import ${req.type_name} ${JSON.stringify(req.id)}: ${r.state ? 'found' : 'not found'}`);
        return {
          imported_resources: r.state
            ? [{ type_name: req.type_name, state: encode(fromAttributes(r.state), t), private: IMPORTED }]
            : [],
          diagnostics: diags(r.diagnostics),
        };
      }),
    ReadDataSource: async (req) =>
      guarded(async () => {
        const t = blockType(schemaOf('data', req.type_name));
        const cfg = attrs(decode(req.config, t)) ?? {};
        const r = await readData(session, req.type_name, cfg);
        return {
          state: encode(r.state ? fromAttributes(r.state) : null, t),
          diagnostics: diags(r.diagnostics),
        };
      }),
    StopProvider: async () => {
      session.requestStop();
      return { Error: '' };
    },
  };
}
