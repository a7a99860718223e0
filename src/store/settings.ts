// Per-workspace preferences for how recipients are resolved. Missing fields read as their defaults, so
// records saved by an older version stay valid when a setting is added.
import { z } from 'zod';
import type { KvNamespace } from './namespace.js';
import { type WorkspaceScope, workspaceKey } from './scope.js';
import { parseOrThrow } from './validation.js';

const mappingName = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const WorkspaceSettingsSchema = z.object({
  /** What to do with a Slack person who is not an Omni user: deliver to the plain email, or create an email-only user. */
  nonMemberPolicy: z.enum(['plain_email', 'email_only_user']).default('plain_email'),
  /** Omni user attribute → Slack profile field that fills it for email-only users. */
  attributeMappings: z
    .record(mappingName, mappingName)
    .refine((mappings) => Object.keys(mappings).length <= 50, 'at most 50 attribute mappings')
    .default({}),
  /** Whether guests (single- and multi-channel) count when a channel or group is expanded into recipients. */
  includeGuests: z.boolean().default(false),
  /** Whether people from other organizations (Slack Connect) count when a channel is expanded. */
  includeExternal: z.boolean().default(false),
});

export type WorkspaceSettings = z.output<typeof WorkspaceSettingsSchema>;

/** A change to some settings; `attributeMappings`, when given, replaces the whole map. */
export type WorkspaceSettingsPatch = Partial<WorkspaceSettings>;

const PatchSchema = z.strictObject({
  nonMemberPolicy: WorkspaceSettingsSchema.shape.nonMemberPolicy.unwrap().optional(),
  attributeMappings: WorkspaceSettingsSchema.shape.attributeMappings.unwrap().optional(),
  includeGuests: z.boolean().optional(),
  includeExternal: z.boolean().optional(),
});

export const DEFAULT_WORKSPACE_SETTINGS: Readonly<WorkspaceSettings> = Object.freeze(WorkspaceSettingsSchema.parse({}));

export interface WorkspaceSettingsStore {
  /** The workspace's settings, defaults filled in. */
  get(scope: WorkspaceScope): Promise<WorkspaceSettings>;
  /** Validates `patch`, merges it into the current settings, saves and returns the result. */
  update(scope: WorkspaceScope, patch: WorkspaceSettingsPatch): Promise<WorkspaceSettings>;
  /** Forgets the workspace's settings (when the app is uninstalled); true when there were any. */
  delete(scope: WorkspaceScope): Promise<boolean>;
}

export class KeyvWorkspaceSettingsStore implements WorkspaceSettingsStore {
  constructor(private readonly kv: KvNamespace) {}

  async get(scope: WorkspaceScope): Promise<WorkspaceSettings> {
    const stored = await this.kv.get<unknown>(workspaceKey(scope), "read this workspace's settings");
    return parseOrThrow(WorkspaceSettingsSchema, stored ?? {}, 'stored workspace settings');
  }

  async update(scope: WorkspaceScope, patch: WorkspaceSettingsPatch): Promise<WorkspaceSettings> {
    const change = parseOrThrow(PatchSchema, patch, 'workspace settings');
    const current = await this.get(scope);
    const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const next = parseOrThrow(WorkspaceSettingsSchema, { ...current, ...defined }, 'workspace settings');
    await this.kv.set(workspaceKey(scope), next, "save this workspace's settings");
    return next;
  }

  delete(scope: WorkspaceScope): Promise<boolean> {
    return this.kv.delete(workspaceKey(scope), "remove this workspace's settings");
  }
}
