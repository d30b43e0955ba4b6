/** Fragments the mutators insert: punctuation, template and heredoc markers, odd unicode, bad values. */

// prettier-ignore
export const PUNCTUATION = [
  '{', '}', '[', ']', '(', ')', '"', "'", '=', ',', '.', ':', '?', '!', '<', '>', '*', '/', '%', '-',
  '+', '&&', '||', '==', '=>', '...', '[*]', '.*', '\\', '#', '//', '/*', '*/', '~', '$', '${', '%{',
  '$${', '%%{', '${}', '%{}', '~}', '${~', '%{ if true }', '%{ endif }', '%{ for x in [1] }',
  '%{ endfor }', '%{ else }', '<<EOT\n', '<<-EOT\n', '\nEOT\n', '<<', '\n', '\r', '\r\n', '\t', ' ',
  '\u0000', '\u0007', 'é', 'ß', '日本', '🚀', '\u202e', '\ufeff', '\u00a0', '\u2028', '\ud800', 'İ',
  '\u0301', '"${', '}"', '"\\u12"', '"\\x"', '0x', '1e', '.5', '-.',
] as const;

/** Replacements for a number token. */
// prettier-ignore
export const NUMBERS = [
  '0', '-1', '-0', '1.5', '0.1', '-3.25', '1e3', '1e400', '1e-400', '4e9', '99999999999999999999999999',
  '340282366920938463463374607431768211457', '0.0000000000000000000001', '9007199254740993', '1.', '.5',
  '00', '0x10', '"12"', '"twelve"', 'true', 'null', '[]', '{}', '-9999999', '65536', '4095', '4094',
  '16777216', '1024', '2047.9999999999999999', '-(1)', '(2*3)', '10/0', '5 % 0', '1/3',
] as const;

/** Values of every type, to put where another type is expected. */
// prettier-ignore
export const VALUES = [
  'null', 'true', 'false', '0', '-1', '3.14', '""', '" "', '"x"', '"UPPER"', '[]', '[1, 2]', '["a", 1]',
  '{}', '{ a = 1 }', '{ "a b" = [] }', '[[[]]]', 'tolist([])', 'toset(["a", "a"])', 'tomap({})',
  '"${"', '"%{ if }"', '"\\n"', 'sensitive("s")', 'nonsensitive(1)', '"${null}"', '"${[1]}"',
  'jsondecode("{")', 'jsondecode("[1,")', 'regex("(", "a")', 'cidrsubnet("10.0.0.0/8", 40, 1)',
  'cidrhost("x", 1)', 'file("/nonexistent")', 'file("../../../etc/passwd")', 'nosuchfn(1)',
  'upper(1, 2)', 'element([], 0)', 'format("%d", "x")', 'range(-1)', 'lookup({}, "k")', 'one([1, 2])',
  'tonumber("x")', 'tobool(2)', 'max()', 'sum([])', 'substr("abc", -5, 100)', 'split("", "")',
  'try(nope, 1)', 'can(nope)', '[for x in 1 : x]', '{ for k, v in [1] : v => k }',
  '{ for k, v in ["a", "a"] : v => k }', '[for x in [1] : x if "no"]', 'var', 'local', 'self.name',
  'count.index', 'each.key', 'each.value', 'path.module', 'path.nope', 'terraform.workspace',
  'module.nope.out', 'data.nssv_vm.x.id', 'nssv_vm', 'nssv_vm.nope.id', 'nssv_nope.x.id',
  'var.nope', 'local.nope', '1 + "a"', '!1', '-"a"', 'true ? 1 : "a"', 'null ? 1 : 2', '[1][5]',
  '{ a = 1 }.b', '"abc"[0]', '[1, 2][*].x', 'upper', '(((((((((((1)))))))))))', '"${"${"${1}"}"}"',
] as const;

/** Identifiers that do not exist anywhere: attributes, blocks and types nssv does not know. */
// prettier-ignore
export const UNKNOWN_NAMES = [
  'colour', 'memory_mb', 'memory', 'vcpu', 'cpus_count', 'namee', 'Name', 'cluster', 'pool',
  'size', 'sizegib', 'port_group', 'disks', 'nics', 'tag', 'labelz', 'id', 'uuid', 'created_at',
  'widget', 'lifecycle', 'provisioner', 'dynamic', 'content', 'connection', 'count', 'for_each',
  'depends_on', 'provider', 'locals', 'terraform', '_x', 'x-y', 'x.y', 'ñ', '1abc',
] as const;

// prettier-ignore
export const REFERENCE_TARGETS = [
  'nssv_cluster.nope.id', 'nssv_clustre.main.id', 'nssv_vm.web.id', 'nssv_vm.web[99].id',
  'nssv_vm.web["x"].id', 'nssv_datacenter.dc1.nope', 'nssv_datacenter.dc1', 'nssv_datacenter.dc1[0].id',
  'var.nope', 'var.vm_memory_mib.x', 'local.nope', 'module.m.id', 'data.nssv_host.h.id',
  'each.key', 'count.index', 'self.id', 'path.root', 'nssv_host.h1.token', 'nssv_vm.web[*].name',
] as const;

/**
 * Numbers safe where they decide how many instances exist (count, and the defaults and locals that
 * feed it). A huge count makes nssv expand billions of instances and die out of memory: a known
 * bug (reported on issue 3), kept out of this fuzz run until the loader bounds expansion.
 */
export const COUNT_SAFE_NUMBERS = NUMBERS.filter((n) => {
  const v = Number(n);
  return !(Number.isNaN(v) ? false : !Number.isFinite(v) || Math.abs(v) > 5000);
});

/** Whether a line may decide an instance count (see COUNT_SAFE_NUMBERS). */
export function feedsCount(line: string): boolean {
  return /\b(count|default|web_count|keep)\b/u.test(line);
}
