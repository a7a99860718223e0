// Binds the recipient domain to one workspace: its Omni client, its settings, its Slack directory (over
// the request's WebClient, cached in the store) and its rules. Also the entry the create/edit modal uses.
import type { WebClient } from '@slack/web-api';
import {
  type ChangeLedger,
  cachedDirectory,
  type PickedRecipients,
  type Progress,
  pickedInputs,
  type RecipientInput,
  type RecipientsContext,
  type Resolution,
  type ResolvePurpose,
  resolveRecipients,
  type SentLedger,
  type SlackDirectory,
} from '../../recipients/index.js';
import { type WorkspaceScope, type WorkspaceSettings, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { budgetTeamOf } from '../slack-pacing.js';
import { type DirectoryPacing, lookupClient, webClientDirectory } from './directory.js';

/** The store cache namespace for Slack look-ups and Omni member look-ups. */
export const RECIPIENTS_CACHE = 'recipients';

export interface WorkspaceDirectory {
  directory: SlackDirectory;
  settings: WorkspaceSettings;
  resolve(inputs: readonly RecipientInput[], purpose: ResolvePurpose): Promise<Resolution>;
}

/** The workspace's cached Slack directory and resolver (no Omni needed). */
export async function workspaceDirectory(
  deps: Pick<AppDeps, 'store' | 'slackBudget'>,
  client: WebClient,
  scope: WorkspaceScope,
  /** A job's: its client is used as is (see DirectoryPacing). Without it, a request's: paced on the same budget. */
  pacing?: DirectoryPacing,
): Promise<WorkspaceDirectory> {
  const settings = await deps.store.settings.get(scope);
  const directory = cachedDirectory(
    pacing
      ? webClientDirectory(client, pacing)
      : webClientDirectory(lookupClient(client, { paced: true }), {
          budget: deps.slackBudget,
          teamId: budgetTeamOf(scope),
        }),
    deps.store.cache(RECIPIENTS_CACHE),
    workspaceKey(scope),
  );
  const home = {
    ...(scope.teamId ? { teamId: scope.teamId } : {}),
    ...(scope.enterpriseId ? { enterpriseId: scope.enterpriseId } : {}),
  };
  return {
    directory,
    settings,
    // Typed emails are looked up in Slack only when adding (for time zone and attributes).
    resolve: (inputs, purpose) =>
      resolveRecipients(inputs, { directory, settings, purpose, home, lookupEmails: purpose === 'add' }),
  };
}

export async function recipientsContextFor(args: {
  deps: AppDeps;
  client: WebClient;
  scope: WorkspaceScope;
  onProgress?: (progress: Progress) => void | Promise<void>;
  pacing?: DirectoryPacing;
  /** A job's records of the email-only users it sent and the recipients it changed (recipients/sent-ledger.ts). */
  sentLedger?: SentLedger;
  changeLedger?: ChangeLedger;
}): Promise<RecipientsContext> {
  const { deps, client, scope } = args;
  const omni = await deps.omniFor(scope);
  const workspace = await workspaceDirectory(deps, client, scope, args.pacing);
  return {
    omni,
    settings: workspace.settings,
    directory: workspace.directory,
    resolve: workspace.resolve,
    cache: deps.store.cache(RECIPIENTS_CACHE),
    cacheKey: workspaceKey(scope),
    ...(args.onProgress ? { onProgress: args.onProgress } : {}),
    ...(args.sentLedger ? { sentLedger: args.sentLedger } : {}),
    ...(args.changeLedger ? { changeLedger: args.changeLedger } : {}),
  };
}

/**
 * For the create/edit modal's email people picker: people, channels and groups picked in Slack, and
 * pasted emails or mentions, through the same resolver and rules as `/schedule add`. Returns recipients
 * by email (with the Slack person each came from) and who was left out with why (format them with
 * `skippedLines` from ui/recipients-summary.ts). Slack calls only; nothing is sent to Omni.
 */
export async function resolvePickedRecipients(
  deps: Pick<AppDeps, 'store' | 'slackBudget'>,
  client: WebClient,
  scope: WorkspaceScope,
  picked: PickedRecipients,
): Promise<Resolution> {
  const { inputs, invalid } = pickedInputs(picked);
  const workspace = await workspaceDirectory(deps, client, scope);
  const resolution = await workspace.resolve(inputs, 'add');
  return { recipients: resolution.recipients, skipped: [...invalid, ...resolution.skipped] };
}
