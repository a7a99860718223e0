// The connect modal's submission. Slack wants the answer within 3 s and only that answer can put an error
// on a field, so the key is checked with Omni inside the ack window: one attempt, bounded so the whole
// handler stays under ~2.7 s. A slow Omni gets "did not answer in time" on the URL field; the user submits
// again. (The alternative, acking "Checking…" and updating the view later, cannot mark a field and would
// need the key echoed back into the view to keep the form filled.)
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { checkOmniBaseUrl } from '../../../connections/base-url.js';
import { checkOmniConnection } from '../../../connections/check-connection.js';
import { ActionIds, BlockIds } from '../../../ids.js';
import type { HostPolicy } from '../../../net/host-policy.js';
import { workspaceKey } from '../../../store/index.js';
import { forgetOrganizationCaches } from '../../connection-change.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { accessRefusal } from '../../permissions.js';
import { buildConnectedModal, DEFAULT_RATE_LIMIT, MAX_RATE_LIMIT } from '../../ui/connection.js';

/** Everything before the ack must finish by then (Slack's limit is 3 s, network included). */
export const CONNECT_ACK_BUDGET_MS = 2_700;
/** The shortest Omni check worth trying when users.info was slow. */
const MIN_CHECK_MS = 800;

type Values = ViewSubmitAction['view']['state']['values'];

export function connectViewCallback(options: { fetch?: typeof fetch } = {}) {
  return async (args: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const { ack, view, logger } = args;
    const interaction = interactionOf(args);
    const { deps, scope, userId } = interaction;
    const started = Date.now();
    const fieldError = (field: 'baseUrl' | 'apiKey', message: string) =>
      ack({
        response_action: 'errors',
        errors: { [field === 'baseUrl' ? BlockIds.omniBaseUrlInput : BlockIds.omniApiKeyInput]: message },
      });
    const audit = (outcome: 'ok' | 'refused' | 'failed', detail?: string) =>
      deps.audit.record({ workspace: workspaceKey(scope), user: userId, action: 'connect', outcome, detail });

    const form = readForm(view.state.values, deps.config.omniHosts);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }

    try {
      // The person may have lost admin rights since the modal opened.
      const refusal = accessRefusal(await interaction.actor(), 'admin');
      if (refusal) {
        audit('refused', 'not an admin or owner');
        await fieldError('baseUrl', refusal);
        return;
      }

      const timeoutMs = Math.max(MIN_CHECK_MS, CONNECT_ACK_BUDGET_MS - (Date.now() - started));
      const check = await checkOmniConnection(form.baseUrl, form.apiKey, {
        timeoutMs,
        hosts: deps.config.omniHosts,
        ...(options.fetch && { fetch: options.fetch }),
      });
      if (!check.ok) {
        if (check.unexpected) logger.error('connect: the Omni check failed unexpectedly:', check.unexpected);
        audit('refused', check.message);
        await fieldError(check.field, check.message);
        return;
      }

      await deps.store.connections.save(scope, {
        baseUrl: form.baseUrl,
        apiKey: form.apiKey,
        connectedBy: userId,
        connectedAt: deps.now().toISOString(),
        rateLimitPerMinute: form.rateLimitPerMinute,
      });
      if (check.warning) logger.warn(`connect: ${check.warning}`);
      audit('ok', form.baseUrl);
      await ack({ response_action: 'update', view: buildConnectedModal(form.baseUrl, check.totalSchedules) });
      // After the ack, which has no time to spare; nothing reads these caches before the modal shows.
      await forgetOrganizationCaches(deps, scope, logger);
    } catch (error) {
      logFailure(logger, 'connect', error);
      audit('failed', error instanceof Error ? error.name : 'error');
      await fieldError('apiKey', `Not saved: ${userMessageForError(error)}`);
    }
  };
}

type Form =
  | { ok: true; baseUrl: string; apiKey: string; rateLimitPerMinute: number }
  | { ok: false; errors: Record<string, string> };

/** Local checks first: they need no network and answer at once. */
export function readForm(values: Values, hosts?: HostPolicy): Form {
  const errors: Record<string, string> = {};
  const rawUrl = values[BlockIds.omniBaseUrlInput]?.[ActionIds.omniBaseUrlField]?.value ?? '';
  const apiKey = (values[BlockIds.omniApiKeyInput]?.[ActionIds.omniApiKeyField]?.value ?? '').trim();
  const rawLimit = values[BlockIds.omniRateLimitInput]?.[ActionIds.omniRateLimitField]?.value;

  const url = checkOmniBaseUrl(rawUrl, hosts);
  if (!url.ok) errors[BlockIds.omniBaseUrlInput] = url.reason;
  if (apiKey === '') errors[BlockIds.omniApiKeyInput] = 'Paste an Omni organization API key.';
  else if (/\s/.test(apiKey)) errors[BlockIds.omniApiKeyInput] = 'An API key has no spaces; paste just the key.';
  let rateLimitPerMinute = DEFAULT_RATE_LIMIT;
  if (rawLimit !== undefined && rawLimit !== null && rawLimit.trim() !== '') {
    rateLimitPerMinute = Number(rawLimit);
    if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 1 || rateLimitPerMinute > MAX_RATE_LIMIT) {
      errors[BlockIds.omniRateLimitInput] = `Enter a whole number from 1 to ${MAX_RATE_LIMIT}.`;
    }
  }
  if (Object.keys(errors).length > 0 || !url.ok) return { ok: false, errors };
  return { ok: true, baseUrl: url.url, apiKey, rateLimitPerMinute };
}
