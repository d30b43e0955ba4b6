import { Flags } from '@oclif/core';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { defaultTlsDir, TLS_DIR_ENV } from '../../core/tlsDir.js';

export const tlsDirFlag = Flags.string({
  description: `The installation's TLS directory: its CA (ca.crt, ca.key, 0600) and nssv's client certificate (default: $${TLS_DIR_ENV}, else ~/.config/nssv/tls).`,
  helpValue: 'DIR',
});

export const resolveTlsDir = (flag: string | undefined): string =>
  resolve(flag ?? defaultTlsDir(process.env, homedir()));
