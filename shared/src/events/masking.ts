/**
 * What the offline check-in kit shows of a person: enough for staff to recognise someone standing in
 * front of them, not enough to be a useful list of names and numbers if a phone is lost.
 */

/** 张三 -> 张*, 张小明 -> 张*明, 欧阳小明 -> 欧**明; blank stays null. */
export function maskName(name: string | null | undefined): string | null {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return null;
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The last four digits of a phone number, or null when there are fewer. */
export function phoneLast4(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** 13800138000 -> 138****8000, for staff who check people in but do not organise the event. */
export function maskPhone(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 7) return digits ? '*'.repeat(digits.length) : null;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
