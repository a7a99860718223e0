import { describe, expect, it } from 'vitest';
import { isUuid, parseScheduleRef } from '../../src/schedules/schedule-id.js';

const ID = '2abba91d-9bec-41a0-8a8d-6f133b4ff0b7';

describe('parseScheduleRef', () => {
  it('accepts a UUID, any case, and returns it lower-cased', () => {
    expect(parseScheduleRef(ID)).toEqual({ ok: true, id: ID });
    expect(parseScheduleRef(`  ${ID.toUpperCase()} `)).toEqual({ ok: true, id: ID });
  });

  it("accepts the schedule's URL in Omni's UI", () => {
    expect(parseScheduleRef(`https://blobsrus.omniapp.co/dashboards/e23ebaa0/schedules/${ID}`)).toEqual({
      ok: true,
      id: ID,
    });
    expect(parseScheduleRef(`https://blobsrus.omniapp.co/dashboards/e23ebaa0/schedules/${ID}/`)).toEqual({
      ok: true,
      id: ID,
    });
    expect(parseScheduleRef(`https://blobsrus.omniapp.co/schedules/${ID}?tab=history#x`)).toEqual({ ok: true, id: ID });
  });

  it('accepts the URL as Slack wraps it, with or without a label', () => {
    const url = `https://blobsrus.omniapp.co/dashboards/e23ebaa0/schedules/${ID}`;
    expect(parseScheduleRef(`<${url}>`)).toEqual({ ok: true, id: ID });
    expect(parseScheduleRef(`<${url}|Weekly sales>`)).toEqual({ ok: true, id: ID });
  });

  it('accepts a scheduleId query parameter', () => {
    expect(parseScheduleRef(`https://x.omniapp.co/dashboards/abc?scheduleId=${ID}`)).toEqual({ ok: true, id: ID });
  });

  it('refuses a URL that does not name a schedule, saying where the id is', () => {
    const result = parseScheduleRef('https://blobsrus.omniapp.co/dashboards/e23ebaa0');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('/schedules/') });
  });

  it('refuses other text, quoting it without anything Slack would interpret', () => {
    expect(parseScheduleRef('weekly')).toEqual({
      ok: false,
      error: expect.stringMatching(/^`weekly` is not a schedule id/),
    });
    const mention = parseScheduleRef('<!channel>');
    expect(mention.ok).toBe(false);
    if (!mention.ok) expect(mention.error).not.toMatch(/[<>]/);
  });

  it('asks for an id when none is given', () => {
    expect(parseScheduleRef('')).toEqual({ ok: false, error: 'Give a schedule id: its UUID or its Omni URL.' });
    expect(parseScheduleRef(undefined).ok).toBe(false);
  });

  it('does not accept near-UUIDs', () => {
    expect(isUuid(ID.slice(1))).toBe(false);
    expect(isUuid(`${ID}0`)).toBe(false);
    expect(parseScheduleRef(ID.replace(/-/g, '')).ok).toBe(false);
  });
});
