/** The cache namespace of what residents read about events; every write to an event invalidates it. */
export const EVENTS_CACHE = 'events';
/** Seat counts and the clock (an event ending, sign-up opening) change a list without an event write. */
export const EVENTS_CACHE_MS = 2_000;
