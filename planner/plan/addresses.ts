/** The resource address of an instance address: `nssv_vm.web[2]` → `nssv_vm.web`. */
export function resourceOf(address: string): string {
  return address.replace(/\[(?:\d+|"(?:[^"\\]|\\.)*")\]$/, '');
}
