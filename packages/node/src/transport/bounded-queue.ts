/**
 * A FIFO that never grows past its capacity: when full, the new item is
 * dropped and counted, so a Tinsel that is down costs the host a fixed
 * amount of memory and nothing else.
 *
 * @example
 * const q = new BoundedQueue<string>(2);
 * q.push('a'); q.push('b'); q.push('c'); // false
 * q.dropped // 1
 */
export class BoundedQueue<T> {
  private items: T[] = [];
  /** Items refused because the queue was full. */
  dropped = 0;

  constructor(readonly capacity: number) {}

  get length(): number {
    return this.items.length;
  }

  /** Adds an item; false (and counted) when the queue is full. */
  push(item: T): boolean {
    if (this.items.length >= this.capacity) {
      this.dropped++;
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** Removes and returns up to `max` of the oldest items. */
  take(max: number): T[] {
    if (this.items.length <= max) {
      const all = this.items;
      this.items = [];
      return all;
    }
    return this.items.splice(0, max);
  }
}
