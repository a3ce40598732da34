import { loadConfig } from '../../common/config/env';
import { generateDataKey } from '../../common/crypto/data-cipher';
import { NotificationTopics } from './notification-topics';

const config = loadConfig({
  JWT_SECRET: 'x'.repeat(32),
  DATA_ENCRYPTION_KEYS: generateDataKey('k1'),
  WECHAT_TEMPLATE_BOOKING_CONFIRMED: 'TPL-confirm-01',
  WECHAT_TEMPLATE_BOOKING_REMINDER: 'TPL-confirm-01',
  WECHAT_TEMPLATE_EVENT_SIGNUP: 'TPL-signup-001',
  WECHAT_LONG_TERM_TEMPLATES: 'TPL-signup-001',
});
const render = async () => ({ values: [] });

describe('NotificationTopics', () => {
  it("keeps each owner's topics and template slots, in registration order", () => {
    const topics = new NotificationTopics(config);
    const confirmed = { wechat: { template: 'booking_confirmed', render } };
    topics.register('booking', {
      templates: {
        booking_confirmed: 'WECHAT_TEMPLATE_BOOKING_CONFIRMED',
        booking_reminder: 'WECHAT_TEMPLATE_BOOKING_REMINDER',
        booking_changed: 'WECHAT_TEMPLATE_BOOKING_CHANGED',
      },
      topics: { confirmed, reminder_two_hours: { wechat: { template: 'booking_reminder', render } } },
    });
    topics.register('event', { templates: { signup: 'WECHAT_TEMPLATE_EVENT_SIGNUP' }, topics: {} });
    expect(topics.handler('booking.confirmed')).toBe(confirmed);
    expect(topics.handler('booking.cancelled')).toBeUndefined();
    expect(topics.template('booking_changed')).toBeUndefined();
    expect(topics.template('nobody')).toBeUndefined();
    // Unset slots are left out; a template shared by two slots is listed under each (the subscription status reports it once).
    expect(topics.configured().map((c) => [c.slot, c.template.id])).toEqual([
      ['booking_confirmed', 'TPL-confirm-01'],
      ['booking_reminder', 'TPL-confirm-01'],
      ['signup', 'TPL-signup-001'],
    ]);
    expect([topics.isLongTerm('TPL-signup-001'), topics.isLongTerm('TPL-confirm-01')]).toEqual([true, false]);
  });

  it('refuses a declaration that could not work, at start', () => {
    const topics = new NotificationTopics(config);
    topics.register('booking', {
      templates: { booking_confirmed: 'WECHAT_TEMPLATE_BOOKING_CONFIRMED' },
      topics: { confirmed: { wechat: { template: 'booking_confirmed', render } } },
    });
    expect(() => topics.register('booking', { topics: { confirmed: {} } })).toThrow('notification topic "booking.confirmed" is registered twice');
    expect(() => topics.register('other', { templates: { booking_confirmed: 'WECHAT_TEMPLATE_EVENT_SIGNUP' }, topics: {} })).toThrow(
      'template slot "booking_confirmed" is registered twice',
    );
    expect(() => topics.register('other', { topics: { sent: { wechat: { template: 'no_such_slot', render } } } })).toThrow(
      'uses the unknown template slot "no_such_slot"',
    );
    expect(() => topics.register('Other', { topics: {} })).toThrow('must be lower-case');
    expect(() => topics.register('other', { topics: { 'a.b': {} } })).toThrow('kind in lower-case');
    expect(() => topics.register('other', { topics: { ['x'.repeat(48)]: {} } })).toThrow('48 characters at most');
  });
});
