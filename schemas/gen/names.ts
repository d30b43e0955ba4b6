/** nssv_vm → NssvVm; disk → Disk. */
export function pascal(s: string): string {
  return s
    .split(/[_-]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
