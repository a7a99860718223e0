// Every Slack id the app uses (commands, callback ids, action ids, block ids), once.
// manifest.yml must agree with these; test/slack/manifest.test.ts checks both ways.

export const Commands = {
  schedule: '/schedule',
} as const;

export const CallbackIds = {
  // --- core (connect, disconnect)
  connectView: 'connect_omni_view',
} as const;

export const ActionIds = {
  // --- core (help, connection, cards, list, home)
  openConnectButton: 'open_connect_button',
} as const;

export const BlockIds = {
  // --- core
  omniBaseUrlInput: 'omni_base_url_block',
  omniApiKeyInput: 'omni_api_key_block',
} as const;
