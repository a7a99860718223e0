// Events API: event type → handler.
import type { App } from '@slack/bolt';
import { onAppHomeOpened } from './app-home-opened.js';
import { onMemberJoinedChannel, onMemberLeftChannel, onSubteamMembersChanged, onUserChange } from './people.js';
import { appUninstalledCallback, tokensRevokedCallback } from './uninstall.js';

export function register(app: App): void {
  app.event('app_home_opened', onAppHomeOpened);
  app.event('app_uninstalled', appUninstalledCallback());
  app.event('tokens_revoked', tokensRevokedCallback());
  app.event('user_change', onUserChange);
  app.event('member_joined_channel', onMemberJoinedChannel);
  app.event('member_left_channel', onMemberLeftChannel);
  app.event('subteam_members_changed', onSubteamMembersChanged);
}
