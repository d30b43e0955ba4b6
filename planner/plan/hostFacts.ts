/** What the scheduler needs to know about a host, read from its agent at plan time. */
export interface HostFacts {
  name: string;
  cluster: string;
  address: string;
  cpus: number;
  memoryMiB: number;
  maintenance: boolean;
}
