import { describe, expect, it } from 'vitest';
import type { HostPolicy } from '../../src/net/host-policy.js';
import { validateDraft } from '../../src/schedules/draft-rules.js';
import { WEBHOOK_URL_RULE, webhookUrlProblem } from '../../src/schedules/webhook-url.js';
import { validDraft } from './draft-fixtures.js';

const production: HostPolicy = { allowedHosts: [], production: true };

describe('webhookUrlProblem', () => {
  it('accepts https to a public server, by name or address', () => {
    for (const url of ['https://hooks.example.com/omni', 'https://8.8.8.8/x', 'https://[2606:4700::1111]/x']) {
      expect(webhookUrlProblem(url, production)).toBeUndefined();
    }
  });

  it('refuses each private address class, in the forms people and attackers type', () => {
    const cases: [string, RegExp][] = [
      ['https://127.0.0.1/hook', /loopback/],
      ['https://localhost:8080/hook', /loopback/],
      ['https://2130706433/hook', /loopback/],
      ['https://0x7f.1/hook', /loopback/],
      ['https://[::1]/hook', /loopback/],
      ['https://[::ffff:127.0.0.1]/hook', /loopback/],
      ['https://10.0.0.1/hook', /private network/],
      ['https://172.20.1.1/hook', /private network/],
      ['https://192.168.0.10/hook', /private network/],
      ['https://169.254.169.254/latest/meta-data', /link-local/],
      ['https://0.0.0.0/hook', /unspecified/],
      ['https://[fd00::1]/hook', /unique local/],
      ['https://[fe80::1]/hook', /link-local/],
      ['https://100.64.0.1/hook', /carrier-grade NAT/],
    ];
    for (const [url, reason] of cases) {
      expect(webhookUrlProblem(url, production), url).toMatch(reason);
      expect(webhookUrlProblem(url, production), url).toContain('OMNI_ALLOWED_HOSTS');
    }
  });

  it('allows loopback outside production (the sandbox posts to a local receiver), and listed hosts', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook')).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', production)).toMatch(/must start with https:\/\//);
    const listed: HostPolicy = { production: true, allowedHosts: [{ host: 'hooks.internal' }] };
    expect(webhookUrlProblem('http://hooks.internal/omni', listed)).toBeUndefined();
  });

  it('refuses credentials in the URL and says what the rule is', () => {
    expect(webhookUrlProblem('https://me:secret@hooks.example.com/x')).toBe(
      'The webhook URL must not contain a user name or password.',
    );
    expect(WEBHOOK_URL_RULE).toMatch(/^https:\/\/ to a public server; .*OMNI_ALLOWED_HOSTS/);
  });

  it('is what validateDraft applies, with the hosts from the rule context', () => {
    const draft = (url: string) =>
      validateDraft(validDraft({ destination: { kind: 'webhook', url } }), { hosts: production }).find(
        (error) => error.field === 'webhookUrl',
      )?.message;
    expect(draft('https://192.168.1.1/x')).toMatch(/^192\.168\.1\.1 is a private network address/);
    expect(draft('https://hooks.example.com/x')).toBeUndefined();
  });
});
