/** Runs async work one piece at a time, in the order it was asked for; a failure does not stop the queue. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Pieces of work asked for and not yet finished. */
  get pending(): number {
    return this.waiting;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    this.waiting++;
    const next = this.tail.then(work, work).finally(() => this.waiting--);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
