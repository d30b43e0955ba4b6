import { readFile } from 'node:fs/promises';
import { FakeExec } from '../fake-exec.js';

/** An in-memory libvirt behind a fake `virsh`: enough for the domain service's calls. */
export class FakeLibvirt {
  readonly domains = new Map<string, { xml: string; state: string }>();
  readonly fake = new FakeExec();
  failStart: string | undefined;
  failUndefine: string | undefined;
  failMigrate: string | undefined;
  /** The destination XML of the last migration, by the flag that named its file. */
  readonly migrationXml: { [flag: string]: string } = {};

  constructor() {
    this.fake.on('virsh', async ({ args }) => {
      const cmd = args.slice(3); // -q -c URI
      const [verb, ...rest] = cmd;
      const name = rest[rest.length - 1] ?? '';
      const missing = { exitCode: 1, stderr: `error: failed to get domain '${name}'` };
      switch (verb) {
        case 'list':
          return {
            stdout: [...this.domains]
              .map(([n, d], i) => ` ${d.state === 'running' ? i + 1 : '-'}    ${n}   ${d.state}`)
              .join('\n'),
          };
        case 'dumpxml':
          return this.domains.has(name) ? { stdout: this.domains.get(name)!.xml } : missing;
        case 'domstate':
          return this.domains.has(name) ? { stdout: `${this.domains.get(name)!.state}\n` } : missing;
        case 'define': {
          const xml = await readFile(name, 'utf8');
          const n = /<name>([^<]+)<\/name>/.exec(xml)![1]!;
          this.domains.set(n, { xml, state: this.domains.get(n)?.state ?? 'shut off' });
          return {};
        }
        case 'start':
          if (this.failStart) return { exitCode: 1, stderr: this.failStart };
          this.domains.get(name)!.state = 'running';
          return {};
        case 'shutdown':
        case 'change-media':
          return {};
        case 'suspend':
          this.domains.get(name)!.state = 'paused';
          return {};
        case 'resume':
          this.domains.get(name)!.state = 'running';
          return {};
        case 'destroy':
          this.domains.get(name)!.state = 'shut off';
          return {};
        case 'migrate': {
          // --domain NAME … --desturi URI: the domain leaves this libvirt (--undefinesource).
          const domain = rest[rest.indexOf('--domain') + 1]!;
          if (this.failMigrate) return { exitCode: 1, stderr: this.failMigrate };
          // The XML files given for the destination are temporary: read while the command runs.
          for (const flag of ['--xml', '--persistent-xml']) {
            const at = rest.indexOf(flag);
            if (at >= 0) this.migrationXml[flag] = await readFile(rest[at + 1]!, 'utf8');
          }
          this.domains.delete(domain);
          return {};
        }
        case 'undefine':
          if (this.failUndefine) return { exitCode: 1, stderr: this.failUndefine };
          this.domains.delete(name);
          return {};
        default: {
          // batch: "dumpxml --inactive a; dumpxml --inactive b"
          const names = (verb ?? '').split(';').map((s) => s.trim().split(' ').pop()!);
          return { stdout: names.map((n) => this.domains.get(n)?.xml ?? '').join('\n') };
        }
      }
    });
  }

  verbs(): string[] {
    return this.fake.calls.map((c) => c.args[3]!.split(' ')[0]!);
  }
}
