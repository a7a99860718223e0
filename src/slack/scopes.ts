// The bot scopes the app asks for at install (OAuth). manifest.yml lists the same ones, each with the reason;
// test/slack/manifest.test.ts checks that the two agree.
export const BOT_SCOPES = [
  'commands', // the /schedule command and the message shortcut
  'chat:write', // cards, answers and confirmations in channels and DMs the app is in
  'chat:write.public', // `/schedule share` posts a card in a public channel the app was not invited to
  'users:read', // users.info: admin/owner/guest checks and each person's time zone
  'users:read.email', // turn people picked in Slack into Omni recipients by email
  'users.profile:read', // custom profile fields mapped to Omni user attributes
  'channels:read', // members of a public channel picked as recipients
  'groups:read', // members of a private channel picked as recipients (when the app is in it)
  'usergroups:read', // members of a user group picked as recipients
] as const;
