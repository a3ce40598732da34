/**
 * Wrap an async function so that calls made while one is in flight share its promise instead of
 * starting another. Used for the token refresh: ten requests failing with TOKEN_EXPIRED at once
 * must cause one refresh, because the server rotates (and so invalidates) the refresh token.
 */
export function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    if (!inFlight) {
      inFlight = fn().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  };
}
