// External select menus: action id → the handler that lists their options.
import type { App } from '@slack/bolt';
import { ActionIds } from '../../../ids.js';
import { usergroupOptionsCallback } from './recipients.js';
import { dashboardOptionsCallback, timezoneOptionsCallback } from './schedule-form.js';

export function register(app: App): void {
  app.options({ action_id: ActionIds.formDashboardSelect }, dashboardOptionsCallback());
  app.options({ action_id: ActionIds.formTimezoneSelect }, timezoneOptionsCallback());
  app.options({ action_id: ActionIds.recipientsAddGroupsSelect }, usergroupOptionsCallback());
}
