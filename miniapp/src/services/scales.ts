import type { Hotline, MyScaleResponse, Page, ScaleDefinition, ScaleResponseInput, ScaleResponseResult, ScaleSummary } from '@xinqiao/shared';
import { call } from './request';

/** Signed-in residents get the scales fitting their age band and group unless `all`. */
export function listScales(all: boolean, options: { toast?: boolean } = {}): Promise<ScaleSummary[]> {
  return call('GET', '/scales', { params: { query: { all: all || undefined } }, auth: 'optional', toast: options.toast });
}

// Intro and take page ask for the same definition one after the other; a scale version never
// changes once published, so the answer can be reused for the session.
const definitions = new Map<string, ScaleDefinition>();

export async function getScale(code: string, options: { fresh?: boolean } = {}): Promise<ScaleDefinition> {
  const cached = definitions.get(code);
  if (cached && !options.fresh) return cached;
  const def: ScaleDefinition = await call('GET', '/scales/{code}', { params: { path: { code } }, auth: 'none', toast: false });
  definitions.set(code, def);
  return def;
}

export function forgetScaleDefinitions(): void {
  definitions.clear();
}

/**
 * `save` answers belong to the signed-in resident. Anonymous answers go without the account token,
 * so nothing ties them to the resident (the consent promises exactly that).
 */
export function submitResponse(code: string, input: ScaleResponseInput): Promise<ScaleResponseResult> {
  return call('POST', '/scales/{code}/responses', {
    params: { path: { code } },
    body: input,
    auth: input.consent.mode === 'save' ? 'required' : 'none',
    toast: false,
  });
}

export function listMyResponses(page: number, pageSize: number, options: { toast?: boolean } = {}): Promise<Page<MyScaleResponse>> {
  return call('GET', '/me/responses', { params: { query: { page, pageSize } }, auth: 'required', toast: options.toast });
}

export function getMyResponse(id: number): Promise<ScaleResponseResult> {
  return call('GET', '/me/responses/{id}', { params: { path: { id } }, auth: 'required', toast: false });
}

export function deleteMyResponse(id: number): Promise<void> {
  return call('DELETE', '/me/responses/{id}', { params: { path: { id } }, auth: 'required' });
}

/** Without `regionId` the server uses the signed-in resident's region (national lines only when unknown). */
export function listHotlines(regionId: number | null | undefined, options: { toast?: boolean } = {}): Promise<Hotline[]> {
  return call('GET', '/hotlines', { params: { query: { regionId: regionId ?? undefined } }, auth: 'optional', toast: options.toast });
}
