import { readdir } from 'node:fs/promises';
import { orIfGone } from '../../../agentd/storage/orIfGone.js';

describe('orIfGone', () => {
  it('GIVEN a read that succeeds WHEN it is awaited THEN its result comes back', async () => {
    expect(await orIfGone(Promise.resolve(['a']), [])).toEqual(['a']);
  });

  it('GIVEN a directory removed meanwhile (ENOENT) WHEN it is read THEN the fallback comes back', async () => {
    expect(await orIfGone(readdir('/nonexistent/nssv-gone'), ['gone'])).toEqual(['gone']);
  });

  it('GIVEN any other failure WHEN it is awaited THEN it still throws', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    await expect(orIfGone(Promise.reject(denied), [])).rejects.toThrow('EACCES: permission denied');
  });
});
