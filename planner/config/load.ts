import { resolve } from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { builtinFunctions } from '../eval/functions/index.js';
import { loadSchemas, readModule } from './files.js';
import { ModuleEvaluator, type Shared } from './module-eval.js';
import type { LoadedConfig, LoadOptions } from './types.js';
import type { SourceFiles } from './sourceFiles.js';
import { rootVarInputs } from './var-inputs.js';
import { evaluateStateSettings } from './settings-eval.js';
import { childModuleImports, evaluateImports } from './import-eval.js';

/** What is known of the root module once its files are parsed, before anything is evaluated. */
export interface ParsedRoot {
  /** Whether a terraform block sets a backend or state encryption (else: the local, plain nssv.tfstate). */
  stateSettingsDeclared: boolean;
  /** Whether reading or parsing the files failed. */
  parseFailed: boolean;
}

/** Extra options beyond the shared contract. */
export interface LoadOptionsExt extends LoadOptions {
  /** Directory of `*.schema.json` (default: the repository's schemas/). */
  schemaDir?: string;
  /** Called once the root module is parsed, before evaluation (engine/plan/earlyRefresh.ts). */
  afterParse?: (root: ParsedRoot) => Promise<void>;
}

/**
 * What the planner needs from its caller to load a configuration: the files to read through and
 * the process environment (the planner reads neither itself; engine/files/loadConfig.ts fills them).
 */
export interface PlannerLoadOptions extends LoadOptionsExt {
  files: SourceFiles;
  cwd: string;
  env: Record<string, string | undefined>;
}

const evaluators = new WeakMap<LoadedConfig, ModuleEvaluator>();

/** The root module evaluator behind a loaded configuration (for console evaluation). */
export function rootEvaluator(config: LoadedConfig): ModuleEvaluator | undefined {
  return evaluators.get(config);
}

/**
 * Read the configuration in `dir` (*.tf, *.tf.json; not subdirectories), evaluate it and return the
 * desired resource instances. User errors come back as diagnostics; this never throws for them.
 */
export async function loadConfig(dir: string, options: PlannerLoadOptions): Promise<LoadedConfig> {
  const diags: Diagnostic[] = [];
  const absDir = resolve(dir);
  try {
    const { files } = options;
    const schemas = loadSchemas(files, options.schemaDir, diags);
    // Without its schemas nssv knows no resource type: every block would be an error of its own.
    if (diags.length > 0) return { dir: absDir, instances: [], outputs: [], diagnostics: diags };
    const root = await readModule(files, absDir, '', schemas, diags);
    await options.afterParse?.({
      stateSettingsDeclared: root.backendBlock !== undefined || root.encryptionBlock !== undefined,
      parseFailed: diags.some((d) => d.severity === 'error'),
    });
    const functions = builtinFunctions(files);
    const inputs = rootVarInputs(files, absDir, root, options, functions, diags);
    const shared: Shared = {
      diags,
      schemas,
      functions,
      rootDir: absDir,
      cwd: resolve(options.cwd),
      stack: [],
      collectors: [],
      ...(options.known ? { known: options.known } : {}),
      ...(options.dataValues ? { dataValues: options.dataValues } : {}),
      ...(options.validateOnly ? { validateOnly: true } : {}),
    };
    const ev = new ModuleEvaluator(root, '', inputs, shared);
    ev.run();
    const beforeSettings = diags.length;
    const settings = evaluateStateSettings(
      {
        ...(root.backendBlock ? { backend: root.backendBlock } : {}),
        ...(root.encryptionBlock ? { encryption: root.encryptionBlock } : {}),
      },
      ev,
      options.env,
      diags,
    );
    const settingsFailed = diags.slice(beforeSettings).some((d) => d.severity === 'error');
    const imports = evaluateImports(root, ev, diags);
    const dataRequests = ev.allDataRequests();
    diags.push(...childModuleImports(root));
    const config: LoadedConfig = {
      dir: absDir,
      settings,
      refactors: ev.allRefactors(),
      imports,
      instances: ev.allInstances(),
      outputs: ev.outputValues(),
      // Before the data blocks are read, a precondition may be unknown only for want of what they
      // read: the load with their values decides (validate, which reads no host, cannot).
      diagnostics: dedupe(
        dataRequests.length && !options.dataValues
          ? diags.filter((d) => d.code !== 'NSSV_PRECONDITION_UNKNOWN')
          : diags,
      ),
      ...(dataRequests.length ? { dataRequests } : {}),
      ...(settingsFailed ? { settingsFailed } : {}),
    };
    evaluators.set(config, ev);
    return config;
  } catch (e) {
    diags.push({
      severity: 'error',
      code: 'NSSV_INTERNAL',
      summary: 'Internal error while loading the configuration (this is a bug in nssv)',
      detail: `${(e as Error).message}. Please report it with the configuration that triggers it.`,
    });
    return { dir: absDir, instances: [], outputs: [], diagnostics: dedupe(diags) };
  }
}

function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const key = JSON.stringify([d.code, d.summary, d.detail, d.range, d.address, d.attribute]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
