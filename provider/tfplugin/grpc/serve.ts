import * as grpc from '@grpc/grpc-js';
import { selfSignedCertificate } from './cert.js';
import { handshakeLine } from './handshake.js';
import { serviceDefinition, type Msg } from './services.js';

export type Rpc = (req: Msg) => Promise<Msg>;

export interface PluginServer {
  port: number;
  /** The line to print on stdout for Terraform. */
  handshake: string;
  /** Stops taking calls, lets running ones (the Shutdown call itself) finish, then calls done. */
  shutdown(done: () => void): void;
}

function unary(name: string, rpc: Rpc, log: (line: string) => void): grpc.handleUnaryCall<Msg, Msg> {
  return (call, callback) => {
    rpc(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => {
        log(`${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        callback({ code: grpc.status.INTERNAL, details: err instanceof Error ? err.message : String(err) });
      },
    );
  };
}

/**
 * Serves the provider on 127.0.0.1 with mutual TLS: a fresh self-signed server certificate
 * (sent in the handshake line) and only Terraform's client certificate (PLUGIN_CLIENT_CERT)
 * accepted. Also serves the health service and GRPCController.Shutdown.
 */
export async function startPluginServer(
  provider: Record<string, Rpc>,
  opts: { clientCertPem?: string; onShutdown: () => void; log: (line: string) => void; port?: number },
): Promise<PluginServer> {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 256 << 20,
    'grpc.max_send_message_length': 256 << 20,
  });
  const impl: grpc.UntypedServiceImplementation = {};
  for (const [name, rpc] of Object.entries(provider)) impl[name] = unary(name, rpc, opts.log);
  server.addService(serviceDefinition('tfplugin6.Provider'), impl);
  server.addService(serviceDefinition('grpc.health.v1.Health'), {
    Check: unary('Check', async () => ({ status: 1 }), opts.log),
  });
  server.addService(serviceDefinition('plugin.GRPCController'), {
    Shutdown: ((_call, callback) => {
      callback(null, {});
      setImmediate(opts.onShutdown);
    }) as grpc.handleUnaryCall<Msg, Msg>,
  });
  const cert = selfSignedCertificate();
  const creds = opts.clientCertPem
    ? grpc.ServerCredentials.createSsl(
        Buffer.from(opts.clientCertPem),
        [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
        true,
      )
    : grpc.ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${opts.port ?? 0}`, creds, (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    port,
    handshake: handshakeLine(port, opts.clientCertPem ? cert.der : undefined),
    shutdown: (done) => {
      const force = setTimeout(() => {
        server.forceShutdown();
        done();
      }, 2000);
      server.tryShutdown(() => {
        clearTimeout(force);
        done();
      });
    },
  };
}
