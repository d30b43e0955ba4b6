import { makePlan } from '../../../planner/plan/makePlan.js';
import { renderPlanText } from '../../../planner/render/planText.js';
import { planJson } from '../../../planner/render/planJson.js';
import { emptyState } from '../../../planner/state/types.js';
import { desired, facts } from '../../helpers/desired.js';

const dc = desired('nssv_datacenter.dc', { name: 'dc' });
const cluster = desired('nssv_cluster.c', { name: 'c', datacenter_id: 'dc' }, ['nssv_datacenter.dc']);
const host = desired('nssv_host.h1', {
  name: 'h1',
  cluster_id: 'c',
  endpoint: 'http://127.0.0.1:1',
  token: 'secret-token-0123456789',
});

describe('renderPlanText', () => {
  test('GIVEN new resources THEN the plan shows them Terraform-style with the sensitive token hidden', () => {
    const plan = makePlan({
      mode: 'normal',
      desired: [dc, cluster, host],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: facts,
    });
    expect(renderPlanText(plan)).toBe(
      [
        'nssv will perform the following actions:',
        'Resource actions are indicated with the following symbols:',
        '    + create',
        '',
        '  # nssv_cluster.c will be created',
        '  + resource "nssv_cluster" "c" {',
        '      + cpu_overcommit_ratio    = 1',
        '      + datacenter_id           = "dc"',
        '      + description             = ""',
        '      + ha_enabled              = false',
        '      + id                      = "c"',
        '      + memory_overcommit_ratio = 1',
        '      + name                    = "c"',
        '    }',
        '',
        '  # nssv_datacenter.dc will be created',
        '  + resource "nssv_datacenter" "dc" {',
        '      + description = ""',
        '      + id          = "dc"',
        '      + name        = "dc"',
        '    }',
        '',
        '  # nssv_host.h1 will be created',
        '  + resource "nssv_host" "h1" {',
        '      + cluster_id  = "c"',
        '      + cpus        = (known after apply)',
        '      + domain_type = (known after apply)',
        '      + endpoint    = "http://127.0.0.1:1"',
        '      + id          = "h1"',
        '      + labels      = {}',
        '      + maintenance = false',
        '      + memory_mib  = (known after apply)',
        '      + name        = "h1"',
        '      + token       = (sensitive value)',
        '    }',
        '',
        'Plan: 3 to add, 0 to change, 0 to destroy.',
        '',
      ].join('\n'),
    );
    expect(JSON.stringify(planJson(plan))).not.toContain('secret-token');
  });

  test('GIVEN nothing to do THEN the plan says so', () => {
    const plan = makePlan({
      mode: 'normal',
      desired: [],
      prior: emptyState('L'),
      live: new Map(),
      hostFacts: facts,
    });
    expect(renderPlanText(plan)).toBe('No changes. Your infrastructure matches the configuration.\n');
  });
});
