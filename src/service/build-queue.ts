/**
 * Runs one build at a time and coalesces: whatever asks for a build while one runs is
 * folded into exactly one follow-up build, so a burst of publishes costs at most two
 * builds. A short wait before each build lets a burst that is still arriving join it.
 */

/** Why a build was asked for, as the status and the log show it. */
export interface BuildReason {
  kind: 'webhook' | 'schedule' | 'watch' | 'start' | 'manual';
  /** e.g. the document id of a webhook, or the file that changed. */
  detail: string | undefined;
  /** When it was asked for (ms). */
  at: number;
}

/** The queue as `/api/status` shows it. */
export interface QueueState {
  running: { startedAt: number; reasons: BuildReason[] } | undefined;
  /** Reasons waiting for the next build (one build, however many). */
  pending: BuildReason[];
  /** Builds started since the service started. */
  started: number;
}

/** Runs one build for the reasons given; its result is the runner's business. */
export type RunBuild = (reasons: BuildReason[]) => Promise<void>;

/** Waits `ms`; injectable so tests need no real timers. */
export type Delay = (ms: number) => Promise<void>;

const realDelay: Delay = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/** A coalescing queue of builds. */
export class BuildQueue {
  readonly #run: RunBuild;
  readonly #debounceMs: number;
  readonly #delay: Delay;
  readonly #now: () => number;
  #pending: BuildReason[] = [];
  #running: QueueState['running'];
  #loop: Promise<void> | undefined;
  #started = 0;
  #stopped = false;

  constructor(
    run: RunBuild,
    options: { debounceMs: number; delay?: Delay; now?: () => number } = { debounceMs: 0 },
  ) {
    this.#run = run;
    this.#debounceMs = options.debounceMs;
    this.#delay = options.delay ?? realDelay;
    this.#now = options.now ?? Date.now;
  }

  /** Asks for a build; returns at once. Ignored once the queue is stopped. */
  request(reason: Omit<BuildReason, 'at'>): void {
    if (this.#stopped) return;
    this.#pending.push({ ...reason, at: this.#now() });
    this.#loop ??= this.#drain().finally(() => {
      this.#loop = undefined;
    });
  }

  /** Builds until nothing is pending. */
  async #drain(): Promise<void> {
    while (this.#pending.length > 0 && !this.#stopped) {
      if (this.#debounceMs > 0) await this.#delay(this.#debounceMs);
      if (this.#stopped) break;
      const reasons = this.#pending;
      this.#pending = [];
      this.#running = { startedAt: this.#now(), reasons };
      this.#started += 1;
      try {
        await this.#run(reasons);
      } catch {
        // The runner reports its own failures; the queue only keeps going.
      } finally {
        this.#running = undefined;
      }
    }
  }

  /** The queue's state, for `/api/status`. */
  get state(): QueueState {
    return {
      running: this.#running,
      pending: [...this.#pending],
      started: this.#started,
    };
  }

  /** Resolves when nothing runs or waits (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.#loop) await this.#loop;
  }

  /** Accepts no more requests and drops those waiting; the running build is the caller's to stop. */
  stop(): void {
    this.#stopped = true;
    this.#pending = [];
  }
}
