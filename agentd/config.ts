/**
 * agentd's configuration file (JSON), passed as `agentd --config FILE`.
 * The sandbox writes one per simulated host; on a real host an operator writes it.
 */
export interface AgentConfig {
  /** The host's name as nssv knows it (nssv_host.name). */
  hostName: string;
  listen: { host: string; port: number };
  /**
   * File holding the bearer token (mode 0600). Never pass the token on the command line. During a
   * rotation it holds the new and the old token, one per line; agentd re-reads it on SIGHUP.
   */
  tokenFile: string;
  /**
   * Serve HTTPS with mutual TLS (what `nssv agent install` writes); absent: plain HTTP (tests only).
   * agentd re-reads these files on SIGHUP: open connections are kept, new ones use the new files.
   */
  tls?: AgentTlsConfig;
  /** libvirt connection URI, e.g. qemu:///system?socket=/var/lib/nssv/sandbox/h1/run/libvirt/libvirt-sock */
  libvirtUri: string;
  /** 'auto' detects; the sandbox sets 'qemu' (TCG) because KVM cannot boot guests here. */
  domainType: 'kvm' | 'qemu' | 'auto';
  /** ovsdb-server socket of this host's Open vSwitch. */
  ovsDbSocket: string;
  /** Directory under which dir pools live (<storageRoot>/<pool>). */
  storageRoot: string;
  /** Agent's own state (journal, logs). */
  stateDir: string;
  /** How long an ACPI shutdown may take before the domain is destroyed. */
  shutdownTimeoutMs: number;
  /**
   * VXLAN tunnel endpoint: the host's underlay address and the OVS bridge (datapath_type=netdev)
   * that carries it, e.g. {"localIp": "10.250.0.1", "underlayBridge": "br-phy"}. Optional: without
   * it the host can carry vlan switches only.
   */
  tunnel?: { localIp: string; underlayBridge: string };
  /**
   * How other hosts' agents migrate domains to this host: the libvirt URI they open (e.g.
   * qemu+tls://10.0.0.12/system; the sandbox uses this host's unix socket) and the IPv4 address
   * the incoming QEMU listens on. Absent: this host takes no migrations.
   */
  migration?: { libvirtUri: string; address: string };
  /** The Ceph cluster rbd pools live in; absent: this host has no rbd pools. */
  ceph?: AgentCephConfig;
}

/** How agentd reaches Ceph: the `ceph`/`rbd` CLIs with this conf file and key. */
export interface AgentCephConfig {
  /** ceph.conf (mon_host, fsid). */
  confFile: string;
  /** Keyring holding the key of `user` (mode 0600). The key itself never leaves the host's files and libvirt's secret store. */
  keyringFile: string;
  /** Ceph client name without `client.`, e.g. "admin". It creates pools, so it needs mon 'allow *'. */
  user: string;
  /** Run the Ceph CLIs in this network namespace (the sandbox's simulated host); absent: agentd's own. */
  netns?: string;
}

/** agentd's TLS files (PEM). */
export interface AgentTlsConfig {
  /** The agent's certificate, signed by the installation's CA. */
  certFile: string;
  /** Its private key (mode 0600). */
  keyFile: string;
  /** CA certificate(s) that sign the certificates clients (nssv) must present; old + new during a CA rotation. */
  clientCaFile: string;
}
