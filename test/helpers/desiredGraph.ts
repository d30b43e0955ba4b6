import type { DesiredInstance, LoadedConfig, OutputValue } from '../../planner/config/types.js';
import type { Diagnostic } from '../../core/diagnostic.js';

/** A desired instance without where it came from: what must not depend on the syntax used. */
export type GraphNode = Omit<DesiredInstance, 'range' | 'attributeRanges'>;

/**
 * The desired graph of a loaded configuration in a form that compares equal across syntaxes:
 * instances sorted by address, source ranges dropped, dependsOn and sensitivePaths sorted
 * (they are sets), attribute key order irrelevant (Jest's toEqual ignores it).
 */
export function desiredGraph(config: LoadedConfig): { instances: GraphNode[]; outputs: OutputValue[] } {
  const instances = config.instances
    .map((i): GraphNode => ({
      address: i.address,
      resourceAddress: i.resourceAddress,
      type: i.type,
      attributes: i.attributes,
      dependsOn: [...i.dependsOn].sort(),
      lifecycle: i.lifecycle,
      sensitivePaths: [...i.sensitivePaths].sort(),
    }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const outputs = [...config.outputs].sort((a, b) => (a.name < b.name ? -1 : 1));
  return { instances, outputs };
}

/** Diagnostics as one line each, for readable failure messages. */
export function describeDiagnostics(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => {
    const where = d.range ? `${d.range.file}:${d.range.line}:${d.range.column}` : (d.address ?? '');
    return `${d.severity} ${d.code} ${where} ${d.summary}`;
  });
}
