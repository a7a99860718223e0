// Signatures checked by Bolt's own verifier, and payload builders checked against the UI they click.
import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  blockActionPayload,
  blockSuggestionPayload,
  commandFields,
  eventEnvelope,
  nowSeconds,
  signedHeaders,
  slackSignature,
  viewSubmissionPayload,
} from '../../src/fake-slack/signing.js';

const verify = (rawBody: string, headers: { 'x-slack-signature': string; 'x-slack-request-timestamp': string }) =>
  verifySlackRequest({
    signingSecret: 'test-secret',
    body: rawBody,
    headers: {
      'x-slack-signature': headers['x-slack-signature'],
      'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
    },
  });

describe('signatures', () => {
  it("matches the worked example in Slack's request-verification docs", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it("round-trips through Bolt's verifySlackRequest over the exact raw body", () => {
    const body = new URLSearchParams(
      commandFields({ user_id: 'U1', response_url: 'x', trigger_id: 't', text: 'list a&b=c' }),
    ).toString();
    expect(() => verify(body, signedHeaders('test-secret', body))).not.toThrow();
    expect(() => verify(`${body} `, signedHeaders('test-secret', body))).toThrow(/signature mismatch/);
    expect(() => verify(body, signedHeaders('other-secret', body))).toThrow(/signature mismatch/);
    expect(() => verify(body, signedHeaders('test-secret', body, nowSeconds() - 6 * 60))).toThrow(/stale/);
  });
});

describe('payload builders', () => {
  const card = {
    ts: '1700000000.000100',
    text: 'Weekly revenue',
    blocks: [
      { type: 'section', block_id: 'summary', text: { type: 'mrkdwn', text: '*Weekly revenue*' } },
      {
        type: 'actions',
        block_id: 'card_actions',
        elements: [
          {
            type: 'button',
            action_id: 'run_now_button',
            text: { type: 'plain_text', text: 'Run now' },
            value: 'sched-1',
          },
          {
            type: 'overflow',
            action_id: 'more_menu',
            options: [
              { text: { type: 'plain_text', text: 'Pause' }, value: 'pause' },
              { text: { type: 'plain_text', text: 'Delete' }, value: 'delete' },
            ],
          },
        ],
      },
    ],
  };

  it('fills slash command fields with the fake workspace defaults', () => {
    expect(commandFields({ user_id: 'U1', response_url: 'http://r', trigger_id: 't1', text: 'list' })).toMatchObject({
      command: '/schedule',
      text: 'list',
      user_id: 'U1',
      team_id: 'T00000001',
      team_domain: 'acme',
      api_app_id: 'A00000001',
      is_enterprise_install: 'false',
      response_url: 'http://r',
      trigger_id: 't1',
    });
  });

  it('builds a button click from the card the app posted', () => {
    const payload = blockActionPayload({
      actionId: 'run_now_button',
      value: 'sched-1',
      user: { id: 'U1', name: 'ada' },
      channel: 'C0000REP1',
      message: card,
      triggerId: 'trig',
      responseUrl: 'http://r',
    });
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U1', username: 'ada', team_id: 'T00000001' },
      team: { id: 'T00000001', domain: 'acme' },
      container: { type: 'message', message_ts: card.ts, channel_id: 'C0000REP1' },
      channel: { id: 'C0000REP1' },
      message: { ts: card.ts, blocks: card.blocks },
      response_url: 'http://r',
      trigger_id: 'trig',
      actions: [
        {
          type: 'button',
          action_id: 'run_now_button',
          block_id: 'card_actions',
          value: 'sched-1',
          text: { text: 'Run now' },
        },
      ],
    });
  });

  it('chooses overflow options by value and refuses elements the UI does not have', () => {
    const payload = blockActionPayload({
      actionId: 'more_menu',
      value: 'pause',
      user: 'U1',
      message: card,
      triggerId: 't',
    });
    expect((payload.actions as unknown[])[0]).toMatchObject({
      type: 'overflow',
      selected_option: { text: { type: 'plain_text', text: 'Pause' }, value: 'pause' },
    });
    expect(() =>
      blockActionPayload({ actionId: 'more_menu', value: 'archive', user: 'U1', message: card, triggerId: 't' }),
    ).toThrow(/Option "archive" is not offered by more_menu \(offers: pause, delete\)/);
    expect(() =>
      blockActionPayload({ actionId: 'run_now_button', value: 'sched-2', user: 'U1', message: card, triggerId: 't' }),
    ).toThrow(
      /No element with action_id "run_now_button" and value "sched-2" in the message; it has: card_actions\/run_now_button=sched-1/,
    );
  });

  it('submits a view with every input in state, simple values shaped by element type', () => {
    const view = {
      id: 'V1',
      callback_id: 'schedule_form_view',
      private_metadata: '{"channel":"C1"}',
      hash: 'h1',
      blocks: [
        {
          type: 'input',
          block_id: 'name',
          label: { type: 'plain_text', text: 'Name' },
          element: { type: 'plain_text_input', action_id: 'value' },
        },
        {
          type: 'input',
          block_id: 'format',
          label: { type: 'plain_text', text: 'Format' },
          element: {
            type: 'static_select',
            action_id: 'value',
            options: [{ text: { type: 'plain_text', text: 'PDF' }, value: 'PDF' }],
          },
        },
        {
          type: 'input',
          block_id: 'people',
          optional: true,
          label: { type: 'plain_text', text: 'People' },
          element: { type: 'multi_users_select', action_id: 'value' },
        },
      ],
    };
    const payload = viewSubmissionPayload({
      view,
      user: 'U1',
      values: { name: { value: 'Weekly' }, format: { value: 'PDF' } },
    });
    expect(payload).toMatchObject({
      type: 'view_submission',
      view: {
        id: 'V1',
        callback_id: 'schedule_form_view',
        private_metadata: '{"channel":"C1"}',
        hash: 'h1',
        state: {
          values: {
            name: { value: { type: 'plain_text_input', value: 'Weekly' } },
            format: { value: { type: 'static_select', selected_option: { value: 'PDF', text: { text: 'PDF' } } } },
            people: { value: { type: 'multi_users_select', selected_users: [] } },
          },
        },
      },
    });
  });

  it('builds block_suggestion and event envelopes like Slack', () => {
    const view = {
      id: 'V2',
      blocks: [
        {
          type: 'input',
          block_id: 'dash',
          label: { type: 'plain_text', text: 'Dashboard' },
          element: { type: 'external_select', action_id: 'dashboard_select' },
        },
      ],
    };
    expect(blockSuggestionPayload({ actionId: 'dashboard_select', value: 'rev', user: 'U1', view })).toMatchObject({
      type: 'block_suggestion',
      action_id: 'dashboard_select',
      block_id: 'dash',
      value: 'rev',
      container: { type: 'view', view_id: 'V2' },
    });
    expect(eventEnvelope({ type: 'app_home_opened', user: 'U1', tab: 'home' })).toMatchObject({
      type: 'event_callback',
      team_id: 'T00000001',
      api_app_id: 'A00000001',
      event: { type: 'app_home_opened', user: 'U1' },
      event_id: expect.stringMatching(/^Ev/),
      authorizations: [{ team_id: 'T00000001', user_id: 'U0000B0T1', is_bot: true, is_enterprise_install: false }],
    });
  });
});
