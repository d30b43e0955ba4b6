import { generateDoc } from '../../../schemas/gen/docs.js';
import { resourceSchema } from '../../../schemas/registry.js';

describe('generated resource docs', () => {
  it('GIVEN an attribute plan refuses today WHEN documented THEN its description says so first', () => {
    const doc = generateDoc(
      'nssv_image_storage',
      resourceSchema('nssv_image_storage'),
      'resource "nssv_image_storage" "a" {}',
      [],
    );
    const row = doc.split('\n').find((l) => l.startsWith('| `path`'));
    expect(row).toContain(
      '| **Not supported yet:** plan refuses any value but the default. Directory on each host for a dir image storage.',
    );
    const tags = doc.split('\n').find((l) => l.startsWith('| `description`'));
    expect(tags).not.toContain('Not supported yet');
  });

  it('GIVEN a value plan refuses today WHEN documented THEN the value is named', () => {
    // No value is refused today (rbd pools landed): the annotation on a copy of the schema.
    const schema = structuredClone(resourceSchema('nssv_storage_pool'));
    schema.properties!['kind']!['x-nssv-not-supported-yet-values'] = ['rbd'];
    const doc = generateDoc('nssv_storage_pool', schema, '', []);
    expect(doc).toContain('| **Not supported yet:** `"rbd"` (plan refuses it). Storage backend');
  });

  it('GIVEN a type marked x-nssv-not-supported-yet WHEN documented THEN the page says plan refuses it', () => {
    const schema = { ...resourceSchema('nssv_volume_snapshot'), 'x-nssv-not-supported-yet': true };
    const doc = generateDoc('nssv_volume_snapshot', schema, '', []);
    expect(doc).toContain(
      "> **Not supported yet:** `nssv validate` accepts this type (it is part of the resource model), but `nssv plan` refuses it: this version's agents cannot create it.",
    );
  });

  it('GIVEN any type WHEN documented THEN no import block is shown (nssv has no import yet)', () => {
    const doc = generateDoc('nssv_vm', resourceSchema('nssv_vm'), '', []);
    expect(doc).not.toContain('import {');
    expect(doc).not.toContain('## Import');
  });
});
