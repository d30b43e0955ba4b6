import { ApplyCommand } from '../shared/applyCommand.js';

export default class Apply extends ApplyCommand {
  static override description = 'Plan, then make the hosts match the configuration.';
  static override examples = [
    'nssv apply',
    'nssv apply -auto-approve',
    'nssv apply -var vm_count=3 --config examples/quickstart',
  ];
  protected readonly verb = 'apply';
}
