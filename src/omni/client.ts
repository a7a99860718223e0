import { z } from 'zod';
import { normaliseBaseUrl } from './base-url.js';
import { systemClock } from './clock.js';
import { type DialectMemory, inMemoryDialect, type OmniDialect, sendNegotiated } from './dialect.js';
import {
  type UpsertEmailOnlyUsersOptions,
  type UpsertEmailOnlyUsersOutcome,
  upsertInBatches,
} from './email-only-batches.js';
import { OmniResponseError } from './errors.js';
import { type HttpMethod, type OmniCall, OmniTransport } from './http.js';
import { mergeListRows, type ScheduleListEntry } from './list-rows.js';
import { checkApiKey, type OmniClientInternals, type OmniClientOptions, resolveLimits } from './options.js';
import { sharedPacers } from './pacing.js';
import type { RetryPolicy } from './retry.js';
import { EmailSchema, OmniIdSchema, type SuccessResult, SuccessSchema } from './schemas/common.js';
import {
  type DashboardFilters,
  DashboardFiltersSchema,
  type DocumentPage,
  DocumentPageSchema,
  type DocumentQuery,
  DocumentQueryListSchema,
  IdentifierSchema,
  type ListDocumentsQuery,
  ListDocumentsQuerySchema,
} from './schemas/documents.js';
import {
  type AddRecipientsResult,
  AddRecipientsResultSchema,
  type RecipientChange,
  RecipientChangeSchema,
  type RemoveRecipientsResult,
  RemoveRecipientsResultSchema,
  type ScheduleRecipients,
  ScheduleRecipientsSchema,
} from './schemas/recipients.js';
import {
  type CreateScheduleBody,
  CreateScheduleBodySchema,
  type CreateScheduleOptions,
  CreateScheduleOptionsSchema,
  type CreateScheduleResult,
  CreateScheduleResultSchema,
  type UpdateScheduleBody,
  UpdateScheduleBodySchema,
  type UpdateScheduleResult,
  UpdateScheduleResultSchema,
} from './schemas/schedule-body.js';
import {
  type ListSchedulesQuery,
  ListSchedulesQuerySchema,
  type ScheduleDetail,
  ScheduleDetailSchema,
  type SchedulePage,
  SchedulePageSchema,
  type ScheduleRecord,
} from './schemas/schedules.js';
import {
  BulkEmailOnlyResultSchema,
  type EmailOnlyUserInput,
  EmailOnlyUserInputSchema,
  type EmailOnlyUserPage,
  EmailOnlyUserPageSchema,
  type EmailOnlyUserResult,
  EmailOnlyUserResultSchema,
  type ListEmailOnlyUsersQuery,
  ListEmailOnlyUsersQuerySchema,
  type ListUsersQuery,
  ListUsersQuerySchema,
  SCIM_PAGE_SIZE,
  type ScimUser,
  type ScimUserList,
  ScimUserListSchema,
  type UserAttribute,
  UserAttributeListSchema,
} from './schemas/users.js';
import { type FindUsersByEmailsOptions, findMembersByEmail, scimPages } from './scim-members.js';
import { validateRequest } from './validation.js';

export type { OmniClientInternals, OmniClientOptions, PacingWait, RateLimitWait } from './options.js';

/** Omni's limit is per minute, so a longer `Retry-After` is not waited out inside one user's request. */
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

const SchedulePath = (id: string) => `/api/v1/schedules/${encodeURIComponent(id)}`;
const ScheduleIdArg = z.object({ scheduleId: OmniIdSchema });

/** The typed Omni REST client: one per org and key. Every call is validated, paced, timed out and retried. */
export class OmniClient {
  readonly baseUrl: string;
  readonly #transport: OmniTransport;
  readonly #dialect: DialectMemory;

