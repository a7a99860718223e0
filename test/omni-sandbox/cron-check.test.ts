import { describe, expect, it } from 'vitest';
import { isValidAwsCron } from '../../src/omni-sandbox/cron-check.js';

describe('isValidAwsCron (AWS 6-field syntax)', () => {
  it.each([
    '0 9 ? * * *',
    '30 6 L * ? *',
    '45 8 ? * MON-FRI *',
    '0 9 ? * MON *',
    '0 */6 * * ? *',
    '00 09 ? * 2,3,4,5,6 *',
    '0 0 1 1 ? 2099',
    '15 10 ? * 6L 2025-2030',
    '0 12 ? * 2#1 *',
    '0 8 15W * ? *',
    '0 8 LW * ? *',
    '0/15 * ? JAN-MAR,DEC SUN *',
  ])('accepts %s', (expr) => {
    expect(isValidAwsCron(expr)).toBe(true);
  });

  it.each([
    ['0 9 * * MON', 'five fields'],
    ['0 9 * * MON * *', 'seven fields'],
    ['0 9 * * MON *', 'neither day field is ?'],
    ['0 9 ? * ? *', 'both day fields are ?'],
    ['60 9 ? * * *', 'minute out of range'],
    ['0 24 ? * * *', 'hour out of range'],
    ['0 9 32 * ? *', 'day of month out of range'],
    ['0 9 ? 13 * *', 'month out of range'],
    ['0 9 ? * 8 *', 'day of week out of range'],
    ['0 9 ? * FUNDAY *', 'unknown day name'],
    ['0 9 ? * 5-2 *', 'backwards range'],
    ['0 */0 ? * * *', 'zero step'],
    ['0 9 ? * 2#6 *', 'no sixth weekday'],
    ['0 9 L * L *', 'L in both day fields'],
    ['', 'empty'],
  ])('rejects %s (%s)', (expr) => {
    expect(isValidAwsCron(expr)).toBe(false);
  });
});
