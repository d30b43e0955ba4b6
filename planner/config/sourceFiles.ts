/**
 * How the planner reads files; it does no I/O of its own. Configuration directories, variable
 * files, schema files and the file functions (file(), templatefile(), fileexists(), …) all read
 * through this. The engine and the Terraform provider pass the real file system
 * (provider/files/nodeSourceFiles.ts).
 * A failed read throws an Error carrying node's `code` (ENOENT, EISDIR, EACCES, …).
 */
export interface SourceFiles {
  /** The names in a directory. */
  list(dir: string): string[];
  /** A file's text (UTF-8). */
  readText(path: string): string;
  /** A file's bytes. */
  readBytes(path: string): Uint8Array;
  /** What is at a path ('missing' when nothing is). */
  kind(path: string): 'file' | 'directory' | 'other' | 'missing';
}

/** The errno code of a failed read ('error' when it has none). */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
