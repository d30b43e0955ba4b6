import { DEFAULT_ROOT, sandboxCommand } from '../../sandbox/commandLine.js';

describe('sandboxCommand (the commands hints tell the user to run)', () => {
  it('GIVEN the default root and name THEN the plain command', () => {
    expect(sandboxCommand('down', { root: DEFAULT_ROOT }, {})).toBe('nssv sandbox down');
    expect(sandboxCommand('up', { root: DEFAULT_ROOT, name: 'nssv', hosts: 2 }, {})).toBe('nssv sandbox up');
  });

  it('GIVEN another root THEN --root is repeated (quoted when needed); --name and --hosts only for up', () => {
    expect(sandboxCommand('down', { root: '/tmp/qa-sbx2', name: 'qa2', hosts: 3 }, {})).toBe(
      'nssv sandbox down --root /tmp/qa-sbx2',
    );
    expect(sandboxCommand('up', { root: '/tmp/qa-sbx2', name: 'qa2', hosts: 3 }, {})).toBe(
      'nssv sandbox up --root /tmp/qa-sbx2 --name qa2 --hosts 3',
    );
    expect(sandboxCommand('status', { root: "/tmp/it's mine" }, {})).toBe(
      "nssv sandbox status --root '/tmp/it'\\''s mine'",
    );
  });

  it('GIVEN NSSV_SANDBOX_ROOT names another root THEN even the default root is spelled out', () => {
    expect(sandboxCommand('down', { root: DEFAULT_ROOT }, { NSSV_SANDBOX_ROOT: '/tmp/other' })).toBe(
      `nssv sandbox down --root ${DEFAULT_ROOT}`,
    );
  });
});
