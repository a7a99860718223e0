// Shortcuts: callback id → handler.
import type { App, MessageShortcut } from '@slack/bolt';
import { CallbackIds } from '../../../ids.js';
import { onCreateFromMessage } from './create-from-message.js';

export function register(app: App): void {
  app.shortcut<MessageShortcut>(
    { callback_id: CallbackIds.createFromMessageShortcut, type: 'message_action' },
    onCreateFromMessage,
  );
}
