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

/** main.ts's `import('./server.js')` becomes the launcher's cached load of rpc.cjs (plain require without it). */
const rpcOnDemand = {
  name: 'rpc-on-demand',
  setup(b) {
    b.onResolve({ filter: /^\.\/server\.js$/ }, (args) =>
      args.importer.endsWith('main.ts') ? { path: 'rpc', namespace: 'rpc-on-demand' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'rpc-on-demand' }, () => ({
      contents:
        "module.exports = globalThis.__nssvLoadBundle ? globalThis.__nssvLoadBundle('rpc.cjs') : require(require('node:path').join(__dirname, 'rpc.cjs'));",
      loader: 'js',
    }));
  },
};

await build({
  ...common,
  entryPoints: ['provider/tfplugin/main.ts'],
  outfile: `${out}/provider.cjs`,
  plugins: [rpcOnDemand],
});
await build({ ...common, entryPoints: ['provider/tfplugin/server.ts'], outfile: `${out}/rpc.cjs` });
mkdirSync(out, { recursive: true });
copyFileSync(`${repo}/provider/tfplugin/launch.cjs`, `${out}/launch.cjs`);
