import { describe, expect, it } from 'vitest';
import { BuildQueue, type BuildReason } from '../../src/service/build-queue.ts';

/** A build the test finishes by hand. */
function createControlledRunner() {
  const runs: BuildReason[][] = [];
  let finish: (() => void) | undefined;
  const run = (reasons: BuildReason[]) =>
    new Promise<void>((resolve) => {
      runs.push(reasons);
      finish = resolve;
    });
  return {
    runs,
    run,
    finish: () => {
      const done = finish;
      finish = undefined;
      done?.();
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('BuildQueue', () => {
  it('runs one build for one request', async () => {
    const runner = createControlledRunner();
    const queue = new BuildQueue(runner.run, { debounceMs: 0, now: () => 1000 });
    queue.request({ kind: 'webhook', detail: 'post-1' });
    await tick();
    expect(runner.runs).toEqual([[{ kind: 'webhook', detail: 'post-1', at: 1000 }]]);
    expect(queue.state.running?.startedAt).toBe(1000);
    runner.finish();
    await queue.idle();
    expect(queue.state).toEqual({ running: undefined, pending: [], started: 1 });
  });

  it('folds everything asked for during a build into exactly one follow-up build', async () => {
    const runner = createControlledRunner();
    const queue = new BuildQueue(runner.run, { debounceMs: 0 });
    queue.request({ kind: 'webhook', detail: 'first' });
    await tick();
    for (let index = 0; index < 19; index += 1) {
      queue.request({ kind: 'webhook', detail: `burst-${index}` });
    }
    expect(queue.state.pending).toHaveLength(19);
    runner.finish();
    await tick();
    expect(runner.runs).toHaveLength(2);
    expect(runner.runs[1]).toHaveLength(19);
    runner.finish();
    await queue.idle();
    expect(queue.state.started).toBe(2);
  });

  it('lets requests that arrive while it waits join the same build', async () => {
    const runner = createControlledRunner();
    let wake: (() => void) | undefined;
    const queue = new BuildQueue(runner.run, {
      debounceMs: 500,
      delay: () =>
        new Promise<void>((resolve) => {
          wake = resolve;
        }),
    });
    queue.request({ kind: 'watch', detail: 'a' });
    queue.request({ kind: 'watch', detail: 'b' });
    await tick();
    expect(runner.runs).toHaveLength(0);
    wake?.();
    await tick();
    expect(runner.runs).toHaveLength(1);
    expect(runner.runs[0]?.map((reason) => reason.detail)).toEqual(['a', 'b']);
    runner.finish();
    await queue.idle();
  });

  it('keeps going after a failed build and ignores requests once stopped', async () => {
    let calls = 0;
    const queue = new BuildQueue(
      () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
      },
      { debounceMs: 0 },
    );
    queue.request({ kind: 'manual', detail: undefined });
    await queue.idle();
    queue.request({ kind: 'manual', detail: undefined });
    await queue.idle();
    expect(calls).toBe(2);
    queue.stop();
    queue.request({ kind: 'manual', detail: undefined });
    await queue.idle();
    expect(calls).toBe(2);
  });
});
