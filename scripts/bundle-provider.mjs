// Bundles terraform-provider-nssv with esbuild (minified) into two files: dist/tfplugin/provider.cjs
// (provider/tfplugin/main.ts: the gRPC server and the handshake line) and dist/tfplugin/rpc.cjs
// (provider/tfplugin/server.ts: the RPC implementation, with the planner and the schemas), which
// main.ts imports on the first RPC, after the handshake line; and copies the launcher that runs
// both through V8's code cache. Terraform starts the provider several times per command: start-up
// time is what this is for (bench/providerPlan.ts measures it). Reading and compiling only the
// first part before the handshake took it from 1.8 MB to 0.5 MB of code.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
/** Where the bundles go: dist/tfplugin, or the directory given (to compare builds). */
const out = process.argv[2] ?? `${repo}/dist/tfplugin`;

const common = {
  absWorkingDir: repo,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__nssvImportMetaUrl' },
  banner: { js: "var __nssvImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * A lazy `import(SPEC)` from IMPORTER becomes the launcher's cached load of FILE (plain require
 * without it): main.ts's `./server.js` (rpc.cjs), and groupedVm.ts's `../config/groupModel.js`
 * (config.cjs: nssv's configuration loader and scheduler, needed only to place VMs of scheduling groups).
 */
const onDemand = (spec, importer, file) => ({
  name: `on-demand-${file}`,
  setup(b) {
    const filter = new RegExp(`^${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
    b.onResolve({ filter }, (args) =>
      args.importer.endsWith(importer) ? { path: file, namespace: 'on-demand' } : undefined,
    );
    b.onLoad({ filter: new RegExp(`^${file.replace('.', '\\.')}$`), namespace: 'on-demand' }, () => ({
      contents: `module.exports = globalThis.__nssvLoadBundle ? globalThis.__nssvLoadBundle('${file}') : require(require('node:path').join(__dirname, '${file}'));`,
      loader: 'js',
    }));
  },
});

await build({
  ...common,
  entryPoints: ['provider/tfplugin/main.ts'],
  outfile: `${out}/provider.cjs`,
  plugins: [onDemand('./server.js', 'main.ts', 'rpc.cjs')],
});
await build({
  ...common,
  entryPoints: ['provider/tfplugin/server.ts'],
  outfile: `${out}/rpc.cjs`,
  plugins: [onDemand('../config/groupModel.js', 'groupedVm.ts', 'config.cjs')],
});
await build({
  ...common,
  entryPoints: ['provider/tfplugin/config/groupModel.ts'],
  outfile: `${out}/config.cjs`,
});
mkdirSync(out, { recursive: true });
copyFileSync(`${repo}/provider/tfplugin/launch.cjs`, `${out}/launch.cjs`);
