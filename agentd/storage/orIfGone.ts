/**
 * The result of a read of the file system, or `gone` when what it reads was removed meanwhile
 * (ENOENT): a pool deleted by another request between being listed and being read is not an error
 * of the read. Every other failure still throws.
 */
export async function orIfGone<T>(read: Promise<T>, gone: T): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return gone;
    throw e;
  }
}
