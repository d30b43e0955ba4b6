/** The valid configurations the fuzzer mutates: every equivalence fixture (HCL and JSON) and the quick start. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SeedConfig {
  name: string;
  /** main.tf or main.tf.json: the syntax the loader will read it as. */
  fileName: string;
  text: string;
}

const repo = fileURLToPath(new URL('../../', import.meta.url));
const equivalence = join(repo, 'test', 'fixtures', 'equivalence');

/** Files some seeds read with file(); copied next to every mutated configuration. */
export const AUX_DIR = join(equivalence, 'nssv_vm', 'hcl');
export const AUX_FILES = ['id_ed25519.pub', 'cloud-init.yaml'];

export function seedConfigs(): SeedConfig[] {
  const out: SeedConfig[] = [];
  for (const type of readdirSync(equivalence).sort()) {
    const hcl = join(equivalence, type, 'hcl', 'main.tf');
    const json = join(equivalence, type, 'json', 'main.tf.json');
    if (existsSync(hcl))
      out.push({ name: `${type}/hcl`, fileName: 'main.tf', text: readFileSync(hcl, 'utf8') });
    if (existsSync(json))
      out.push({ name: `${type}/json`, fileName: 'main.tf.json', text: readFileSync(json, 'utf8') });
  }
  const cdk = join(equivalence, 'cdktf', 'cdktf.out', 'stacks', 'quickstart', 'cdk.tf.json');
  if (existsSync(cdk))
    out.push({ name: 'cdktf/cdk.tf.json', fileName: 'main.tf.json', text: readFileSync(cdk, 'utf8') });
  // The quick start reads the sandbox's data center, cluster and hosts from sandbox.tf.
  const quickstart = join(repo, 'examples', 'quickstart');
  const sandbox = existsSync(join(quickstart, 'sandbox.tf'))
    ? readFileSync(join(quickstart, 'sandbox.tf'), 'utf8')
    : '';
  out.push({
    name: 'examples/quickstart',
    fileName: 'main.tf',
    text: `${sandbox}\n${readFileSync(join(quickstart, 'main.tf'), 'utf8')}`,
  });
  return out;
}
