import { createHandlerContext } from '../../../provider/handlers/context.js';
import type { HandlerContext } from '../../../provider/handlers/types.js';
import { FakeAgent } from '../agent/fakeAgent.js';

/** Fake agents for hosts h1 and h2 and a handler context over them. */
export interface FakeHosts {
  h1: FakeAgent;
  h2: FakeAgent;
  ctx(): HandlerContext;
  close(): Promise<void>;
}

export async function fakeHosts(): Promise<FakeHosts> {
  const h1 = await new FakeAgent('h1').start();
  const h2 = await new FakeAgent('h2').start();
  return {
    h1,
    h2,
    ctx: () =>
      createHandlerContext(
        new Map([
          ['h1', h1.endpoint()],
          ['h2', h2.endpoint()],
        ]),
      ),
    close: async () => {
      await h1.close();
      await h2.close();
    },
  };
}
