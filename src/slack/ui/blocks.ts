// The small Block Kit pieces every view is built from. Text is cut to 3,000 characters, Slack's limit for
// a text object in sections, contexts and plain text (https://api.slack.com/reference/block-kit/composition-objects).
import type { types } from '@slack/bolt';
import { truncate } from './format.js';

export type Block = types.KnownBlock;
export type Option = types.PlainTextOption;

const TEXT_MAX = 3000;

export function plain(text: string, max = TEXT_MAX): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, TEXT_MAX) };
}

export function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

export function context(text: string, blockId?: string): types.ContextBlock {
  return { type: 'context', ...(blockId ? { block_id: blockId } : {}), elements: [mrkdwn(text)] };
}

export interface ButtonOptions {
  style?: 'primary' | 'danger';
  confirm?: types.ConfirmationDialog;
}

/** A button: what it says, which listener it calls, and the value that listener gets. */
export function button(text: string, actionId: string, value: string, options: ButtonOptions = {}): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plain(text),
    value,
    ...(options.style ? { style: options.style } : {}),
    ...(options.confirm ? { confirm: options.confirm } : {}),
  };
}

/** Slack's confirm dialog, within its limits (title 100, text 300, buttons 30 characters). */
export function confirmDialog(
  title: string,
  text: string,
  confirm: string,
  deny: string,
  style?: 'danger',
): types.ConfirmationDialog {
  return {
    title: plain(title, 100),
    text: plain(text, 300),
    confirm: plain(confirm, 30),
    deny: plain(deny, 30),
    ...(style ? { style } : {}),
  };
}
