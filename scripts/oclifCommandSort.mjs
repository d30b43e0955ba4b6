// An esbuild plugin for scripts/bundle-cli.mjs: @oclif/core's plugin load sorts the commands with
// `a.id.localeCompare(b.id)`, and a process's first localeCompare initializes ICU's collator,
// 7.5-10 ms of every nssv start (the largest self time in a profile of `nssv --help`). The bundles
// sort by UTF-16 code units instead. For nssv's command ids (lowercase words joined by ":" and "-")
// both orders agree; bundle-cli.mjs checks that on the generated manifest and fails the build if
// a new command id would sort differently, and this plugin fails it if oclif's line changes.
import { readFile } from 'node:fs/promises';
import { sep } from 'node:path';

const LOCALE_SORT = '.sort((a, b) => a.id.localeCompare(b.id))';
const CODE_UNIT_SORT = '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))';

export const oclifCommandSort = {
  name: 'oclif-command-sort',
  setup(b) {
    b.onLoad({ filter: /@oclif[\\/]core[\\/]lib[\\/]config[\\/]plugin\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(LOCALE_SORT)) {
        const shown = args.path.split(sep).slice(-5).join('/');
        throw new Error(
          `${shown} no longer sorts commands with "${LOCALE_SORT}": update scripts/oclifCommandSort.mjs`,
        );
      }
      return { contents: text.replace(LOCALE_SORT, CODE_UNIT_SORT), loader: 'js' };
    });
  },
};

/** Throws unless `ids` sort the same by code units as by localeCompare (what oclif would do). */
export function assertCodeUnitOrder(ids) {
  const byLocale = [...ids].sort((a, b) => a.localeCompare(b));
  const byCodeUnit = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const i = byLocale.findIndex((id, k) => id !== byCodeUnit[k]);
  if (i >= 0) {
    throw new Error(
      `command ids "${byLocale[i]}" and "${byCodeUnit[i]}" sort differently by code units than by locale: ` +
        'rename the command or drop scripts/oclifCommandSort.mjs from the bundles',
    );
  }
}
