/**
 * A small data center as CDK constructs: the sandbox's data center, cluster and hosts, one
 * distributed switch with two VLAN port groups, a directory pool, and three VMs with a disk each.
 * examples/hcl-datacenter describes the same data center in HCL; `nssv plan -json` of both shows
 * the same resource changes.
 *
 *   node main.js                     (after tsc; or any TypeScript runner) writes cdktf.out/stacks/datacenter
 *   nssv plan --config cdktf.out/stacks/datacenter
 *
 * The hosts come from hosts.json (or the file NSSV_HOSTS names): [{ "name", "endpoint", "token",
 * "tlsDir" (optional), "maintenance" (optional, true drains the host) }].
 */
import { readFileSync } from 'node:fs';
import { App, TerraformStack } from 'cdktn';
import type { Construct } from 'constructs';
import {
  Cluster,
  DataCenter,
  DistributedSwitch,
  NssvProvider,
  Size,
  StoragePool,
  Vm,
  Volume,
} from 'nssv/constructs';

interface HostEntry {
  name: string;
  endpoint: string;
  token: string;
  /** The TLS directory of an https:// agent (the sandbox's: <root>/tls). */
  tlsDir?: string;
  /** In maintenance: drained, nothing new placed there (as sandbox.tf's sandbox_maintenance). */
  maintenance?: boolean;
}

class DataCenterStack extends TerraformStack {
  constructor(scope: Construct, id: string, hosts: readonly HostEntry[]) {
    super(scope, id);
    new NssvProvider(this, 'nssv', { tlsDir: hosts[0]?.tlsDir });

    const dc = new DataCenter(this, 'sandbox');
    // The ratios `nssv sandbox up` declares for its cluster (its --*-overcommit-ratio defaults).
    const cluster = new Cluster(dc, 'sandbox', {
      dataCenter: dc,
      cpuOvercommitRatio: 1,
      memoryOvercommitRatio: 1,
    });
    for (const h of hosts)
      cluster.addHost(h.name, {
        endpoint: h.endpoint,
        token: h.token,
        tlsDir: h.tlsDir,
        maintenance: h.maintenance === true,
      });

    const lan = new DistributedSwitch(this, 'lan', { dataCenter: dc, clusters: [cluster], mtu: 1500 });
    const web = lan.addPortGroup('web', { vlanId: 100 });
    const db = lan.addPortGroup('db', { vlanId: 200 });

    const pool = StoragePool.directory(this, 'local', { cluster });

    for (const name of ['web1', 'web2']) {
      const root = new Volume(this, `${name}-root`, { pool, size: Size.gibibytes(1) });
      new Vm(this, name, { cluster, memory: Size.mebibytes(128) }).addDisk(root).attachTo(web);
    }
    const dbRoot = new Volume(this, 'db1-root', { pool, size: Size.gibibytes(2) });
    new Vm(this, 'db1', { cluster, cpus: 2, memory: Size.mebibytes(192) })
      .addDisk(dbRoot)
      .attachTo(db)
      .attachTo(web);
  }
}

const hosts = JSON.parse(readFileSync(process.env['NSSV_HOSTS'] ?? 'hosts.json', 'utf8')) as HostEntry[];
const app = new App();
new DataCenterStack(app, 'datacenter', hosts);
app.synth();
