import { CONSENT_MODES, GUARDIAN_RELATIONS, AGE_BANDS, type AgeBand, type ScaleConsentInput } from '@xinqiao/shared';
import { STORAGE_PREFIXES, readStorage, removeStorage, writeStorage } from '../../services/storage';
import { isUuidV4 } from './uuid';

/** Bump when the stored shape changes; older drafts are then dropped instead of misread. */
export const DRAFT_SHAPE = 1;
/**
 * Drafts older than this are dropped: most scales ask about "the last two weeks", so older answers
 * describe another period, and the draft keeps contact details on the device.
 */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** An attempt in progress, kept in storage after every answer so it survives closing the app. */
export interface ScaleDraft {
  shape: typeof DRAFT_SHAPE;
  code: string;
  scaleVersion: number;
  /** Made once per attempt; reused by every retry so the server stores the attempt only once. */
  clientRequestId: string;
  consent: ScaleConsentInput;
  ageBand?: AgeBand;
  regionId?: number;
  /** item id -> option value */
  answers: Record<string, number>;
  /** Item on screen (0-based); items.length = the submit screen. */
  index: number;
  startedAt: string;
  updatedAt: string;
}

export function draftStorageKey(code: string): string {
  return `${STORAGE_PREFIXES.scaleDraft}${code}`;
}

export function newDraft(args: {
  code: string;
  scaleVersion: number;
  clientRequestId: string;
  consent: ScaleConsentInput;
  ageBand?: AgeBand;
  regionId?: number;
  now?: Date;
}): ScaleDraft {
  const at = (args.now ?? new Date()).toISOString();
  const draft: ScaleDraft = {
    shape: DRAFT_SHAPE,
    code: args.code,
    scaleVersion: args.scaleVersion,
    clientRequestId: args.clientRequestId,
    consent: args.consent,
    answers: {},
    index: 0,
    startedAt: at,
    updatedAt: at,
  };
  if (args.ageBand) draft.ageBand = args.ageBand;
  if (args.regionId !== undefined) draft.regionId = args.regionId;
  return draft;
}

export function withAnswer(draft: ScaleDraft, itemId: string, value: number, nextIndex: number, now = new Date()): ScaleDraft {
  return { ...draft, answers: { ...draft.answers, [itemId]: value }, index: nextIndex, updatedAt: now.toISOString() };
}

export function withIndex(draft: ScaleDraft, index: number, now = new Date()): ScaleDraft {
  return { ...draft, index, updatedAt: now.toISOString() };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

function isConsent(v: unknown): v is ScaleConsentInput {
  if (!isObject(v)) return false;
  if (!CONSENT_MODES.includes(v.mode as never) || typeof v.followUp !== 'boolean' || !isPositiveInt(v.version)) return false;
  if (v.followUp && (v.mode !== 'save' || typeof v.contactPhone !== 'string')) return false;
  if (v.contactName !== undefined && typeof v.contactName !== 'string') return false;
  if (v.guardian !== undefined) {
    if (!isObject(v.guardian) || typeof v.guardian.name !== 'string' || !GUARDIAN_RELATIONS.includes(v.guardian.relation as never)) return false;
  }
  return true;
}

function isAnswers(v: unknown): v is Record<string, number> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isInteger(x));
}

/**
 * A stored value as a draft for `code`, or null when it is missing, malformed, for another scale or
 * too old. The scale version is checked by the caller against the definition it loaded.
 */
export function parseDraft(raw: unknown, code: string, now = Date.now()): ScaleDraft | null {
  if (!isObject(raw)) return null;
  if (raw.shape !== DRAFT_SHAPE || raw.code !== code || !isPositiveInt(raw.scaleVersion)) return null;
  if (!isUuidV4(raw.clientRequestId) || !isConsent(raw.consent) || !isAnswers(raw.answers)) return null;
  if (typeof raw.index !== 'number' || !Number.isInteger(raw.index) || raw.index < 0) return null;
  if (!isDate(raw.startedAt) || !isDate(raw.updatedAt)) return null;
  if (now - Date.parse(raw.updatedAt) > DRAFT_MAX_AGE_MS) return null;
  if (raw.ageBand !== undefined && !AGE_BANDS.includes(raw.ageBand as never)) return null;
  if (raw.regionId !== undefined && !isPositiveInt(raw.regionId)) return null;
  return raw as unknown as ScaleDraft;
}

export type DraftLookup =
  | { status: 'none' }
  | { status: 'found'; draft: ScaleDraft }
  /** A draft existed but was made for another version of the scale; it has been discarded. */
  | { status: 'outdated' };

/** The stored draft for this scale version; anything unusable is removed on the way. */
export function loadDraft(code: string, scaleVersion: number, now = Date.now()): DraftLookup {
  const raw = readStorage<unknown>(draftStorageKey(code));
  if (raw === null) return { status: 'none' };
  const draft = parseDraft(raw, code, now);
  if (!draft) {
    removeStorage(draftStorageKey(code));
    return { status: 'none' };
  }
  if (draft.scaleVersion !== scaleVersion) {
    removeStorage(draftStorageKey(code));
    return { status: 'outdated' };
  }
  return { status: 'found', draft };
}

/** Whether a usable draft exists, without knowing the current version (for the list's badge). */
export function hasDraft(code: string, now = Date.now()): boolean {
  return parseDraft(readStorage<unknown>(draftStorageKey(code)), code, now) !== null;
}

export function saveDraft(draft: ScaleDraft): void {
  writeStorage(draftStorageKey(draft.code), draft);
}

export function clearDraft(code: string): void {
  removeStorage(draftStorageKey(code));
}
