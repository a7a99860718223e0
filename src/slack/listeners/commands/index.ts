// Slash commands: command → handler. Subcommands are dispatched from the table in commands/subcommands.ts.
import type { App } from '@slack/bolt';
import { Commands } from '../../../ids.js';
import { onScheduleCommand } from './schedule.js';

export function register(app: App): void {
  app.command(Commands.schedule, onScheduleCommand);
}
