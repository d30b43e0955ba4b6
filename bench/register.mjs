// Lets plain `node` run the TypeScript sources directly (no build step):
//   node --import ./bench/register.mjs bench/eval10k.ts
// Registers ts-loader.mjs, which transpiles .ts files with TypeScript (already a dev dependency).
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
