import type { EventKind, EventSpeaker, PlaceType, PopulationGroup, RegistrationField } from '@xinqiao/shared';
import type { EntityManager } from 'typeorm';
import { OutreachEvent } from '../entities/event.entity';
import { HostUnit } from '../entities/host-unit.entity';

type RegionRef = { id: number; path: string };

export interface DemoHostUnitSeed {
  name: string;
  placeType: PlaceType;
  region: RegionRef;
  staffCount: number | null;
}

export interface DemoEventSeed {
  title: string;
  kind: EventKind;
  placeType: PlaceType;
  region: RegionRef;
  /** Name of one of the host units. */
  hostUnit: string | null;
  venue: { name: string; address: string; lat: number; lng: number };
  startsAt: Date;
  minutes: number;
  capacity: number;
  requiredFields: RegistrationField[];
  audiences: PopulationGroup[];
  description: string;
  speakers: EventSpeaker[];
  organiser: { id: number; displayName: string };
}

/** The demo host units and published events (each once), in the caller's transaction. */
export async function seedDemoEvents(tx: EntityManager, units: DemoHostUnitSeed[], events: DemoEventSeed[], offerHours: number): Promise<void> {
  for (const { region, ...u } of units) {
    if (await tx.getRepository(HostUnit).exists({ where: { regionId: region.id, name: u.name } })) continue;
    await tx.getRepository(HostUnit).insert({ ...u, regionId: region.id, regionPath: region.path });
  }
  const now = new Date();
  for (const e of events) {
    if (await tx.getRepository(OutreachEvent).exists({ where: { title: e.title } })) continue;
    const unit = e.hostUnit ? await tx.getRepository(HostUnit).findOneByOrFail({ name: e.hostUnit }) : null;
    await tx.getRepository(OutreachEvent).save(
      tx.getRepository(OutreachEvent).create({
        title: e.title,
        kind: e.kind,
        placeType: e.placeType,
        status: 'published',
        hostUnitId: unit?.id ?? null,
        regionId: e.region.id,
        regionPath: e.region.path,
        venueName: e.venue.name,
        venueAddress: e.venue.address,
        venueLat: e.venue.lat,
        venueLng: e.venue.lng,
        startsAt: e.startsAt,
        endsAt: new Date(e.startsAt.getTime() + e.minutes * 60_000),
        signupOpensAt: null,
        signupClosesAt: null,
        cancelClosesAt: new Date(e.startsAt.getTime() - 24 * 3_600_000),
        capacity: e.capacity,
        waitlistEnabled: true,
        offerHours,
        requiredFields: e.requiredFields,
        audiences: e.audiences,
        description: e.description,
        speakers: e.speakers,
        coverUrl: null,
        quizId: null,
        campaignId: null,
        cancelReason: null,
        publishedAt: now,
        cancelledAt: null,
        createdById: e.organiser.id,
        createdByName: e.organiser.displayName,
      }),
    );
  }
}
