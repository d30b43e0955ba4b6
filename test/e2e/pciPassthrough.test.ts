/**
 * nssv_vm.pci_passthrough on real libvirt, as far as this machine allows: it has no IOMMU, so no
 * device can really be assigned and no VM with a passthrough device is ever started here. What
 * runs: the agent's PCI inventory against `virsh nodedev-list --cap pci`; plan errors for a device
 * the host lacks, one another VM holds, and a host_id change; the agent's own refusal; a shut-off
 * VM defined with a `<hostdev>` that libvirt accepts, read back, and its removal out of band seen
 * as drift and repaired. Checked with virsh, not with nssv's own view.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { AgentClient } from '../../provider/agent/client.js';
import { AgentError } from '../../provider/agent/agentError.js';
import { hostVirsh, type SandboxHostInfo } from '../../sandbox/index.js';
import type { PciDeviceInfo } from '../../schemas/generated/agentApi.js';
import { describeE2e, SANDBOX_WITH_AGENTS } from '../helpers/e2e.js';
import { nssv, startSandbox, type E2eSandbox } from './support.js';

jest.setTimeout(300_000);

let env: E2eSandbox;
let xmlDir: string | undefined;
let devices: PciDeviceInfo[];
const h1 = (): SandboxHostInfo => env.sandbox.hosts.find((h) => h.name === 'h1')!;
const virsh = async (args: string[]) => (await hostVirsh(h1(), args)).stdout.trim();
const agent = () =>
  new AgentClient({ host: 'h1', endpoint: h1().endpoint!, token: h1().token, tlsDir: h1().tlsDir });
const vm = (name: string, devs: string[], host = 'h1') => `
resource "nssv_vm" "${name}" {
  name            = "${name}"
  cluster_id      = nssv_cluster.sandbox.id
  host_id         = nssv_host.${host}.id
  memory_mib      = 64
  power_state     = "shutoff"   # never started: this machine has no IOMMU to assign a device with
  pci_passthrough = [${devs.map((d) => `"${d}"`).join(', ')}]
}
`;
const write = (text: string) => writeFileSync(join(env.configDir, 'main.tf'), text);
/** A device nobody would miss if libvirt touched it: one no host driver holds, else the first. */
const harmless = (): string => (devices.find((d) => d.driver === null) ?? devices[0]!).address;

