// Bundles terraform-provider-nssv (provider/tfplugin/main.ts) into dist/tfplugin/provider.cjs with
// esbuild (minified; the provider's RPC implementation is evaluated only on the first RPC, after
// the handshake line) and copies the launcher that runs it through V8's code cache. Terraform
// starts the provider several times per command: start-up time is what this is for
// (bench/providerPlan.ts measures it).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: repo,
  entryPoints: ['provider/tfplugin/main.ts'],
  outfile: 'dist/tfplugin/provider.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__nssvImportMetaUrl' },
  banner: { js: "var __nssvImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
mkdirSync(`${repo}/dist/tfplugin`, { recursive: true });
copyFileSync(`${repo}/provider/tfplugin/launch.cjs`, `${repo}/dist/tfplugin/launch.cjs`);
