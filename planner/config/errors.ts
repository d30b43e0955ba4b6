import type { Diagnostic, SourceRange } from '../../core/diagnostic.js';
import { didYouMean } from '../../core/didYouMean.js';

/** Named factories for configuration diagnostics. Codes are stable; tests assert them. */

function d(
  code: string,
  range: SourceRange | undefined,
  summary: string,
  detail: string,
  address?: string,
): Diagnostic {
  const diag: Diagnostic = { severity: 'error', code, summary, detail };
  if (range) diag.range = range;
  if (address) diag.address = address;
  return diag;
}

const mean = (given: string, candidates: Iterable<string>, fmt: (s: string) => string = (s) => s): string => {
  const s = didYouMean(given, candidates);
  return s ? ` Did you mean "${fmt(s)}"?` : '';
};

/** Where to change a variable value, given where it came from. */
function fixWhere(origin: string): string {
  if (origin === '-var') return 'in the -var option';
  if (origin.startsWith('TF_VAR_')) return `in the environment variable ${origin}`;
  return `at ${origin}`;
}

export const configErrors = {
  unknownResourceType(range: SourceRange, type: string, known: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_RESOURCE_TYPE',
      range,
      `Unknown resource type "${type}"`,
      `nssv has no resource type "${type}".${mean(type, known)} The resource types are: ${known.join(', ')}.`,
    );
  },
  duplicateResource(range: SourceRange, address: string, first: SourceRange): Diagnostic {
    return d(
      'NSSV_CONFIG_DUPLICATE_RESOURCE',
      range,
      `Duplicate resource "${address}"`,
      `A resource named ${address} was already declared at ${first.file}:${first.line}:${first.column}. Resource names must be unique per type within a module; rename one of them.`,
      address,
    );
  },
  duplicate(kind: string, range: SourceRange, name: string, first: SourceRange): Diagnostic {
    return d(
      'NSSV_CONFIG_DUPLICATE_' + kind.toUpperCase().replace(/ /g, '_'),
      range,
      `Duplicate ${kind} "${name}"`,
      `A ${kind} named "${name}" was already declared at ${first.file}:${first.line}:${first.column}. Names must be unique; rename or remove one of them.`,
    );
  },
  unsupportedBlock(range: SourceRange, type: string, where: string, allowed: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNSUPPORTED_BLOCK',
      range,
      `Unsupported block type "${type}"`,
      `Blocks of type "${type}" are not expected ${where}.${mean(type, allowed)}${allowed.length ? ' Allowed block types: ' + allowed.join(', ') + '.' : ''}`,
    );
  },
  unsupportedArgument(range: SourceRange, name: string, where: string, allowed: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNSUPPORTED_ARGUMENT',
      range,
      `Unsupported argument "${name}"`,
      `An argument named "${name}" is not expected ${where}.${mean(name, allowed)}${allowed.length ? ' Allowed arguments: ' + allowed.join(', ') + '.' : ''}`,
    );
  },
  wrongLabels(range: SourceRange, type: string, want: string[], given: number): Diagnostic {
    return d(
      'NSSV_CONFIG_BLOCK_LABELS',
      range,
      `Wrong number of labels for a ${type} block`,
      `A ${type} block takes ${want.length} label${want.length === 1 ? '' : 's'} (${want.join(', ')}), but ${given} ${given === 1 ? 'was' : 'were'} given. Write: ${type} ${want.map((w) => `"${w}"`).join(' ')} { … }.`,
    );
  },
  missingArgument(range: SourceRange, name: string, where: string, fix: string): Diagnostic {
    return d(
      'NSSV_CONFIG_MISSING_ARGUMENT',
      range,
      `Missing required argument "${name}"`,
      `The argument "${name}" is required ${where}. ${fix}`,
    );
  },
  unknownVariable(range: SourceRange, name: string, declared: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_REFERENCE',
      range,
      `Reference to undeclared input variable "${name}"`,
      `An input variable with the name "${name}" has not been declared.${mean(name, declared, (s) => 'var.' + s)} Declare it with a variable "${name}" { … } block, or fix the reference.`,
    );
  },
  unknownLocal(range: SourceRange, name: string, declared: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_REFERENCE',
      range,
      `Reference to undeclared local value "${name}"`,
      `A local value with the name "${name}" has not been declared.${mean(name, declared, (s) => 'local.' + s)} Declare it in a locals { … } block, or fix the reference.`,
    );
  },
  unknownResource(range: SourceRange, type: string, name: string, declared: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_REFERENCE',
      range,
      `Reference to undeclared resource "${type}.${name}"`,
      `A managed resource "${type}" "${name}" has not been declared in this module.${mean(`${type}.${name}`, declared)}`,
    );
  },
  unknownModule(range: SourceRange, name: string, declared: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_REFERENCE',
      range,
      `Reference to undeclared module "${name}"`,
      `No module call named "${name}" is declared in this module.${mean(name, declared, (s) => 'module.' + s)}`,
    );
  },
  unknownRoot(range: SourceRange, name: string, candidates: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_REFERENCE',
      range,
      `Reference to unknown name "${name}"`,
      `"${name}" is not a known reference.${mean(name, candidates)} References look like var.NAME, local.NAME, TYPE.NAME.ATTRIBUTE (e.g. nssv_vm.web.id), module.NAME.OUTPUT, count.index, each.key or each.value.`,
    );
  },
  invalidReference(range: SourceRange, summary: string, detail: string): Diagnostic {
    return d('NSSV_CONFIG_INVALID_REFERENCE', range, summary, detail);
  },
  cycle(range: SourceRange, path: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_CYCLE',
      range,
      `Cycle: ${path.join(' → ')}`,
      `These objects refer to each other in a loop: ${path.join(' → ')}. Break the cycle by removing one of the references.`,
    );
  },
  missingVariable(range: SourceRange, name: string): Diagnostic {
    return d(
      'NSSV_CONFIG_MISSING_VARIABLE',
      range,
      `No value for required variable "${name}"`,
      `The input variable "${name}" has no default, so a value must be set: use -var="${name}=…", a terraform.tfvars or *.auto.tfvars file, or the environment variable TF_VAR_${name}.`,
    );
  },
  /**
   * `given`, for root variables: the value as the user wrote it (already JSON-quoted or rendered) and
   * where it came from ("-var", "TF_VAR_x", "terraform.tfvars:3:1").
   */
  invalidVariableValue(
    range: SourceRange | undefined,
    name: string,
    problem: string,
    typeDesc: string,
    given?: { shown: string; origin: string },
  ): Diagnostic {
    const value = given ? `The value ${given.shown} from ${given.origin}` : 'The given value';
    return d(
      'NSSV_CONFIG_INVALID_VARIABLE_VALUE',
      range,
      `Invalid value for variable "${name}"`,
      `${value} is not suitable for var.${name}, which is declared as ${typeDesc}: ${problem}. Give a value of that type${given ? ` ${fixWhere(given.origin)}` : ''}.`,
    );
  },
  nullVariable(range: SourceRange | undefined, name: string, origin?: string): Diagnostic {
    return d(
      'NSSV_CONFIG_INVALID_VARIABLE_VALUE',
      range,
      `Invalid value for variable "${name}"`,
      `The variable "${name}" is declared with nullable = false, so it cannot be null${origin ? `, but null was given from ${origin}` : ''}. Give a non-null value${origin ? ` ${fixWhere(origin)}` : ''}.`,
    );
  },
  /** `value`: what the variable is, as valuePhrase says it ("is 32", "has a sensitive value"). */
  validationFailed(range: SourceRange, name: string, message: string, value: string): Diagnostic {
    return d(
      'NSSV_CONFIG_VARIABLE_VALIDATION',
      range,
      `Invalid value for variable "${name}"`,
      `var.${name} ${value}\n\n${message}\n\nThis was checked by the validation rule at ${range.file}:${range.line}:${range.column}.`,
    );
  },
  undeclaredVariableValue(
    range: SourceRange | undefined,
    name: string,
    declared: string[],
    severity: 'error' | 'warning',
  ): Diagnostic {
    const diag = d(
      'NSSV_CONFIG_UNDECLARED_VARIABLE',
      range,
      `Value for undeclared variable "${name}"`,
      `A value was given for "${name}", but no variable "${name}" is declared.${mean(name, declared)} Declare the variable or remove the value.`,
    );
    diag.severity = severity;
    return diag;
  },
  invalidCount(range: SourceRange, problem: string): Diagnostic {
    return d(
      'NSSV_CONFIG_INVALID_COUNT',
      range,
      'Invalid count argument',
      `The "count" value is invalid: ${problem}. count must be a whole number ≥ 0 known before apply, like count = 3 or count = length(var.names).`,
    );
  },
  invalidForEach(range: SourceRange, problem: string): Diagnostic {
    return d(
      'NSSV_CONFIG_INVALID_FOR_EACH',
      range,
      'Invalid for_each argument',
      `The "for_each" value is invalid: ${problem}. for_each takes a map, or a set of strings (use toset([...]) for a list), whose keys are known before apply.`,
    );
  },
  countAndForEach(range: SourceRange): Diagnostic {
    return d(
      'NSSV_CONFIG_INVALID_COUNT',
      range,
      'Invalid combination of "count" and "for_each"',
      'The "count" and "for_each" meta-arguments are mutually exclusive; use only one of them.',
    );
  },
  moduleSource(range: SourceRange, source: string, problem: string): Diagnostic {
    return d(
      'NSSV_CONFIG_MODULE_SOURCE',
      range,
      `Invalid module source "${source}"`,
      `${problem} nssv supports local module paths starting with ./ or ../, like source = "./modules/vm".`,
    );
  },
  unsupported(range: SourceRange, what: string, detail: string): Diagnostic {
    return d('NSSV_CONFIG_UNSUPPORTED', range, `${what} is not supported`, detail);
  },
  importTo(range: SourceRange, problem: string): Diagnostic {
    return d(
      'NSSV_CONFIG_INVALID_ARGUMENT',
      range,
      `Invalid import address: ${problem}`,
      'Write "to" as a resource instance address, like to = nssv_vm.web or to = nssv_vm.web[each.key] (with for_each).',
    );
  },
  importId(range: SourceRange, problem: string): Diagnostic {
    return d(
      'NSSV_CONFIG_INVALID_ARGUMENT',
      range,
      `Invalid import id: ${problem}`,
      'The id is the object\'s name on its hosts ("web1"), or HOST/NAME ("h1/web1"); it must be a string known at plan time.',
    );
  },
  importInChildModule(range: SourceRange, module: string): Diagnostic {
    return d(
      'NSSV_CONFIG_UNSUPPORTED',
      range,
      `import blocks are only allowed in the root module (this one is in ${module})`,
      'As in Terraform, write the import block in the root module, with the full address: to = module.NAME.nssv_vm.web.',
    );
  },
  provisionerBlock(range: SourceRange, type: 'provisioner' | 'connection', address: string): Diagnostic {
    return d(
      'NSSV_NOT_SUPPORTED_YET',
      range,
      `${type} blocks are not supported: nssv runs no provisioners, so it would skip this one in ${address}`,
      "nssv validate and plan refuse the block rather than ignore it. Fix: remove it; to run commands in a VM's guest at first boot, set user_data (cloud-init) on the nssv_vm.",
      address,
    );
  },
  postconditionBlock(range: SourceRange): Diagnostic {
    return d(
      'NSSV_NOT_SUPPORTED_YET',
      range,
      'postcondition blocks are not supported yet: nssv would not check the condition after apply',
      'nssv validate and plan refuse the block rather than ignore it. Fix: remove the postcondition block, or state the condition as a precondition (nssv checks those when it plans).',
    );
  },
  conditionFailed(range: SourceRange, subject: string, message: string): Diagnostic {
    return d('NSSV_PRECONDITION_FAILED', range, `${subject}: precondition failed`, message);
  },
  conditionUnknown(range: SourceRange, subject: string): Diagnostic {
    return d(
      'NSSV_PRECONDITION_UNKNOWN',
      range,
      `${subject}: the precondition cannot be checked before apply`,
      'The condition depends on a value that is known only after apply, and nssv checks preconditions when it plans. Fix: make the condition depend on values known now (variables, locals, data sources, attributes the configuration sets), or remove the precondition.',
    );
  },
  checkBlock(range: SourceRange, name: string | undefined): Diagnostic {
    return d(
      'NSSV_NOT_SUPPORTED_YET',
      range,
      `check blocks are not supported yet: nssv would not evaluate the assertions of check ${JSON.stringify(name ?? '')}`,
      'nssv validate and plan refuse the block rather than ignore it. Fix: remove the check block.',
    );
  },
  backendBlock(range: SourceRange, type: string): Diagnostic {
    return d(
      'NSSV_NOT_SUPPORTED_YET',
      range,
      `the ${JSON.stringify(type)} backend is not supported: nssv keeps state in nssv.tfstate next to the configuration, or in PostgreSQL (backend "pg")`,
      `nssv would neither read nor write state through the ${JSON.stringify(type)} backend. Fix: use backend "pg" { conn_str = "postgres://…" } for shared state, or remove the backend block.`,
    );
  },
  localBackendIgnored(range: SourceRange, path: string | undefined): Diagnostic {
    const diag = d(
      'NSSV_CONFIG_BACKEND_IGNORED',
      range,
      'the "local" backend\'s settings are ignored: nssv keeps state in nssv.tfstate next to the configuration',
      `${path !== undefined ? `path = ${JSON.stringify(path)} is not used. ` : ''}cdktf adds this backend by default, so it is accepted. Fix: remove the backend block to silence this warning.`,
    );
    diag.severity = 'warning';
    return diag;
  },
  cloudBlock(range: SourceRange): Diagnostic {
    return d(
      'NSSV_NOT_SUPPORTED_YET',
      range,
      'the cloud block (HCP Terraform) is not supported: nssv keeps state in nssv.tfstate next to the configuration and runs plans itself',
      'nssv would neither read nor write state in HCP Terraform. Fix: remove the cloud block.',
    );
  },
  missingInput(range: SourceRange, module: string, name: string): Diagnostic {
    return d(
      'NSSV_CONFIG_MISSING_VARIABLE',
      range,
      `Missing required argument "${name}"`,
      `The module "${module}" declares variable "${name}" without a default, so the module block must set ${name} = ….`,
    );
  },
  unknownInput(range: SourceRange, module: string, name: string, declared: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNSUPPORTED_ARGUMENT',
      range,
      `Unsupported argument "${name}"`,
      `The module "${module}" declares no variable "${name}".${mean(name, declared)} Declared variables: ${declared.join(', ') || '(none)'}.`,
    );
  },
  readFailed(range: SourceRange | undefined, path: string, message: string): Diagnostic {
    return d(
      'NSSV_CONFIG_READ',
      range,
      `Cannot read ${path}`,
      `${message}. Check that the path exists and is readable.`,
    );
  },
  varFileMissing(given: string, path: string, cwd: string): Diagnostic {
    return d(
      'NSSV_CONFIG_READ',
      undefined,
      `Cannot read -var-file ${given}: no such file`,
      path === given
        ? `There is no file ${path}. Fix: give the path of an existing .tfvars or .tfvars.json file.`
        : `There is no file ${given} in ${cwd}; relative -var-file paths are resolved against the current directory, as Terraform does. Fix: give the path of an existing .tfvars or .tfvars.json file.`,
    );
  },
  varFileIsDirectory(given: string, path: string): Diagnostic {
    return d(
      'NSSV_CONFIG_READ',
      undefined,
      `Cannot read -var-file ${given}: is a directory`,
      `${path} is a directory, not a variables file. Fix: give the path of a .tfvars or .tfvars.json file inside it, like -var-file=${given.replace(/\/+$/, '')}/NAME.tfvars.`,
    );
  },
  varFileUnreadable(given: string, path: string, code: string | undefined, message: string): Diagnostic {
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : message;
    return d(
      'NSSV_CONFIG_READ',
      undefined,
      `Cannot read -var-file ${given}: ${why}`,
      `${path} could not be read (${why}). Fix: make the file readable by the user running nssv, or give another file.`,
    );
  },
  noConfig(dir: string): Diagnostic {
    return d(
      'NSSV_CONFIG_EMPTY',
      undefined,
      `No configuration files in ${dir}`,
      `The directory ${dir} holds no *.tf or *.tf.json files. Run nssv in a configuration directory or pass --config DIR.`,
    );
  },
  duplicateData(range: SourceRange, address: string, first: SourceRange): Diagnostic {
    return d(
      'NSSV_CONFIG_DUPLICATE_RESOURCE',
      range,
      `Duplicate data source "${address}"`,
      `A data source named ${address} was already declared at ${first.file}:${first.line}:${first.column}. Data source names must be unique per type within a module; rename one of them.`,
      address,
    );
  },
  dataMeta(range: SourceRange, what: string): Diagnostic {
    return d(
      'NSSV_CONFIG_UNSUPPORTED',
      range,
      `${what} in a data block is not supported`,
      `nssv reads each data block once, before planning, by its arguments alone. Remove ${what}; for several objects, declare one data block per object (or read a host's whole inventory with data "nssv_host_inventory").`,
    );
  },
  unknownData(range: SourceRange, address: string, declared: string[]): Diagnostic {
    return d(
      'NSSV_CONFIG_UNKNOWN_REFERENCE',
      range,
      `Reference to undeclared data source "${address}"`,
      `A data block ${address.replace(/^data\.([^.]+)\.(.+)$/, 'data "$1" "$2"')} has not been declared in this module.${mean(address, declared)} Declare it, or fix the reference.`,
    );
  },
  dataArgumentUnknown(range: SourceRange, address: string, attribute: string): Diagnostic {
    return {
      ...d(
        'NSSV_CONFIG_DATA_UNKNOWN_ARGUMENT',
        range,
        `The argument "${attribute}" of ${address} is not known before apply`,
        'nssv reads data sources before planning, so their arguments must be known then: literals, variables, locals, or attributes the configuration sets (like a name). Do not refer to attributes that only apply computes.',
        address,
      ),
      attribute,
    };
  },
};
