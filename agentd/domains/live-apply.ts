import type { Virsh } from '../drivers/virsh.js';
import { diskElement, nicElement } from './domain-xml.js';
import type { LiveChanges } from './live-changes.js';
import { renderXml } from './xml.js';

/** One live change made, with what undoes it. */
export interface LiveStep {
  what: string;
  undo: () => Promise<void>;
}

/**
 * Applies live changes to a running domain, recording each in `done` so a later failure can undo
 * them (undoLive). Unplugs first (frees PCI slots), then plugs, then vCPUs, the crash action and memory.
 */
export async function applyLive(virsh: Virsh, name: string, c: LiveChanges, done: LiveStep[]): Promise<void> {
  const device = (action: 'attach' | 'detach', xml: string, what: string) =>
    virsh.deviceLive(name, action, xml, what);
  for (const n of c.detachNics) {
    const xml = renderXml(nicElement(n));
    await device('detach', xml, `NIC ${n.mac}`);
    done.push({ what: `detach NIC ${n.mac}`, undo: () => device('attach', xml, `NIC ${n.mac}`) });
  }
  for (const d of c.detachDisks) {
    const xml = renderXml(diskElement(d));
    await device('detach', xml, `disk ${d.target}`);
    done.push({ what: `detach disk ${d.target}`, undo: () => device('attach', xml, `disk ${d.target}`) });
  }
  for (const d of c.attachDisks) {
    const xml = renderXml(diskElement(d));
    await device('attach', xml, `disk ${d.target}`);
    done.push({ what: `attach disk ${d.target}`, undo: () => device('detach', xml, `disk ${d.target}`) });
  }
  for (const n of c.attachNics) {
    const xml = renderXml(nicElement(n));
    await device('attach', xml, `NIC ${n.mac}`);
    done.push({ what: `attach NIC ${n.mac}`, undo: () => device('detach', xml, `NIC ${n.mac}`) });
  }
  if (c.vcpus !== undefined) {
    const before = await currentOf(virsh, name);
    await virsh.setVcpusLive(name, c.vcpus);
    done.push({ what: `set vCPUs to ${c.vcpus}`, undo: () => virsh.setVcpusLive(name, before.vcpus) });
  }
  if (c.onCrash !== undefined) {
    const before = (await currentOf(virsh, name)).onCrash;
    await virsh.setCrashActionLive(name, c.onCrash);
    done.push({ what: `set on_crash to ${c.onCrash}`, undo: () => virsh.setCrashActionLive(name, before) });
  }
  if (c.memoryMiB !== undefined) {
    const before = await currentOf(virsh, name);
    await virsh.setMemoryLive(name, c.memoryMiB);
    done.push({
      what: `set memory to ${c.memoryMiB} MiB`,
      undo: () => virsh.setMemoryLive(name, before.memoryMiB),
    });
  }
}

/** Undoes recorded live steps, last first. */
export async function undoLive(_virsh: Virsh, _name: string, done: LiveStep[]): Promise<void> {
  while (done.length > 0) await done.pop()!.undo();
}

async function currentOf(
  virsh: Virsh,
  name: string,
): Promise<{ vcpus: number; memoryMiB: number; onCrash: string }> {
  const xml = (await virsh.dumpXml(name, false)) ?? '';
  const vcpu = /<vcpu[^>]*?(?:current=['"](\d+)['"])?[^>]*>(\d+)<\/vcpu>/.exec(xml);
  const mem = /<currentMemory unit=['"]KiB['"]>(\d+)<\/currentMemory>/.exec(xml);
  const crash = /<on_crash>([a-z-]+)<\/on_crash>/.exec(xml);
  return {
    vcpus: Number(vcpu?.[1] ?? vcpu?.[2] ?? 1),
    memoryMiB: Number(mem?.[1] ?? 0) / 1024,
    onCrash: crash?.[1] ?? 'destroy',
  };
}
