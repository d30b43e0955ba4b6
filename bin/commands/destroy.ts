import { ApplyCommand } from '../shared/applyCommand.js';

export default class Destroy extends ApplyCommand {
  static override description = "Destroy everything this configuration's state manages.";
  static override examples = ['nssv destroy', 'nssv destroy -auto-approve'];
  protected readonly verb = 'destroy';
}
