import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from '../../../e2e/support.js';

describe('precompiled protocol descriptor', () => {
  it('GIVEN the .proto files THEN descriptor.ts is what the generator makes of them', async () => {
    const gen = (await import(join(repo, 'scripts/gen-tfplugin-descriptor.mjs'))) as {
      renderDescriptor(): string;
    };
    expect(readFileSync(join(repo, 'provider/tfplugin/proto/descriptor.ts'), 'utf8')).toBe(
      gen.renderDescriptor(),
    );
  });
});
