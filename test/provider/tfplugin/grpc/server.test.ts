/**
 * The built provider (dist/tfplugin) as Terraform runs it: handshake line on stdout, mutual TLS
 * with the client certificate from PLUGIN_CLIENT_CERT, health, schema, validation, values with
 * unknowns, SIGINT ignored, StopProvider and GRPCController.Shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { decode as rawDecode, encode as rawEncode, ExtData } from '@msgpack/msgpack';
import { selfSignedCertificate } from '../../../../provider/tfplugin/grpc/cert.js';
import { MAGIC_COOKIE_VALUE } from '../../../../provider/tfplugin/grpc/handshake.js';
import { serviceDefinition, type Msg } from '../../../../provider/tfplugin/grpc/services.js';
import { repo } from '../../../e2e/support.js';

const bundle = join(repo, 'dist/tfplugin/launch.cjs');
const clientCert = selfSignedCertificate();
let child: ChildProcess;
let address: string;
let serverPem: string;
let stderr = '';

type Call = (method: string, req: Msg) => Promise<Msg>;

function client(service: string, cert = clientCert): Call {
  const Ctor = grpc.makeGenericClientConstructor(serviceDefinition(service), service);
  const creds = grpc.credentials.createSsl(
    Buffer.from(serverPem),
    Buffer.from(cert.keyPem),
    Buffer.from(cert.certPem),
  );
  const c = new Ctor(address, creds, { 'grpc.ssl_target_name_override': 'localhost' }) as unknown as Record<
    string,
    (req: Msg, cb: (err: Error | null, res: Msg) => void) => void
  >;
  return (method, req) =>
    new Promise((resolve, reject) =>
      c[method]!.call(c, req, (err, res) => (err ? reject(err) : resolve(res))),
    );
}

beforeAll(async () => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  child = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '6',
      PLUGIN_CLIENT_CERT: clientCert.certPem,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const line = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d))));
  const [core, app, net, addr, proto, cert] = line.trim().split('|');
  expect([core, app, net, proto]).toEqual(['1', '6', 'tcp', 'grpc']);
  expect(cert).not.toMatch(/=/);
  address = addr!;
  const b64 = cert! + '='.repeat((4 - (cert!.length % 4)) % 4);
  serverPem = `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const provider = () => client('tfplugin6.Provider');
const text = (d: Msg[]) =>
  d.map(
    (x) =>
      `${x.summary} @ ${(x.attribute?.steps ?? []).map((s: Msg) => s.attribute_name ?? s.element_key_int).join('.')}`,
  );

test("GIVEN a client without Terraform's certificate WHEN it calls THEN the TLS handshake refuses it", async () => {
  await expect(client('grpc.health.v1.Health', selfSignedCertificate())('Check', {})).rejects.toThrow();
});

test("GIVEN Terraform's certificate WHEN health is checked THEN SERVING", async () => {
  expect(await client('grpc.health.v1.Health')('Check', { service: 'plugin' })).toEqual({ status: 1 });
});

test("GIVEN the schema THEN every resource type is at version 2 (delayed delete_policy defaults since) and the provider's hosts are sensitive", async () => {
  const s = await provider()('GetProviderSchema', {});
  expect(Object.keys(s.resource_schemas)).toHaveLength(14);
  expect(s.resource_schemas.nssv_vm.version).toBe(2);
  expect(s.provider.block.attributes[0]).toMatchObject({ name: 'hosts', required: true, sensitive: true });
  expect(Object.keys(s.data_source_schemas).sort()).toEqual([
    'nssv_cluster',
    'nssv_host',
    'nssv_host_inventory',
    'nssv_image',
  ]);
});

test('GIVEN configs WHEN validated THEN the same codes and attribute paths as nssv', async () => {
  const sg = await provider()('ValidateResourceConfig', {
    type_name: 'nssv_cluster',
    config: { msgpack: rawEncode({ name: 'web', datacenter_id: 'dc', ha_enabled: true, id: null }) },
  });
  expect(text(sg.diagnostics)).toEqual([
    'NSSV_NOT_SUPPORTED_YET: nssv_cluster "web": ha_enabled is not supported yet: the agents do not apply it yet @ ha_enabled',
  ]);
  const vm = await provider()('ValidateResourceConfig', {
    type_name: 'nssv_vm',
    config: {
      msgpack: rawEncode({
        name: 'web1',
        cluster_id: new ExtData(0, new Uint8Array(0)),
        memory_mib: '32',
        disk: [],
        nic: [],
      }),
    },
  });
  expect(vm.diagnostics).toHaveLength(1);
  expect(vm.diagnostics[0].summary).toMatch(/^NSSV_SCHEMA_RANGE: /);
  expect(text(vm.diagnostics)[0]).toMatch(/ @ memory_mib$/);
});

test('GIVEN a plan with a refined unknown name THEN it comes back intact, and so does the id (it equals the name)', async () => {
  const refined = new ExtData(12, rawEncode({ 2: 'dc-' }));
  const value = { name: refined, description: null, id: null };
  const res = await provider()('PlanResourceChange', {
    type_name: 'nssv_datacenter',
    proposed_new_state: { msgpack: rawEncode(value) },
    config: { msgpack: rawEncode(value) },
  });
  expect(res.diagnostics).toEqual([]);
  const planned = rawDecode(res.planned_state.msgpack) as Record<string, unknown>;
  const ext = (v: unknown) => ({
    type: (v as ExtData).type,
    data: [...Buffer.from((v as ExtData).data as Uint8Array)],
  });
  const want = { type: 12, data: [...rawEncode({ 2: 'dc-' })] };
  expect({ name: ext(planned.name), id: ext(planned.id), description: planned.description }).toEqual({
    name: want,
    id: want,
    description: '',
  });
});

test('GIVEN SIGINT THEN the provider keeps serving; GIVEN StopProvider and Shutdown THEN it exits 0', async () => {
  child.kill('SIGINT');
  expect(await client('grpc.health.v1.Health')('Check', {})).toEqual({ status: 1 });
  expect(await provider()('StopProvider', {})).toEqual({ Error: '' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await client('plugin.GRPCController')('Shutdown', {});
  expect(await exited).toBe(0);
  expect(stderr).not.toContain('Error');
});
