// Bundles terraform-provider-nssv (provider/tfplugin/main.ts) into dist/tfplugin/ with esbuild:
// one file up to the handshake line, the rest in chunks loaded on the first RPC. Terraform starts
// the provider several times per command, so start-up time is what this is for (bench/provider-start.ts).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: repo,
  entryPoints: { main: 'provider/tfplugin/main.ts' },
  outdir: 'dist/tfplugin',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __nssvCreateRequire } from 'node:module'; const require = __nssvCreateRequire(import.meta.url);",
  },
});
