import { DEFAULT_NARROW_SPECIALTIES } from '@eer/contract';
import { now, settings } from './config';

describe('app settings', () => {
  it('defaults: no SMS or SMTP, the contract’s narrow list, 14 nearest days', () => {
    expect(settings({})).toEqual({
      sms: null,
      smtp: null,
      mailFrom: 'eer122@localhost.localdomain',
      narrowSpecialtyCodes: DEFAULT_NARROW_SPECIALTIES.map((s) => s.code),
      nearestDays: 14,
      fixedNow: undefined,
    });
  });

  it('reads every setting, empty strings as unset', () => {
    const s = settings({
      SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms/',
      SMTP_HOST: 'smtp.local',
      SMTP_PORT: '2525',
      SMTP_USER: '',
      EER_MAIL_FROM: 'noreply@eer122.ru',
      EER_NARROW_SPECIALTIES: ' surgeon , dentist,,',
      EER_NEAREST_DAYS: '7',
      EER_NOW: '2026-05-12T21:00:00+03:00',
    });
    expect(s.sms).toEqual({ url: 'http://127.0.0.1:9/sms', token: undefined });
    expect(s.smtp).toEqual({ host: 'smtp.local', port: 2525, secure: false, user: undefined, password: undefined });
    expect(s.narrowSpecialtyCodes).toEqual(['surgeon', 'dentist']);
    expect(s.nearestDays).toBe(7);
    expect(now({ EER_NOW: '2026-05-12T21:00:00+03:00' }).toISOString()).toBe('2026-05-12T18:00:00.000Z');
  });

  it('names a malformed setting without its value', () => {
    expect(() => settings({ SMTP_PORT: 'secret-ish', SMS_GATEWAY_URL: 'not a url' })).toThrow(/^Invalid app settings: SMS_GATEWAY_URL, SMTP_PORT$/);
  });
});
