// Which `/schedule` subcommands make changes, so that the dispatcher audits a refusal of them.
import { describe, expect, it } from 'vitest';
import { findSubcommand, subcommands } from '../../../src/slack/commands/subcommands.js';

const auditOf = (name: string, args: string[] = []) => {
  const audit = findSubcommand(name)?.audit;
  return typeof audit === 'function' ? audit(args) : audit;
};

describe('audited subcommands', () => {
  it('every subcommand that changes Omni or the connection names its audit action; reads name none', () => {
    const audited = Object.fromEntries(subcommands.filter((s) => s.audit).map((s) => [s.name, auditOf(s.name)]));
    expect(audited).toEqual({
      connect: 'connect',
      disconnect: 'disconnect',
      run: 'run',
      pause: 'pause',
      resume: 'resume',
      delete: 'delete',
      create: 'create',
      edit: 'edit',
      add: 'add_recipients',
      remove: 'remove_recipients',
      subscribe: 'add_recipients',
      unsubscribe: 'remove_recipients',
      users: undefined, // `users` alone is help
      'remove-everywhere': 'remove_recipients', // refused to members; the click that removes audits itself
      follow: 'add_recipients',
      alerts: undefined, // `alerts` alone is the status
      snooze: 'snooze',
    });
    expect(auditOf('alerts', ['on', '<#C1>'])).toBe('alerts');
    expect(auditOf('alerts', ['off'])).toBe('alerts');
    for (const read of ['help', 'status', 'list', 'show', 'share', 'who', 'unfollow'])
      expect(auditOf(read)).toBeUndefined();
  });

  it('`users` is audited by what it would change', () => {
    expect(auditOf('users', ['sync', '<#C1>'])).toBe('email_only_users');
    expect(auditOf('users', ['ADD', 'a@b.co'])).toBe('email_only_users');
    expect(auditOf('users', ['policy', 'guests:on'])).toBe('recipient_settings');
    expect(auditOf('users', ['map'])).toBeUndefined();
    expect(auditOf('users', ['help'])).toBeUndefined();
  });
});
