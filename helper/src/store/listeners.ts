// A small typed listener set used by the stores to announce changes.

export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  /** Calls every listener; one that throws does not stop the others (its error is handed to `onError`). */
  emit(value: T, onError?: (error: unknown) => void): void {
    for (const listener of this.set) {
      try {
        listener(value);
      } catch (error) {
        onError?.(error);
      }
    }
  }
}
