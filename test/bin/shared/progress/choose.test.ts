import { Writable } from 'node:stream';
import { chooseProgressView } from '../../../../bin/shared/progress/choose.js';
import { JsonView } from '../../../../bin/shared/progress/jsonView.js';
import { LiveView } from '../../../../bin/shared/progress/liveView.js';
import { PlainView } from '../../../../bin/shared/progress/plainView.js';

function stream(tty: { isTTY?: boolean; columns?: number; rows?: number }) {
  return Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), tty);
}

describe('chooseProgressView', () => {
  const terminal = stream({ isTTY: true, columns: 120, rows: 40 });
  it('GIVEN --json WHEN choosing THEN JSON lines, even on a terminal', () => {
    expect(chooseProgressView(true, stream({}), terminal, {})).toBeInstanceOf(JsonView);
  });
  it('GIVEN a sized terminal outside CI WHEN choosing THEN the live view', () => {
    expect(chooseProgressView(false, stream({}), terminal, { TERM: 'xterm' })).toBeInstanceOf(LiveView);
  });
  it('GIVEN CI, TERM=dumb, a pipe or a terminal of no size WHEN choosing THEN timestamped lines', () => {
    expect(chooseProgressView(false, stream({}), terminal, { CI: 'true' })).toBeInstanceOf(PlainView);
    expect(chooseProgressView(false, stream({}), terminal, { TERM: 'dumb' })).toBeInstanceOf(PlainView);
    expect(chooseProgressView(false, stream({}), stream({}), {})).toBeInstanceOf(PlainView);
    expect(
      chooseProgressView(false, stream({}), stream({ isTTY: true, columns: 0, rows: 0 }), {}),
    ).toBeInstanceOf(PlainView);
  });
});
