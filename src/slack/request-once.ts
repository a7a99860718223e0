// Each Slack request is acted on once. Within Slack's 5-minute signature window a captured request can be
// sent again with a valid signature, and Slack itself retries (`X-Slack-Retry-Num`, a Socket Mode envelope's
// `retry_attempt`) when an answer was slow: both carry the first delivery's Slack id (`event_id` or
// `trigger_id`), which the signature covers. The first arrival claims that id; later ones are acknowledged
// and dropped, so a schedule runs once however often its button's request arrives.
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware, RespondFn } from '@slack/bolt';
import type { Claims } from '../coordination/claims.js';
import { ReplayGuard } from '../replay/replay-guard.js';
import { identityOfPayload } from '../replay/request-identity.js';
import { claimsFor } from './claims.js';
import type { AppDeps } from './deps.js';
import { errorMessage, STORE_DOWN_TEXT } from './errors.js';

/**
 * A Bolt global middleware, installed before any other: lets a request's first arrival through and acks
 * the others without acting. Requests without a Slack id (options, view_closed) act on nothing and pass.
 */
export function onceOnlyMiddleware(deps: Pick<AppDeps, 'store'>, claims?: Claims): Middleware<AnyMiddlewareArgs> {
  let guard: ReplayGuard | undefined;
  return async (args) => {
    const { body, context, logger, next } = args as AnyMiddlewareArgs & AllMiddlewareArgs;
    const found = identityOfPayload(body as unknown as Record<string, unknown>);
    if (!found) {
      await next();
      return;
    }
    const retry = typeof context.retryNum === 'number' ? context.retryNum : 0;
    const sight = async () => {
      // Built on first use: start-up installs the shared (Redis) claims after the app is created. Inside
      // the catch below, since opening the store's namespace can fail too (a store closing or down).
      guard ??= new ReplayGuard(claims ?? claimsFor(deps, 'slack-requests'));
      return guard.sight({ ...found, retry });
    };
    const sighting = await sight().catch((error: unknown) => {
      // Whether this arrived before is unknown: acting could deliver twice, so do nothing and say so.
      logger.error(`Not acting on a Slack request: its replay check failed: ${errorMessage(error)}`);
      return 'unchecked' as const;
    });
    if (sighting === 'first') {
      await next();
      return;
    }
    const { ack, respond } = args as { ack?: () => Promise<void>; respond?: RespondFn };
    if (ack) await ack();
    if (sighting !== 'unchecked') {
      logger.info(`Slack request seen before (${sighting}, ${found.source}): acknowledged, not acted on`);
      return;
    }
    await respond?.({ response_type: 'ephemeral', replace_original: false, text: STORE_DOWN_TEXT }).catch(
      (error: unknown) => logger.warn(`Could not answer through the response_url: ${errorMessage(error)}`),
    );
  };
}
