/**
 * nssv's architecture as data: the parts and the directions their imports may take.
 * Checked by `npm run deps` (dependency-cruiser), which .ci/run calls; test/architecture/ shows
 * that a forbidden import fails it.
 *
 *   core        the value and diagnostic vocabulary                       → nothing
 *   schemas     one JSON Schema per resource type, generated types/docs  → core
 *   planner     config → evaluate → validate → graph → diff → plan       → core, schemas (pure: no I/O)
 *   provider    resource handlers, agent client, state store             → core, schemas, planner
 *   engine      apply: DAG walk, step runner, journal, rollback; the use
 *               cases (plan, apply, destroy, refresh) that bin/ calls      → core, schemas, planner, provider
 *   agentd      the host agent (HTTP API, flows, drivers)                → core, schemas
 *   sandbox     the local multi-host sandbox (starts agentd processes)   → core, schemas, agentd
 *   constructs  the CDK for Terraform construct library                  → core, schemas
 *   bin         the oclif CLI: flags, prompts, rendering                 → core, schemas, planner (render), engine, sandbox, agentd (install)
 *
 * Nothing imports bin/ or test/; there are no import cycles anywhere.
 */
const parts = ['core', 'schemas', 'planner', 'provider', 'engine', 'agentd', 'sandbox', 'constructs', 'bin'];
const allowed = {
  core: [],
  schemas: ['core'],
  planner: ['core', 'schemas'],
  provider: ['core', 'schemas', 'planner'],
  engine: ['core', 'schemas', 'planner', 'provider'],
  agentd: ['core', 'schemas'],
  sandbox: ['core', 'schemas', 'agentd'],
  constructs: ['core', 'schemas'],
  bin: ['core', 'schemas', 'planner', 'engine', 'sandbox', 'agentd'],
};

/** One rule per part: it may import itself and the parts `allowed` names, nothing else of ours. */
const directionRules = parts.map((part) => {
  const forbidden = parts.filter((p) => p !== part && !allowed[part].includes(p));
  return {
    name: `${part}-imports-only-${allowed[part].length ? allowed[part].join('-') : 'itself'}`,
    severity: 'error',
    comment: `${part}/ may import ${allowed[part].length ? allowed[part].join(', ') : 'nothing outside itself'}; not ${forbidden.join(', ')}.`,
    from: { path: `^${part}/` },
    to: { path: `^(${forbidden.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Import cycles hide which module owns what: move the shared piece into a module both import.',
      from: {},
      to: { circular: true },
    },
    ...directionRules,
    {
      name: 'core-imports-no-packages',
      severity: 'error',
      comment:
        'core/ is the vocabulary every part imports: it depends on no package, not even a Node built-in.',
      from: { path: '^core/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
      },
    },
    {
      name: 'planner-is-pure',
      severity: 'error',
      comment:
        'planner/ does no I/O: files reach it through SourceFiles (planner/config/sourceFiles.ts), hosts through the engine and provider.',
      from: { path: '^planner/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|child_process|net|http|https|http2|dgram|dns|tls|os|readline|worker_threads|cluster|process)$',
      },
    },
    {
      name: 'nothing-imports-bin',
      severity: 'error',
      comment:
        'bin/ is the outermost layer (flags, prompts, rendering): move what others need into engine/ or planner/.',
      from: { path: '^(core|schemas|planner|provider|engine|agentd|sandbox|constructs)/' },
      to: { path: '^bin/' },
    },
    {
      name: 'sources-never-import-tests',
      severity: 'error',
      comment: 'Shipped code must not depend on test helpers.',
      from: { path: '^(core|schemas|planner|provider|engine|agentd|sandbox|constructs|bin)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|examples)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.deps.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
