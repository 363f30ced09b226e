// Work over a large list that can give way to the page between slices. Written once, as a
// generator that yields after each slice of its loop: run whole where the answer is needed now,
// or ahead of time with a task boundary whenever a slice has run for long (state/prepare-shown.ts).

/** A piece of work that yields between slices and returns its result. */
export type Slices<R> = Generator<void, R, void>;

/** A wait for a new task, between slices. */
export type Wait = () => Promise<void>;

/** The page's wait: a timer of 0 ms, after which it has drawn and answered what was waiting. */
export const nextTask: Wait = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Items per slice: the loop checks the clock this often, cheap for a short list. */
export const SLICE_ITEMS = 8192;

/** Whether a loop at index i has come to a slice boundary. */
export const atSliceEnd = (i: number): boolean => i > 0 && i % SLICE_ITEMS === 0;

/** The work done at once. */
export function runWhole<R>(work: Slices<R>): R {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/**
 * The work done with a wait (a new task) whenever it has run for `budgetMs` since the last one, so
 * no task of the page holds it much longer than that.
 */
export async function runInSlices<R>(
  work: Slices<R>,
  wait: Wait,
  budgetMs = 20,
  now: () => number = () => performance.now(),
): Promise<R> {
  let since = now();
  let step = work.next();
  while (!step.done) {
    if (now() - since >= budgetMs) {
      await wait();
      since = now();
    }
    step = work.next();
  }
  return step.value;
}
