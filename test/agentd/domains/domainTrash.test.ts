import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainTrash } from '../../../agentd/domains/domainTrash.js';

describe('DomainTrash', () => {
  let root: string;
  let defined: Map<string, string>;
  let removeFails: boolean;
  let now: Date;
  const seeds = () => join(root, 'seeds');
  const trash = () =>
    new DomainTrash(
      join(root, 'trash'),
      {
        definition: async (name) => defined.get(name),
        remove: async (name) => {
          if (removeFails) throw new Error('virsh undefine failed');
          defined.delete(name);
          rmSync(join(seeds(), `${name}.iso`), { force: true });
        },
        define: async (name, xml) => void defined.set(name, xml),
        seedPath: (name) => join(seeds(), `${name}.iso`),
      },
      () => now,
    );

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nssv-domtrash-'));
    defined = new Map([['web', '<domain><name>web</name><uuid>u-1</uuid></domain>']]);
    removeFails = false;
    now = new Date('2026-01-01T00:00:00Z');
    rmSync(seeds(), { recursive: true, force: true });
    mkdirSync(seeds(), { recursive: true });
    writeFileSync(join(seeds(), 'web.iso'), 'seed');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('GIVEN a domain WHEN trashed and restored THEN its XML and seed come back and the entry goes', async () => {
    const t = trash();
    const e = await t.put('web', { address: 'nssv_vm.web', expiresAt: null });
    expect(e).toEqual({
      id: expect.stringMatching(/^domain\.[0-9a-f]{12}$/),
      store: 'dir',
      domain: 'web',
      address: 'nssv_vm.web',
      deletedAt: '2026-01-01T00:00:00.000Z',
      expiresAt: null,
    });
    expect(defined.has('web')).toBe(false);
    expect(existsSync(join(seeds(), 'web.iso'))).toBe(false);
    expect(await t.list()).toEqual([e]);
    expect(await t.restore(e.id)).toEqual(e);
    expect(defined.get('web')).toBe('<domain><name>web</name><uuid>u-1</uuid></domain>');
    expect(readFileSync(join(seeds(), 'web.iso'), 'utf8')).toBe('seed');
    expect(await t.list()).toEqual([]);
    expect(await t.has(e.id)).toBe(false);
  });

  it('GIVEN the domain cannot be removed WHEN trashed THEN the error stands and no entry is left', async () => {
    removeFails = true;
    await expect(trash().put('web', { address: 'nssv_vm.web', expiresAt: null })).rejects.toThrow(
      'virsh undefine failed',
    );
    expect(await trash().list()).toEqual([]);
    expect(defined.has('web')).toBe(true);
  });

  it('GIVEN a domain of that name defined again WHEN restored THEN 409 naming it; a missing id is 404', async () => {
    const t = trash();
    const e = await t.put('web', { address: 'nssv_vm.web', expiresAt: null });
    defined.set('web', '<domain/>');
    await expect(t.restore(e.id)).rejects.toThrow(
      `cannot restore ${e.id}: a domain "web" is defined on this host; delete or rename it first`,
    );
    await expect(t.restore('domain.000000000000')).rejects.toThrow(
      'the trash holds no "domain.000000000000"',
    );
    expect(await t.purge(e.id)).toEqual({ deleted: true });
    expect(await t.purge(e.id)).toEqual({ deleted: false });
  });

  it('GIVEN an entry past its expiry WHEN listed THEN it is purged', async () => {
    const t = trash();
    await t.put('web', { address: 'nssv_vm.web', expiresAt: '2026-01-02T00:00:00.000Z' });
    expect(await t.list()).toHaveLength(1);
    now = new Date('2026-01-03T00:00:00Z');
    expect(await t.list()).toEqual([]);
  });
});
