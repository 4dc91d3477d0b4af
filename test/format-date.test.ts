import { expect } from '@open-wc/testing';
import { formatDate } from '../src/core/locale/locale.js';

// formatDate writes out for zh-CN and en what Intl.DateTimeFormat's medium date and short time
// print, without creating a formatter (which loads locale data on the main thread). It must
// agree with this browser's Intl on every kind of date, in the zone the date was written in.
const samples = (): string[] => {
  const values = ['2025-06-10', '2025-06-10T20:53:04+08:00', '2025-01-01T00:00:00Z', '2024-02-29T12:00:00-05:30', '1999-12-31T23:59:59Z'];
  // Every month, every hour of the day, both halves of an hour: midnight and noon included.
  for (let i = 0; i < 24 * 12; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const hour = String(i % 24).padStart(2, '0');
    values.push(`2026-${month}-${String((i % 28) + 1).padStart(2, '0')}T${hour}:${i % 2 ? '05' : '30'}:00Z`);
  }
  return values;
};

describe('formatDate', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`prints what Intl.DateTimeFormat prints in ${locale}, with and without the time`, () => {
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
      const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
      for (const value of samples()) {
        // The wall clock the date was written in, as UTC (what formatDate shows).
        const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
        const shift = offset ? (offset[1] === '-' ? -1 : 1) * (+offset[2] * 60 + +offset[3]) * 60_000 : 0;
        const wall = new Date(value).getTime() + shift;
        expect(formatDate(value, locale), value).to.equal(date.format(wall));
        expect(formatDate(value, locale, true), value).to.equal(dateTime.format(wall));
      }
    });
  }

  it('gives nothing for what is not a date', () => {
    expect(['', undefined, 'yesterday', '2025-13-45'].map((value) => formatDate(value, 'en'))).to.deep.equal(['', '', '', '']);
  });
});