describeE2e('PCI passthrough on real libvirt (no device assigned)', SANDBOX_WITH_AGENTS, () => {
  beforeAll(async () => {
    env = await startSandbox('pci', [], { hosts: 2 });
  });
  afterAll(async () => {
    if (env) await nssv(['destroy', '-auto-approve'], env.configDir);
    await env?.down();
    if (xmlDir) rmSync(xmlDir, { recursive: true, force: true });
  });

  test("GIVEN a host WHEN its inventory is read THEN it lists exactly libvirt's PCI devices, with what nodedev-dumpxml says of each", async () => {
    devices = (await agent().inventory()).pciDevices!;
    const names = (await virsh(['nodedev-list', '--cap', 'pci'])).split('\n').filter((l) => l !== '');
    expect(names.length).toBeGreaterThan(0);
    const fromVirsh = names
      .map((n) => {
        const [, d, b, s, f] = n.split('_');
        return `${d}:${b}:${s}.${f}`;
      })
      .sort();
    expect(devices.map((d) => d.address)).toEqual(fromVirsh);
    for (const d of devices) {
      const xml = await virsh(['nodedev-dumpxml', `pci_${d.address.replace(/[:.]/g, '_')}`]);
      expect(xml).toContain(`<vendor id='${d.vendorId}'`);
      expect(xml).toContain(`<product id='${d.productId}'`);
      expect(xml).toContain(`<class>${d.class}</class>`);
      if (d.driver === null) expect(xml).not.toContain('<driver>');
      else expect(xml).toContain(`<name>${d.driver}</name>`);
      expect(d.usedBy).toEqual([]);
    }
  });

  test('GIVEN a device the host does not have WHEN planned THEN a located NSSV_PCI_DEVICE_ABSENT naming VM, device, host and the devices it has; the agent refuses it too', async () => {
    const absent = '0000:fe:1f.7';
    expect(devices.map((d) => d.address)).not.toContain(absent);
    write(vm('pt1', [absent]));
    const plan = await nssv(['plan'], env.configDir);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(
      `main.tf:8:21: nssv_vm.pt1: pci_passthrough names PCI device ${absent}, which host "h1" does not have`,
    );
    expect(plan.stderr).toContain(
      `Host "h1" has the PCI devices ${devices.map((d) => d.address).join(', ')}`,
    );
    const refused = await agent()
      .putDomain('pt1', {
        address: 'nssv_vm.pt1',
        vcpus: 1,
        memoryMiB: 64,
        disks: [],
        nics: [],
        powerState: 'shutoff',
        pciDevices: [absent],
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgentError);
    expect((refused as AgentError).message).toContain(
      `pciDevices[0]: PCI device ${absent} does not exist on this host`,
    );
    expect(await virsh(['list', '--all', '--name'])).toBe('');
  });

  test('GIVEN a device the host has WHEN applied shut off THEN libvirt holds the hostdev, inventory names the VM as its user and the next plan is empty', async () => {
    const dev = harmless();
    write(vm('pt1', [dev]));
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.stderr).not.toMatch(/Error/);
    expect(apply.code).toBe(0);
    const [d, bus, slotFn] = dev.split(':') as [string, string, string];
    const [slot, fn] = slotFn.split('.') as [string, string];
    const xml = await virsh(['dumpxml', '--inactive', 'pt1']);
    expect(xml).toMatch(/<hostdev mode='subsystem' type='pci' managed='yes'>/);
    expect(xml).toContain(`<address domain='0x${d}' bus='0x${bus}' slot='0x${slot}' function='0x${fn}'/>`);
    expect(await virsh(['domstate', 'pt1'])).toBe('shut off');
    const inv = await agent().inventory();
    expect(inv.pciDevices!.find((x) => x.address === dev)!.usedBy).toEqual(['pt1']);
    expect(inv.domains.find((x) => x.name === 'pt1')!.pciDevices).toEqual([dev]);
    const again = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(again.stdout).toBe('No changes. Your infrastructure matches the configuration.');
    expect(again.code).toBe(0);
  });

  test('GIVEN a device another VM or a hand-made domain holds, or a host_id change WHEN planned THEN NSSV_PCI_DEVICE_IN_USE / NSSV_PCI_PASSTHROUGH_MIGRATION, nothing changes', async () => {
    const dev = harmless();
    write(vm('pt1', [dev]) + vm('pt2', [dev]));
    const twice = await nssv(['plan'], env.configDir);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(
      `main.tf:17:21: nssv_vm.pt2: PCI device ${dev} on host "h1" is also in the pci_passthrough of nssv_vm.pt1`,
    );

    // A domain made by hand (never started) holding another device: seen in the inventory.
    const other = devices.find((d) => d.address !== dev)!.address;
    const [domain, bus, slotFn] = other.split(':') as [string, string, string];
    const [slot, fn] = slotFn.split('.') as [string, string];
    xmlDir ??= mkdtempSync(join(tmpdir(), 'nssv-pci-xml-'));
    writeFileSync(
      join(xmlDir, 'handmade.xml'),
      `<domain type='qemu'><name>handmade</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os><devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x${domain}' bus='0x${bus}' slot='0x${slot}' function='0x${fn}'/></source></hostdev></devices></domain>`,
    );
    await virsh(['define', join(xmlDir, 'handmade.xml')]);
    try {
      expect((await agent().inventory()).pciDevices!.find((d) => d.address === other)!.usedBy).toEqual([
        'handmade',
      ]);
      write(vm('pt1', [dev]) + vm('pt2', [other]));
      const held = await nssv(['plan'], env.configDir);
      expect(held.code).toBe(1);
      expect(held.stderr).toContain(
        `main.tf:17:21: nssv_vm.pt2: PCI device ${other} on host "h1" is already passed through to domain "handmade"`,
      );
    } finally {
      await virsh(['undefine', 'handmade']);
    }

    write(vm('pt1', [dev], 'h2'));
    const move = await nssv(['plan'], env.configDir);
    expect(move.code).toBe(1);
    expect(move.stderr).toContain(
      `nssv_vm.pt1 would move from "h1" to "h2", but it passes through PCI device(s) ${dev} of "h1"`,
    );
    expect(await virsh(['list', '--all', '--name'])).toBe('pt1');
  });

  test('GIVEN the hostdev removed on the host out of band WHEN planned THEN the drift is shown (a restart) and apply puts it back', async () => {
    const dev = harmless();
    write(vm('pt1', [dev]));
    xmlDir ??= mkdtempSync(join(tmpdir(), 'nssv-pci-xml-'));
    const xml = (await virsh(['dumpxml', '--inactive', 'pt1'])).replace(/\s*<hostdev[\s\S]*?<\/hostdev>/, '');
    expect(xml).not.toContain('<hostdev');
    writeFileSync(join(xmlDir, 'pt1.xml'), xml);
    await virsh(['define', join(xmlDir, 'pt1.xml')]);
    const plan = await nssv(['plan', '-detailed-exitcode'], env.configDir);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`~ pci_passthrough = [] -> ["${dev}"]`);
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    const apply = await nssv(['apply', '-auto-approve'], env.configDir);
    expect(apply.code).toBe(0);
    expect(await virsh(['dumpxml', '--inactive', 'pt1'])).toMatch(/<hostdev mode='subsystem' type='pci'/);
    expect(await virsh(['domstate', 'pt1'])).toBe('shut off');
    expect((await nssv(['plan', '-detailed-exitcode'], env.configDir)).code).toBe(0);
  });
});
