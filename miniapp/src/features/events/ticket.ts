import { maskName, maskPhone, type MyRegistration } from '@xinqiao/shared';

/**
 * Who the ticket is for, masked: enough for staff to match a face and a number, not a full name
 * and number on a screen someone else may see. Falls back to the nickname when the event did not
 * ask for a name.
 */
export function ticketHolder(reg: Pick<MyRegistration, 'name' | 'phone'>, nickname: string | null): { name: string | null; phone: string | null } {
  return { name: maskName(reg.name) ?? maskName(nickname), phone: maskPhone(reg.phone) };
}
