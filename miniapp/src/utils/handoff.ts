/**
 * A value one page hands to the page it opens, kept in memory only (never written to the device);
 * the next page takes it when it is the one its URL asks for.
 */
export interface Handoff<T> {
  put: (value: T) => void;
  peek: (matches: (value: T) => boolean) => T | null;
}

export function createHandoff<T>(): Handoff<T> {
  let latest: T | null = null;
  return {
    put(value) {
      latest = value;
    },
    peek(matches) {
      return latest !== null && matches(latest) ? latest : null;
    },
  };
}