  constructor(options: OmniClientOptions, internals: OmniClientInternals = {}) {
    const baseUrl = normaliseBaseUrl(options?.baseUrl);
    const apiKey = checkApiKey(options.apiKey);
    const clock = internals.clock ?? systemClock;
    this.baseUrl = baseUrl;
    this.#dialect = options.dialectMemory ?? inMemoryDialect();
    this.#transport = new OmniTransport({
      baseUrl,
      apiKey,
      ...resolveLimits(options),
      // Looked up per call, so a fetch installed later (a proxy agent, a test stub) is used.
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      clock,
      random: internals.random ?? Math.random,
      pacer: (internals.pacers ?? sharedPacers).pacerFor(baseUrl, apiKey, clock),
      maxRetryAfterMs: internals.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
      onRateLimitWait: options.onRateLimitWait,
      onPacingWait: options.onPacingWait,
    });
  }

  /** The reading of schedule bodies this client has learnt Omni speaks; undefined until a body settled it. */
  knownDialect(): Promise<OmniDialect | undefined> {
    return this.#dialect.get();
  }

  // Schedules

  /**
   * One page of schedules, one entry per schedule with all its destinations (Omni sends a row per
   * destination; read them with `listedDestinations(record)`). A schedule whose rows straddle two
   * pages appears on both; iterateSchedules() merges across pages.
   */
  async listSchedules(query: ListSchedulesQuery = {}): Promise<SchedulePage> {
    const q = validateRequest('listSchedules', ListSchedulesQuerySchema, query);
    const page = await this.#get('listSchedules', '/api/v1/schedules', SchedulePageSchema, q);
    return { ...page, records: mergeListRows(page.records) };
  }

  /**
   * Every schedule matching `query` once, fetching page after page (paced) as the caller iterates.
   * A destination row arriving on a later page is added to the entry already yielded (same object).
   */
  async *iterateSchedules(query: ListSchedulesQuery = {}): AsyncIterable<ScheduleRecord> {
    const known = new Map<string, ScheduleListEntry>();
    const seen = new Set<string>();
    let cursor = query.cursor === undefined ? undefined : String(query.cursor);
    for (;;) {
      const q = validateRequest('iterateSchedules', ListSchedulesQuerySchema, { ...query, cursor });
      const page = await this.#get('listSchedules', '/api/v1/schedules', SchedulePageSchema, q);
      yield* mergeListRows(page.records, known);
      const next = page.pageInfo.nextCursor;
      if (!page.pageInfo.hasNextPage || next === null) return;
      if (seen.has(next) || next === cursor) {
        throw new OmniResponseError({
          operation: 'iterateSchedules',
          method: 'GET',
          path: '/api/v1/schedules',
          status: 200,
          issues: [{ path: 'pageInfo.nextCursor', message: `repeats cursor "${next}"; stopping to avoid a loop` }],
        });
      }
      seen.add(next);
      cursor = next;
    }
  }

  async getSchedule(scheduleId: string, options: { userId?: string } = {}): Promise<ScheduleDetail> {
    const id = this.#scheduleId('getSchedule', scheduleId);
    const { userId } = validateRequest('getSchedule', CreateScheduleOptionsSchema, options);
    return this.#get('getSchedule', SchedulePath(id), ScheduleDetailSchema, { userId });
  }

  /** Never retried after a 5xx, network failure or time-out: Omni may have created it (and `testNow` delivers). */
  async createSchedule(body: CreateScheduleBody, options: CreateScheduleOptions = {}): Promise<CreateScheduleResult> {
    const payload = validateRequest('createSchedule', CreateScheduleBodySchema, body);
    const { userId } = validateRequest('createSchedule', CreateScheduleOptionsSchema, options);
    return sendNegotiated(this.#dialect, payload, (body) =>
      this.#send('createSchedule', 'POST', '/api/v1/schedules', CreateScheduleResultSchema, 'rate-limit-only', {
        query: { userId },
        body,
      }),
    );
  }

  async updateSchedule(scheduleId: string, body: UpdateScheduleBody): Promise<UpdateScheduleResult> {
    const id = this.#scheduleId('updateSchedule', scheduleId);
    const payload = validateRequest('updateSchedule', UpdateScheduleBodySchema, body);
    return sendNegotiated(this.#dialect, payload, (body) =>
      this.#send('updateSchedule', 'PUT', SchedulePath(id), UpdateScheduleResultSchema, 'idempotent', { body }),
    );
  }

  async deleteSchedule(scheduleId: string): Promise<SuccessResult> {
    const id = this.#scheduleId('deleteSchedule', scheduleId);
    return this.#send('deleteSchedule', 'DELETE', SchedulePath(id), SuccessSchema, 'idempotent');
  }

  /** Delivers now. Never retried after a 5xx, network failure or time-out: that could deliver twice. */
  async triggerSchedule(scheduleId: string): Promise<SuccessResult> {
    const id = this.#scheduleId('triggerSchedule', scheduleId);
    return this.#send('triggerSchedule', 'POST', `${SchedulePath(id)}/trigger`, SuccessSchema, 'rate-limit-only');
  }

  async pauseSchedule(scheduleId: string): Promise<SuccessResult> {
    const id = this.#scheduleId('pauseSchedule', scheduleId);
    return this.#send('pauseSchedule', 'PUT', `${SchedulePath(id)}/pause`, SuccessSchema, 'idempotent');
  }

  async resumeSchedule(scheduleId: string): Promise<SuccessResult> {
    const id = this.#scheduleId('resumeSchedule', scheduleId);
    return this.#send('resumeSchedule', 'PUT', `${SchedulePath(id)}/resume`, SuccessSchema, 'idempotent');
  }

  async transferOwnership(scheduleId: string, userId: string): Promise<SuccessResult> {
    const id = this.#scheduleId('transferOwnership', scheduleId);
    const body = validateRequest('transferOwnership', z.object({ userId: OmniIdSchema }), { userId });
    return this.#send(
      'transferOwnership',
      'PUT',
      `${SchedulePath(id)}/transfer-ownership`,
      SuccessSchema,
      'idempotent',
      {
        body,
      },
    );
  }

  // Recipients (email destinations)

  async addRecipients(scheduleId: string, change: RecipientChange): Promise<AddRecipientsResult> {
    const id = this.#scheduleId('addRecipients', scheduleId);
    const body = validateRequest('addRecipients', RecipientChangeSchema, change);
    return this.#send(
      'addRecipients',
      'PUT',
      `${SchedulePath(id)}/add-recipients`,
      AddRecipientsResultSchema,
      'rate-limit-only',
      {
        body,
      },
    );
  }

  async removeRecipients(scheduleId: string, change: RecipientChange): Promise<RemoveRecipientsResult> {
    const id = this.#scheduleId('removeRecipients', scheduleId);
    const body = validateRequest('removeRecipients', RecipientChangeSchema, change);
    return this.#send(
      'removeRecipients',
      'PUT',
      `${SchedulePath(id)}/remove-recipients`,
      RemoveRecipientsResultSchema,
      'rate-limit-only',
      { body },
    );
  }

  async listRecipients(scheduleId: string): Promise<ScheduleRecipients> {
    const id = this.#scheduleId('listRecipients', scheduleId);
    return this.#get('listRecipients', `${SchedulePath(id)}/recipients`, ScheduleRecipientsSchema);
  }

  // Email-only users (organization API keys only)

  async upsertEmailOnlyUser(user: EmailOnlyUserInput): Promise<EmailOnlyUserResult> {
    const body = validateRequest('upsertEmailOnlyUser', EmailOnlyUserInputSchema, user);
    return this.#send(
      'upsertEmailOnlyUser',
      'POST',
      '/api/v1/users/email-only',
      EmailOnlyUserResultSchema,
      'idempotent',
      {
        body,
      },
    );
  }

  /** Any number of users, in paced batches of at most 20; per-user outcomes (see email-only-batches.ts). */
  async upsertEmailOnlyUsers(
    users: readonly EmailOnlyUserInput[],
    options: UpsertEmailOnlyUsersOptions = {},
  ): Promise<UpsertEmailOnlyUsersOutcome> {
    validateRequest('upsertEmailOnlyUsers', z.array(z.unknown(), { error: 'must be a list of users' }), users);
    return upsertInBatches(
      users,
      {
        bulk: (batch) =>
          this.#send(
            'upsertEmailOnlyUsers',
            'POST',
            '/api/v1/users/email-only/bulk',
            BulkEmailOnlyResultSchema,
            'idempotent',
            { body: { users: batch } },
          ),
        one: (user) => this.upsertEmailOnlyUser(user),
      },
      options,
    );
  }

  async listEmailOnlyUsers(query: ListEmailOnlyUsersQuery = {}): Promise<EmailOnlyUserPage> {
    const q = validateRequest('listEmailOnlyUsers', ListEmailOnlyUsersQuerySchema, query);
    return this.#get('listEmailOnlyUsers', '/api/v1/users/email-only', EmailOnlyUserPageSchema, q);
  }

  // Documents and dashboards

  async listDocuments(query: ListDocumentsQuery = {}): Promise<DocumentPage> {
    const q = validateRequest('listDocuments', ListDocumentsQuerySchema, query);
    return this.#get('listDocuments', '/api/v1/documents', DocumentPageSchema, q);
  }

  async getDashboardFilters(identifier: string, options: { userId?: string } = {}): Promise<DashboardFilters> {
    const id = validateRequest('getDashboardFilters', z.object({ identifier: IdentifierSchema }), { identifier });
    const { userId } = validateRequest('getDashboardFilters', CreateScheduleOptionsSchema, options);
    const path = `/api/v1/dashboards/${encodeURIComponent(id.identifier)}/filters`;
    return this.#get('getDashboardFilters', path, DashboardFiltersSchema, { userId });
  }

  /** The dashboard's queries (tiles): their `queryIdentifierMapKey` picks a tile or an alert query. */
  async listDocumentQueries(identifier: string): Promise<DocumentQuery[]> {
    const id = validateRequest('listDocumentQueries', z.object({ identifier: IdentifierSchema }), { identifier });
    const path = `/api/v1/documents/${encodeURIComponent(id.identifier)}/queries`;
    return (await this.#get('listDocumentQueries', path, DocumentQueryListSchema)).queries;
  }

  // Users

  async listUserAttributes(): Promise<UserAttribute[]> {
    return (await this.#get('listUserAttributes', '/api/v1/user-attributes', UserAttributeListSchema)).records;
  }

  /** The Omni member with this email (SCIM, organization keys only), or `null` when there is none. */
  async findUserByEmail(email: string): Promise<ScimUser | null> {
    const { email: address } = validateRequest('findUserByEmail', z.object({ email: EmailSchema }), { email });
    const list = await this.#get('findUserByEmail', '/api/scim/v2/Users', ScimUserListSchema, {
      filter: `userName eq "${address}"`,
    });
    const wanted = address.toLowerCase();
    return list.Resources.find((user) => user.userName.toLowerCase() === wanted) ?? null;
  }

  /** One page of the organization's members (SCIM), in order of creation; organization keys only. */
  async listUsers(query: ListUsersQuery = {}): Promise<ScimUserList> {
    const q = validateRequest('listUsers', ListUsersQuerySchema, query);
    return this.#get('listUsers', '/api/scim/v2/Users', ScimUserListSchema, q);
  }

  /** Every member, fetching page after page (paced) as the caller iterates. */
  async *iterateUsers(query: ListUsersQuery = {}): AsyncIterable<ScimUser> {
    const { startIndex, count = SCIM_PAGE_SIZE } = validateRequest('iterateUsers', ListUsersQuerySchema, query);
    for await (const page of scimPages((index) => this.listUsers({ startIndex: index, count }), startIndex)) {
      yield* page.Resources;
    }
  }

  /**
   * The members among `emails`, by lower-cased email (non-members are absent), in as few calls as the
   * organization's size allows: one look-up per email, or a listing of every member (see scim-members.ts).
   */
  async findUsersByEmails(
    emails: readonly string[],
    options: FindUsersByEmailsOptions = {},
  ): Promise<Map<string, ScimUser>> {
    const valid = validateRequest('findUsersByEmails', z.object({ emails: z.array(EmailSchema) }), { emails });
    return findMembersByEmail(
      valid.emails,
      {
        page: (startIndex) => this.listUsers({ startIndex, count: SCIM_PAGE_SIZE }),
        one: (email) => this.findUserByEmail(email),
      },
      options,
    );
  }

  // Plumbing

  #scheduleId(operation: string, scheduleId: string): string {
    return validateRequest(operation, ScheduleIdArg, { scheduleId }).scheduleId;
  }

  #get<S extends z.ZodType>(operation: string, path: string, response: S, query?: OmniCall<S>['query']) {
    return this.#send(operation, 'GET', path, response, 'idempotent', { query });
  }

  #send<S extends z.ZodType>(
    operation: string,
    method: HttpMethod,
    path: string,
    response: S,
    retry: RetryPolicy,
    extra: { query?: OmniCall<S>['query']; body?: unknown } = {},
  ): Promise<z.output<S>> {
    return this.#transport.send({ operation, method, path, response, retry, ...extra });
  }
}
