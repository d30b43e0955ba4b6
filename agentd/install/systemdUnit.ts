/**
 * The systemd unit `nssv agent install` writes: agentd under systemd, `systemctl reload` sends
 * SIGHUP (agentd re-reads its token and TLS files without dropping connections), a stop lets
 * running operations finish (agentd exits after at most 30 s).
 */
export const UNIT_NAME = 'nssv-agentd.service';

/** Characters systemd's ExecStart would treat specially (quoting, specifiers, variables). */
const UNSAFE_IN_UNIT = /[\s"'\\%$;]/;

export function unsafeForUnit(value: string): boolean {
  return UNSAFE_IN_UNIT.test(value);
}

export function renderUnit(opts: {
  hostName: string;
  node: string;
  agentdMain: string;
  configFile: string;
}): string {
  for (const v of [opts.node, opts.agentdMain, opts.configFile]) {
    if (unsafeForUnit(v)) throw new Error(`internal: ${JSON.stringify(v)} reached renderUnit unchecked`);
  }
  return `# Written by \`nssv agent install\` for host ${opts.hostName}.
[Unit]
Description=nssv agent (agentd) of host ${opts.hostName}
Wants=network-online.target
After=network-online.target libvirtd.service openvswitch-switch.service

[Service]
Type=simple
ExecStart=${opts.node} ${opts.agentdMain} --config ${opts.configFile}
# Rotation without downtime: agentd re-reads its token file and TLS files on SIGHUP.
ExecReload=/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=2
TimeoutStopSec=40
UMask=0077

[Install]
WantedBy=multi-user.target
`;
}
