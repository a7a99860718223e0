// For forms (the create/edit modal's email people picker): what was picked in Slack's selects plus what
// was pasted as text (emails, mentions) → the same inputs the `/schedule add` command uses.
import { parseRecipientText } from './mentions.js';
import type { RecipientInput, Skipped } from './types.js';

export interface PickedRecipients {
  /** multi_users_select. */
  userIds?: readonly string[];
  /** multi_conversations_select / multi_channels_select: every member of each. */
  conversationIds?: readonly string[];
  /** User groups (ids `S…`), e.g. from an external select. */
  usergroupIds?: readonly string[];
  /** Free text: emails, pasted mentions or ids, separated by spaces, commas or semicolons. */
  text?: string;
}

export function pickedInputs(picked: PickedRecipients): { inputs: RecipientInput[]; invalid: Skipped[] } {
  const inputs: RecipientInput[] = [
    ...(picked.userIds ?? []).map((id): RecipientInput => ({ kind: 'user', id })),
    ...(picked.conversationIds ?? []).map((id): RecipientInput => ({ kind: 'channel', id })),
    ...(picked.usergroupIds ?? []).map((id): RecipientInput => ({ kind: 'usergroup', id })),
  ];
  const typed = parseRecipientText(picked.text ?? '');
  return { inputs: [...inputs, ...typed.inputs], invalid: typed.invalid };
}
