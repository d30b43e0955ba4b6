import { didYouMean, editDistance } from '../../core/didYouMean.js';

describe('didYouMean', () => {
  it('GIVEN two words WHEN measured THEN a transposition counts as one edit', () => {
    expect(editDistance('memroy', 'memory')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('GIVEN a typo WHEN candidates are close THEN the closest is suggested', () => {
    expect(didYouMean('memory_mb', ['vcpus', 'memory_mib'])).toBe('memory_mib');
    expect(didYouMean('Running', ['running', 'shutoff'])).toBe('running');
  });

  it('GIVEN a word far from every candidate WHEN asked THEN nothing is suggested', () => {
    expect(didYouMean('banana', ['vcpus', 'memory_mib'])).toBeUndefined();
  });
});
