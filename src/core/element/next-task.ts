/**
 * Resolves in a later task (`scheduler.yield()` where the browser has it, else a timer): work
 * split by it never adds up to one long task.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
