import { EMPTY_SPEC, type JsonBodySpec } from '../hcl/json-body.js';
import type { PropInfo, ResourceSchema } from './schema.js';

/** Terraform JSON syntax is schema-driven: these specs say which keys are blocks. */

const LIFECYCLE: JsonBodySpec = {
  blocks: { precondition: { labels: 0, body: EMPTY_SPEC }, postcondition: { labels: 0, body: EMPTY_SPEC } },
  exprAttrs: new Set(['ignore_changes', 'replace_triggered_by']),
};

function nestedSpec(props: Map<string, PropInfo> | undefined): JsonBodySpec {
  const blocks: JsonBodySpec['blocks'] = {
    dynamic: { labels: 1, body: (labels) => dynamicSpec(props?.get(labels[0] ?? '')?.item) },
  };
  for (const [name, p] of props ?? []) if (p.block) blocks[name] = { labels: 0, body: nestedSpec(p.item) };
  return { blocks };
}

function dynamicSpec(item: Map<string, PropInfo> | undefined): JsonBodySpec {
  return { blocks: { content: { labels: 0, body: nestedSpec(item) } } };
}

export function resourceSpec(schema: ResourceSchema | undefined): JsonBodySpec {
  const inner = nestedSpec(schema?.props);
  return {
    blocks: {
      ...inner.blocks,
      lifecycle: { labels: 0, body: LIFECYCLE },
      provisioner: { labels: 1, body: EMPTY_SPEC },
      connection: { labels: 0, body: EMPTY_SPEC },
    },
    exprAttrs: new Set(['depends_on', 'provider']),
  };
}

export function topLevelSpec(schemas: ReadonlyMap<string, ResourceSchema>): JsonBodySpec {
  return {
    blocks: {
      variable: {
        labels: 1,
        body: {
          blocks: { validation: { labels: 0, body: EMPTY_SPEC } },
          exprAttrs: new Set(['type']),
          literalAttrs: new Set(['default']),
        },
      },
      locals: { labels: 0, body: EMPTY_SPEC },
      output: {
        labels: 1,
        body: {
          blocks: { precondition: { labels: 0, body: EMPTY_SPEC } },
          exprAttrs: new Set(['depends_on']),
        },
      },
      resource: { labels: 2, body: (labels) => resourceSpec(schemas.get(labels[0] ?? '')) },
      data: { labels: 2, body: EMPTY_SPEC },
      module: { labels: 1, body: { blocks: {}, exprAttrs: new Set(['depends_on', 'providers']) } },
      terraform: {
        labels: 0,
        body: {
          blocks: {
            required_providers: { labels: 0, body: EMPTY_SPEC },
            backend: { labels: 1, body: EMPTY_SPEC },
            cloud: { labels: 0, body: EMPTY_SPEC },
          },
        },
      },
      provider: { labels: 1, body: EMPTY_SPEC },
      moved: { labels: 0, body: { blocks: {}, exprAttrs: new Set(['from', 'to']) } },
      import: { labels: 0, body: { blocks: {}, exprAttrs: new Set(['to']) } },
      removed: { labels: 0, body: { blocks: {}, exprAttrs: new Set(['from']) } },
      check: { labels: 1, body: EMPTY_SPEC },
    },
  };
}
