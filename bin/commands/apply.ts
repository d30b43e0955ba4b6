import { Args } from '@oclif/core';
import { ApplyCommand } from '../shared/applyCommand.js';

export default class Apply extends ApplyCommand {
  static override description = 'Plan, then make the hosts match the configuration.';
  static override examples = [
    'nssv apply',
    'nssv apply -auto-approve',
    'nssv apply -var vm_count=3 --config examples/quickstart',
    'nssv plan -out=tonight.plan && nssv apply tonight.plan',
  ];
  static override args = {
    planfile: Args.string({
      description: 'A plan saved with nssv plan -out FILE: apply exactly it.',
      required: false,
    }),
  };
  protected readonly verb = 'apply';
}
