import { EVENT_REGISTRATION_CONSENT_VERSION, type EventInput } from '@xinqiao/shared';
import { randomUUID } from 'crypto';
import { REGION, type TestApp } from './test-app';

const HOUR = 3_600_000;

/** An instant `hours` from now, as the API takes it. */
export const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** A valid event: a lecture in 胜利路's 萱花社区 three days from now, 90 minutes, 10 seats. */
export function eventInput(regionId: number, over: Partial<EventInput> = {}): EventInput {
  return {
    title: '情绪与睡眠讲座',
    kind: 'lecture',
    placeType: 'community',
    hostUnitId: null,
    regionId,
    venue: { name: '萱花社区活动中心', address: '萱花路 12 号', location: { lat: 29.35, lng: 105.92 } },
    startsAt: inHours(72),
    endsAt: inHours(73.5),
    capacity: 10,
    waitlistEnabled: true,
    requiredFields: [],
    audiences: ['employee'],
    description: '讲座介绍',
    speakers: [{ name: '李老师', title: '心理咨询师', bio: null }],
    ...over,
  };
}

/** Creates and publishes an event as `staffToken`; answers its id. */
export async function publishedEvent(t: TestApp, staffToken: string, over: Partial<EventInput> = {}, regionCode = REGION.communityA1): Promise<number> {
  const created = await t.post('/api/v1/admin/events', eventInput(await t.regionId(regionCode), over), staffToken);
  if (created.status !== 201) throw new Error(`create event failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await t.post(`/api/v1/admin/events/${created.body.id}/publish`, undefined, staffToken);
  if (published.status !== 200) throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.id;
}

/** A signed-in resident living in `communityCode`. */
export async function residentIn(t: TestApp, openid: string, communityCode = REGION.communityA1): Promise<string> {
  const token = await t.residentToken(openid);
  const res = await t.patch('/api/v1/me', { regionId: await t.regionId(communityCode) }, token);
  if (res.status !== 200) throw new Error(`profile failed: ${res.status}`);
  return token;
}

/** A sign-up body with the current consent. */
export function signUp(over: Record<string, unknown> = {}) {
  return { consentVersion: EVENT_REGISTRATION_CONSENT_VERSION, clientRequestId: randomUUID(), ...over };
}
