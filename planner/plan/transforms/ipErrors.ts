import type { Diagnostic, SourceRange } from '../../../core/diagnostic.js';

function error(
  code: string,
  address: string,
  attribute: string,
  summary: string,
  detail: string,
  range?: SourceRange,
): Diagnostic {
  return { severity: 'error', code, address, attribute, summary, detail, ...(range ? { range } : {}) };
}

/** Plan errors of NIC address allocation. */
export const ipErrors = {
  inUse: (
    address: string,
    nic: number,
    ip: string,
    pg: string,
    holder: string,
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_IP_IN_USE',
      address,
      `nic[${nic}].ip`,
      `${address}: nic[${nic}].ip = "${ip}" in port group "${pg}" is already allocated to ${holder}`,
      `An address stays allocated to its NIC until that NIC is gone from the hosts (applied). Fix: choose another address, or leave ip unset and let nssv allocate one.`,
      range,
    ),
  reserved: (
    address: string,
    nic: number,
    ip: string,
    pg: string,
    what: string,
    range?: SourceRange,
  ): Diagnostic =>
    error(
      'NSSV_IP_RESERVED',
      address,
      `nic[${nic}].ip`,
      `${address}: nic[${nic}].ip = "${ip}" is ${what} of port group "${pg}"`,
      `The network address, the broadcast address and the gateway cannot be given to a NIC. Fix: choose another address inside the cidr, or leave ip unset.`,
      range,
    ),
  exhausted: (address: string, nic: number, pg: string, range: string, where?: SourceRange): Diagnostic =>
    error(
      'NSSV_IP_EXHAUSTED',
      address,
      `nic[${nic}].ip`,
      `${address}: nic[${nic}] needs an address, but every address of port group "${pg}" (${range}) is allocated`,
      `Fix: widen the port group's dhcp range or cidr, or remove NICs from it.`,
      where,
    ),
};
