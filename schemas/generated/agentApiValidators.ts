// Generated from schemas/agent-api/*.schema.json by schemas/gen/main.ts — do not edit.
// Regenerate: npm run build && node dist/schemas/gen/main.js

import { agentApiCheck } from '../agentApiCheck.js';
import type * as T from './agentApi.js';

/** Validators of every agent API message (compiled on first use). */
export const agentApi = {
  AgentErrorBody: agentApiCheck<T.AgentErrorBody>('AgentErrorBody'),
  DeleteResult: agentApiCheck<T.DeleteResult>('DeleteResult'),
  DomainDiskInfo: agentApiCheck<T.DomainDiskInfo>('DomainDiskInfo'),
  DomainDiskSpec: agentApiCheck<T.DomainDiskSpec>('DomainDiskSpec'),
  DomainInfo: agentApiCheck<T.DomainInfo>('DomainInfo'),
  DomainNicInfo: agentApiCheck<T.DomainNicInfo>('DomainNicInfo'),
  DomainNicSpec: agentApiCheck<T.DomainNicSpec>('DomainNicSpec'),
  DomainSpec: agentApiCheck<T.DomainSpec>('DomainSpec'),
  FirewallInfo: agentApiCheck<T.FirewallInfo>('FirewallInfo'),
  FirewallPortInfo: agentApiCheck<T.FirewallPortInfo>('FirewallPortInfo'),
  FlowInfo: agentApiCheck<T.FlowInfo>('FlowInfo'),
  HealthInfo: agentApiCheck<T.HealthInfo>('HealthInfo'),
  HostFacts: agentApiCheck<T.HostFacts>('HostFacts'),
  Inventory: agentApiCheck<T.Inventory>('Inventory'),
  PoolInfo: agentApiCheck<T.PoolInfo>('PoolInfo'),
  PoolSpec: agentApiCheck<T.PoolSpec>('PoolSpec'),
  PortGroupInfo: agentApiCheck<T.PortGroupInfo>('PortGroupInfo'),
  PortGroupSpec: agentApiCheck<T.PortGroupSpec>('PortGroupSpec'),
  RbdPoolInfo: agentApiCheck<T.RbdPoolInfo>('RbdPoolInfo'),
  RbdPoolSpec: agentApiCheck<T.RbdPoolSpec>('RbdPoolSpec'),
  RevertSpec: agentApiCheck<T.RevertSpec>('RevertSpec'),
  SecurityGroupInfo: agentApiCheck<T.SecurityGroupInfo>('SecurityGroupInfo'),
  SecurityGroupSpec: agentApiCheck<T.SecurityGroupSpec>('SecurityGroupSpec'),
  SecurityRuleSpec: agentApiCheck<T.SecurityRuleSpec>('SecurityRuleSpec'),
  SnapshotInfo: agentApiCheck<T.SnapshotInfo>('SnapshotInfo'),
  SnapshotSpec: agentApiCheck<T.SnapshotSpec>('SnapshotSpec'),
  SwitchInfo: agentApiCheck<T.SwitchInfo>('SwitchInfo'),
  SwitchSpec: agentApiCheck<T.SwitchSpec>('SwitchSpec'),
  TrashEntry: agentApiCheck<T.TrashEntry>('TrashEntry'),
  TrashList: agentApiCheck<T.TrashList>('TrashList'),
  TrashSpec: agentApiCheck<T.TrashSpec>('TrashSpec'),
  TunnelInfo: agentApiCheck<T.TunnelInfo>('TunnelInfo'),
  TunnelPeer: agentApiCheck<T.TunnelPeer>('TunnelPeer'),
  VolumeInfo: agentApiCheck<T.VolumeInfo>('VolumeInfo'),
  VolumeSpec: agentApiCheck<T.VolumeSpec>('VolumeSpec'),
} as const;
