import { describe, expect, it } from 'vitest';
import { OmniApiError } from '../../src/omni/index.js';
import { everyRendering, rejectionOf, SCHEDULE_ID, useScriptedOmni } from './support.js';

describe('OmniClient does not follow redirects', () => {
  const omni = useScriptedOmni();

  it('reports a redirect as such, naming where it pointed, without the body and without a second request', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      omni.server.requests.length = 0;
      omni.server.reply({
        status,
        headers: { location: 'https://collector.example/steal?from=omni' },
        text: '<html>Moved: log in again at https://collector.example</html>',
      });
      const error = await rejectionOf(omni.client.pauseSchedule(SCHEDULE_ID));
      expect(error).toBeInstanceOf(OmniApiError);
      expect(error).toMatchObject({
        status,
        detail:
          'Omni redirected this request to https://collector.example; redirects are not followed. Check the Omni URL.',
        attempts: 1,
      });
      expect(everyRendering(error)).not.toMatch(/log in again|steal/);
      // Only the request to Omni itself: the redirect target never received the key.
      expect(omni.server.requests).toHaveLength(1);
    }
  });

  it('is not fooled by a redirect back to the same server, and is not retried', async () => {
    omni.server.reply({ status: 307, headers: { location: `${omni.server.url}/api/v1/schedules` } });
    const error = await rejectionOf(omni.client.listSchedules());
    expect(error).toMatchObject({
      status: 307,
      detail: expect.stringMatching(/^Omni redirected this request to http:\/\/127\.0\.0\.1:\d+;/),
    });
    expect(omni.server.requests).toHaveLength(1);
  });

  it('says only that Omni redirected when the Location is relative or missing', async () => {
    omni.server.reply({ status: 302, headers: { location: '/login' } }, { status: 302 });
    const relative = await rejectionOf(omni.client.listSchedules());
    expect(relative).toMatchObject({
      detail: 'Omni redirected this request; redirects are not followed. Check the Omni URL.',
    });
    const missing = await rejectionOf(omni.client.listSchedules());
    expect(missing).toMatchObject({ status: 302, detail: expect.stringMatching(/^Omni redirected this request;/) });
  });
});
