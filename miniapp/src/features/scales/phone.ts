/** Mainland China mobile numbers: 11 digits starting 13-19. */
export const MAINLAND_MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** What residents type: spaces and hyphens between groups, sometimes a +86 / 86 prefix. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s-]/g, '');
  const withoutCountry = compact.replace(/^(\+?86)(?=1\d{10}$)/, '');
  return withoutCountry;
}

export function isMainlandMobile(input: string): boolean {
  return MAINLAND_MOBILE_PATTERN.test(normalizePhone(input));
}
