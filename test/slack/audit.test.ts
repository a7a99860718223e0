import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/slack/audit.js';

describe('AuditLog', () => {
  it('writes one JSON line per change with workspace, user, action, schedule and outcome', () => {
    const lines: string[] = [];
    const audit = new AuditLog(
      (line) => lines.push(line),
      () => new Date('2026-01-02T03:04:05.000Z'),
    );
    audit.record({ workspace: 'team:T1', user: 'U1', action: 'run', schedule: 'abc', outcome: 'ok' });
    audit.record({
      workspace: 'team:T1',
      user: 'U2',
      action: 'delete',
      schedule: 'abc',
      outcome: 'failed',
      detail: 'Omni said no',
    });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    expect(JSON.parse(lines[0] as string)).toEqual({
      audit: true,
      at: '2026-01-02T03:04:05.000Z',
      workspace: 'team:T1',
      user: 'U1',
      action: 'run',
      schedule: 'abc',
      outcome: 'ok',
    });
    expect(JSON.parse(lines[1] as string)).toMatchObject({ outcome: 'failed', detail: 'Omni said no' });
  });

  it("writes to a logger's info channel", () => {
    const infos: unknown[] = [];
    new AuditLog({ info: (...m: unknown[]) => infos.push(...m) }).record({
      workspace: 'team:T1',
      user: 'U1',
      action: 'pause',
      outcome: 'refused',
    });
    expect(JSON.parse(String(infos[0]))).toMatchObject({ action: 'pause', outcome: 'refused' });
  });

  it('strips anything token-shaped from the detail', () => {
    const lines: string[] = [];
    new AuditLog((l) => lines.push(l)).record({
      workspace: 'team:T1',
      user: 'U1',
      action: 'connect',
      outcome: 'failed',
      detail: 'bad xoxb-fake-456-abc and xapp-1-A1-xyz, header Bearer s3cr3t',
    });
    expect(lines[0]).not.toMatch(/xoxb-fake-456|xapp-1-A1|s3cr3t/);
  });
});
