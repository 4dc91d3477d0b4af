// Server rendering prints dates with the same code as the browser; it agrees with Node's Intl
// (what the browser test checks against the browser's), so server and browser print the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate } from '../../dist/core/locale/locale.js';

test("formatDate prints what Node's Intl.DateTimeFormat prints, in zh-CN and en", () => {
  for (const locale of ['zh-CN', 'en']) {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    for (let i = 0; i < 24 * 12; i++) {
      const value = `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:0${i % 10}:00Z`;
      assert.equal(formatDate(value, locale), date.format(new Date(value)), value);
      assert.equal(formatDate(value, locale, true), dateTime.format(new Date(value)), value);
    }
    // Written at +08:00: shown at the newsroom's wall clock, whatever the server's zone.
    assert.equal(formatDate('2025-06-10T20:53:04+08:00', locale, true), dateTime.format(new Date('2025-06-10T20:53:04Z')));
  }
});
