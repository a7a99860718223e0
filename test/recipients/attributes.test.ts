import { describe, expect, it } from 'vitest';
import type { UserAttribute } from '../../src/omni/index.js';
import {
  attributeValueFromText,
  checkAssignments,
  findProfileField,
  mappingProblems,
  planEmailOnlyUsers,
  profileFieldValue,
} from '../../src/recipients/index.js';

const attr = (name: string, type: string, multiple = false, system = false): UserAttribute => ({
  id: system ? '' : `id-${name}`,
  name,
  label: name.replace(/_/g, ' '),
  description: null,
  type,
  multiple_values: multiple,
  system,
});

const DEFS = [
  attr('region', 'String', true),
  attr('is_admin', 'Number'),
  attr('team_size', 'Number', true),
  attr('department', 'String'),
  attr('omni_user_timezone', 'String', false, true),
  attr('omni_user_email', 'String', false, true),
];
const def = (name: string) => DEFS.find((d) => d.name === name) as UserAttribute;

describe('attribute values against Omni’s definitions', () => {
  it('turns text into the type Omni expects: numbers, lists, strings', () => {
    expect(attributeValueFromText(def('is_admin'), '1')).toEqual({ ok: true, value: 1 });
    expect(attributeValueFromText(def('region'), 'US, EU')).toEqual({ ok: true, value: ['US', 'EU'] });
    expect(attributeValueFromText(def('region'), 'US')).toEqual({ ok: true, value: ['US'] });
    expect(attributeValueFromText(def('team_size'), '3,4')).toEqual({ ok: true, value: [3, 4] });
    expect(attributeValueFromText(def('department'), 'Sales, EMEA')).toEqual({ ok: true, value: 'Sales, EMEA' });
  });

  it('unsets with an empty value: null, or an empty list for multi-value attributes', () => {
    expect(attributeValueFromText(def('department'), '')).toEqual({ ok: true, value: null });
    expect(attributeValueFromText(def('is_admin'), ' ')).toEqual({ ok: true, value: null });
    expect(attributeValueFromText(def('region'), '')).toEqual({ ok: true, value: [] });
  });

  it('refuses a value of the wrong type, saying which', () => {
    expect(attributeValueFromText(def('is_admin'), 'yes')).toEqual({
      ok: false,
      message: '`is_admin` is a number attribute in Omni, but `yes` is not a number',
    });
    expect(attributeValueFromText(def('team_size'), '3,many').ok).toBe(false);
    expect(attributeValueFromText(def('omni_user_timezone'), 'EST')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a time zone Omni accepts; use an IANA name/),
    });
    expect(attributeValueFromText(def('omni_user_timezone'), 'Asia/Tokyo')).toEqual({ ok: true, value: 'Asia/Tokyo' });
  });

  it('checks typed assignments: unknown and system attributes are refused, labels are understood', () => {
    const checked = checkAssignments(
      [
        { name: 'region', text: 'EU' },
        { name: 'IS ADMIN', text: '0' },
        { name: 'colour', text: 'blue' },
        { name: 'omni_user_email', text: 'x@y.co' },
        { name: 'team_size', text: 'ten' },
      ],
      DEFS,
    );
    expect(checked.values).toEqual({ region: ['EU'], is_admin: 0 });
    expect(checked.problems).toEqual([
      'Omni has no user attribute `colour`. Its attributes: `region`, `is_admin`, `team_size`, `department`, `omni_user_timezone`.',
      '`omni_user_email` is a system attribute that Omni sets itself; it cannot be set on email-only users',
      '`team_size` is a number attribute in Omni, but `ten` is not a number',
    ]);
  });
});

describe('Slack profile fields', () => {
  const custom = [{ id: 'Xf01', label: 'Department' }];

  it('finds standard fields by name or alias and custom fields by id or label', () => {
    expect(findProfileField('title', custom)).toEqual({ kind: 'standard', key: 'title' });
    expect(findProfileField('Display Name', custom)).toEqual({ kind: 'standard', key: 'display_name' });
    expect(findProfileField('department', custom)).toEqual({ kind: 'custom', id: 'Xf01', label: 'Department' });
    expect(findProfileField('xf01', custom)).toEqual({ kind: 'custom', id: 'Xf01', label: 'Department' });
    expect(findProfileField('shoe size', custom)).toBeUndefined();
  });

  it('reads a field’s value from a profile', () => {
    const profile = { title: 'Head of Sales', fields: { Xf01: { value: 'EMEA', alt: '', label: 'Department' } } };
    expect(profileFieldValue(profile, 'title')).toBe('Head of Sales');
    expect(profileFieldValue(profile, 'Xf01')).toBe('EMEA');
    expect(profileFieldValue(profile, 'Department')).toBe('EMEA');
    expect(profileFieldValue(profile, 'phone')).toBeUndefined();
  });
});

describe('planning email-only users', () => {
  const people = [
    { email: 'ann@x.co', slackUserId: 'U1', tz: 'Europe/Paris', profile: { title: 'Lead', phone: '2' } },
    { email: 'bob@x.co', slackUserId: 'U2', tz: 'America/Chicago', profile: { title: 'Rep', phone: 'n/a' } },
    { email: 'cy@x.co' },
  ];

  it('sends the Slack time zone and mapped fields; a typed value wins', () => {
    const plan = planEmailOnlyUsers(people.slice(0, 1), {
      mappings: { department: 'title', is_admin: 'phone' },
      attributes: DEFS,
      explicit: { department: 'Typed' },
      fromSlack: true,
    });
    expect(plan.refused).toEqual([]);
    expect(plan.inputs).toEqual([
      {
        email: 'ann@x.co',
        userAttributes: { omni_user_timezone: 'Europe/Paris', department: 'Typed', is_admin: 2 },
      },
    ]);
  });

  it('refuses a person whose mapped value has the wrong type, before anything is sent', () => {
    const plan = planEmailOnlyUsers(people, { mappings: { is_admin: 'phone' }, attributes: DEFS, fromSlack: true });
    expect(plan.inputs.map((i) => i.email)).toEqual(['ann@x.co', 'cy@x.co']);
    expect(plan.inputs[1]).toEqual({ email: 'cy@x.co' });
    expect(plan.refused).toEqual([
      {
        email: 'bob@x.co',
        slackUserId: 'U2',
        detail:
          'not sent: their Slack `phone` is “n/a”, and `is_admin` is a number attribute in Omni, but `n/a` is not a number',
      },
    ]);
  });

  it('`users set` sends only the typed attributes', () => {
    const plan = planEmailOnlyUsers(people.slice(0, 1), {
      mappings: { department: 'title' },
      attributes: DEFS,
      explicit: { region: [] },
      fromSlack: false,
    });
    expect(plan.inputs).toEqual([{ email: 'ann@x.co', userAttributes: { region: [] } }]);
  });

  it('finds mappings to attributes Omni does not have (or cannot set)', () => {
    expect(mappingProblems({ region: 'title', gone: 'phone', omni_user_email: 'email' }, DEFS)).toEqual([
      expect.stringMatching(/^Omni has no user attribute `gone`\..*\(mapped from Slack’s `phone`\)$/),
      '`omni_user_email` is a system attribute that Omni sets itself; it cannot be set on email-only users',
    ]);
  });
});
