/** go-plugin's handshake: what Terraform sets in the plugin's environment and reads from its stdout. */

export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const CORE_PROTOCOL_VERSION = 1;
export const APP_PROTOCOL_VERSION = 6;

export const NOT_A_COMMAND =
  'This binary is a plugin. These are not meant to be executed directly.\n' +
  'Please execute the program that consumes these plugins, which will\n' +
  'load any plugins automatically (for nssv: `terraform init` with the mirror `nssv provider install` writes).\n';

/** Why this process cannot serve Terraform, or null when it can. */
export function handshakeProblem(env: NodeJS.ProcessEnv): string | null {
  if (env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) return NOT_A_COMMAND;
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? String(APP_PROTOCOL_VERSION)).split(',');
  if (!versions.map((v) => v.trim()).includes(String(APP_PROTOCOL_VERSION))) {
    return `terraform-provider-nssv speaks plugin protocol ${APP_PROTOCOL_VERSION} only; this Terraform offers ${versions.join(', ')}: use Terraform 1.0 or later.\n`;
  }
  return null;
}

/**
 * The line Terraform reads: core version | app version | network | address | protocol, then the
 * server certificate (DER, base64 without padding) when AutoMTLS is on.
 */
export function handshakeLine(port: number, certDer?: Buffer): string {
  const fields = [CORE_PROTOCOL_VERSION, APP_PROTOCOL_VERSION, 'tcp', `127.0.0.1:${port}`, 'grpc'];
  if (certDer) fields.push(certDer.toString('base64').replace(/=+$/, ''));
  return `${fields.join('|')}\n`;
}
