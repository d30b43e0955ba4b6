import { readFileSync, readdirSync, statSync } from 'node:fs';
import type { SourceFiles } from '../../planner/config/sourceFiles.js';

/** The real file system, as the planner reads it (configuration, variable, schema and function files). */
export const nodeSourceFiles: SourceFiles = {
  list: (dir) => readdirSync(dir),
  readText: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => readFileSync(path),
  kind: (path) => {
    try {
      const st = statSync(path);
      return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
    } catch {
      return 'missing';
    }
  },
};
