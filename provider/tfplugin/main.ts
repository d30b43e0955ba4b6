/**
 * terraform-provider-nssv: Terraform starts this (3–5 times per command) and reads one handshake
 * line from stdout. Everything but the gRPC server is imported lazily, after the line is out.
 */
import { handshakeProblem } from './grpc/handshake.js';
import { startPluginServer, type Rpc } from './grpc/serve.js';

const log = (line: string): void => void process.stderr.write(`[nssv-provider] ${line}\n`);

async function main(): Promise<void> {
  const problem = handshakeProblem(process.env);
  if (problem) {
    process.stderr.write(problem);
    process.exit(1);
  }
  // Terraform forwards Ctrl-C as StopProvider; the signal itself must not kill the plugin.
  process.on('SIGINT', () => {});
  let service: Promise<Record<string, Rpc>> | undefined;
  const lazy =
    (name: string): Rpc =>
    async (req) => {
      service ??= import('./server.js').then((m) => m.providerService(undefined, log));
      return (await service)[name]!(req);
    };
  const names = [
    'GetMetadata',
    'GetProviderSchema',
    'GetFunctions',
    'ValidateProviderConfig',
    'ConfigureProvider',
    'ValidateResourceConfig',
    'ValidateDataResourceConfig',
    'UpgradeResourceState',
    'ReadResource',
    'PlanResourceChange',
    'ApplyResourceChange',
    'ImportResourceState',
    'ReadDataSource',
    'StopProvider',
  ];
  const server = await startPluginServer(Object.fromEntries(names.map((n) => [n, lazy(n)])), {
    clientCertPem: process.env.PLUGIN_CLIENT_CERT,
    log,
    onShutdown: () => server.shutdown(() => process.exit(0)),
  });
  process.stdout.write(server.handshake);
  // For bench/provider-start.ts: milliseconds from process start to the handshake line.
  if (process.env.NSSV_PROVIDER_TIMING) {
    const cpu = process.cpuUsage();
    log(
      `handshake after ${performance.now().toFixed(1)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms)`,
    );
  }
}

void main();
