import { Compile } from 'typebox/compile';

import {
  DATE_RANGE_HINT,
  DATE_YEAR_PATTERN,
  FollowerCountSchema,
  LINK_PATTERN,
  MENTION_KINDS,
  MentionSchema,
  MetricsSnapshotSchema,
  PostSchema,
  type FollowerCount,
  type Mention,
  type MetricsSnapshot,
  type Post,
} from '@herald/events';

import { METRIC_FIELDS, type MetricField } from './formats/export-format.ts';
import type { ImportRecord, RejectedRecord } from './import-record.ts';
import type { RowPlan } from './row-plan.ts';
import { parseContentType } from './values/content-type.ts';
import { timestampFromId } from './values/id-timestamp.ts';
import { parseCount, parseDurationSeconds, type CountResult } from './values/parse-count.ts';
import { instantInZone, parseDate, type ResolvedDate } from './values/parse-date.ts';

const checkPost = Compile(PostSchema);
const checkMetrics = Compile(MetricsSnapshotSchema);
const checkMention = Compile(MentionSchema);
const checkFollowers = Compile(FollowerCountSchema);

export interface InterpretContext {
  capturedAt: string;
  capturedAtMs: number;
  profileId?: string;
}

/** An item ready to yield, with the key that identifies it for duplicate detection. */
export type Interpreted = { record: ImportRecord; key: string } | { record: RejectedRecord; key?: undefined };

/** Thrown inside the interpreter to stop at a row's first problem; never escapes it. */
class RowProblem {
  constructor(
    readonly field: string,
    readonly column: string | undefined,
    readonly reason: string,
  ) {}
}

// NUL, a high surrogate without its low half, or a low surrogate without its high half.
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const DAY_MS = 86_400_000;
// Exports are generated in the network's zone, uploads stamped in the server's: a day of slack avoids false alarms.
const FUTURE_SLACK_MS = DAY_MS;

/** Turns the cells of one data row into an item according to a plan, or explains why it cannot. */
export class RowInterpreter {
  private readonly metricFields: MetricField[];

  constructor(
    private readonly plan: RowPlan,
    private readonly ctx: InterpretContext,
  ) {
    this.metricFields = METRIC_FIELDS.filter((f) => plan.fields[f] !== undefined);
  }

  interpret(cells: readonly string[], row: number): Interpreted {
    try {
      this.storableText(cells);
      switch (this.plan.target) {
        case 'posts':
          return this.post(cells, row);
        case 'metrics':
          return this.metricsOnly(cells, row);
        case 'followers':
          return this.followers(cells, row);
        case 'mentions':
          return this.mention(cells, row);
      }
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      return { record: rejection(row, error) };
    }
  }

  private post(cells: readonly string[], row: number): Interpreted {
    const { plan } = this;
    const networkPostId = this.postId(cells, row);
    const publishedAt = this.publishedAt(cells, networkPostId);
    const post: Post = {
      network: plan.network,
      networkPostId,
      publishedAt: publishedAt.iso,
      text: this.cell(cells, 'text')?.value ?? '',
      contentType: parseContentType(this.cell(cells, 'contentType')?.value ?? '') ?? plan.defaultContentType,
      tags: this.tags(cells),
    };
    if (publishedAt.zone) post.sourceTimeZone = publishedAt.zone;
    if (this.ctx.profileId) post.profileId = this.ctx.profileId;
    const link = this.link(cells);
    if (link) post.link = link;
    const campaign = this.cell(cells, 'campaign')?.value.trim();
    if (campaign) post.campaign = campaign;
    validate(checkPost, post, plan);

    const metrics = this.metrics(cells, this.ctx.capturedAt);
    const record: ImportRecord = { row, kind: 'post', post };
    if (metrics) record.metrics = metrics;
    return { record, key: networkPostId };
  }

  private metricsOnly(cells: readonly string[], row: number): Interpreted {
    const networkPostId = this.postId(cells, row);
    const captured = this.date(cells, 'capturedAt');
    const capturedAt = captured?.iso ?? this.ctx.capturedAt;
    const metrics = this.metrics(cells, capturedAt);
    if (!metrics) throw new RowProblem('metrics', undefined, 'The row has no metric values');
    return {
      record: { row, kind: 'metrics', networkPostId, network: this.plan.network, metrics },
      key: `${networkPostId}\u0001${capturedAt}`,
    };
  }

  private followers(cells: readonly string[], row: number): Interpreted {
    const profile = this.cell(cells, 'profileId');
    const profileId = profile?.value.trim() || this.ctx.profileId;
    if (!profileId) throw new RowProblem('profileId', profile?.header ?? this.header('profileId'), 'is empty');
    const date = this.date(cells, 'date');
    if (!date) throw new RowProblem('date', this.header('date'), 'is empty');
    const followers = this.count(cells, 'followers', parseCount);
    if (followers === undefined) throw new RowProblem('followers', this.header('followers'), 'is empty');
    const item: FollowerCount = { profileId, network: this.plan.network, date: date.localDate, followers };
    validate(checkFollowers, item, this.plan);
    return { record: { row, kind: 'followers', item }, key: `${profileId}\u0001${item.date}` };
  }

  private mention(cells: readonly string[], row: number): Interpreted {
    const id = this.requiredText(cells, 'networkMentionId').trim();
    const occurred = this.date(cells, 'occurredAt');
    if (!occurred) throw new RowProblem('occurredAt', this.header('occurredAt'), 'is empty');
    this.notFuture(occurred, 'occurredAt');
    const mention: Mention = {
      network: this.plan.network,
      networkMentionId: id,
      kind: this.mentionKind(cells),
      text: this.cell(cells, 'text')?.value ?? '',
      occurredAt: occurred.iso,
    };
    const author = this.cell(cells, 'author')?.value.trim();
    if (author) mention.author = author;
    const language = this.cell(cells, 'language')?.value.trim().toLowerCase().split(/[-_]/)[0];
    if (language) mention.language = language;
    const inReplyTo = this.cell(cells, 'inReplyToPostId')?.value.trim();
    if (inReplyTo) mention.inReplyToPostId = inReplyTo;
    const replied = this.date(cells, 'repliedAt');
    if (replied) mention.repliedAt = replied.iso;
    validate(checkMention, mention, this.plan);
    return { record: { row, kind: 'mention', mention }, key: id };
  }

  // --- fields -------------------------------------------------------------------------------------------------

  private postId(cells: readonly string[], row: number): string {
    const { plan } = this;
    const column = this.cell(cells, 'networkPostId');
    if (column) {
      const id = column.value.trim();
      if (plan.idPattern && !plan.idPattern.test(id)) {
        throw new RowProblem('networkPostId', column.header, `"${id}" is not a ${plan.network} post id`);
      }
      return id;
    }
    if (plan.idFromLink) {
      const link = this.cell(cells, 'link');
      if (!link) throw new RowProblem('networkPostId', this.header('link'), 'is empty, and the post id is read from it');
      const id = plan.idFromLink.exec(link.value)?.[1];
      if (!id) throw new RowProblem('networkPostId', link.header, `"${link.value.trim()}" holds no ${plan.network} post id`);
      return id;
    }
    if (plan.rowIdPrefix !== undefined) return `${plan.rowIdPrefix}${row}`;
    throw new RowProblem('networkPostId', this.header('networkPostId'), 'is empty');
  }

  private publishedAt(cells: readonly string[], id: string): ResolvedDate {
    const { plan } = this;
    let date = this.date(cells, 'publishedAt');
    if (!date) throw new RowProblem('publishedAt', this.header('publishedAt'), 'is empty');
    if (!date.hasTime && plan.idTimestamp) {
      const fromId = timestampFromId(plan.idTimestamp, id);
      if (fromId !== undefined) {
        const precise = instantInZone(fromId, plan.timeZone);
        // The date column's own zone is not stated; a day either way is still the same post.
        if (Math.abs(Date.parse(precise.localDate) - Date.parse(date.localDate)) <= DAY_MS) date = precise;
      }
    }
    this.notFuture(date, 'publishedAt');
    return date;
  }

  private notFuture(date: ResolvedDate, field: string): void {
    if (date.instant > this.ctx.capturedAtMs + FUTURE_SLACK_MS) {
      throw new RowProblem(field, this.header(field), `${date.iso} is later than the export was read (${this.ctx.capturedAt})`);
    }
  }

  private link(cells: readonly string[]): string | undefined {
    const cell = this.cell(cells, 'link');
    if (!cell) return undefined;
    const link = cell.value.trim();
    if (!/^https?:\/\/\S+$/i.test(link) || !URL.canParse(link)) throw new RowProblem('link', cell.header, `"${link}" is not a web address`);
    return link;
  }

  private tags(cells: readonly string[]): string[] {
    const cell = this.cell(cells, 'tags');
    if (!cell) return [];
    return [
      ...new Set(
        cell.value
          .split(/[,;|\s]+/)
          .map((t) => t.replace(/^#/, '').trim())
          .filter(Boolean),
      ),
    ];
  }

  private mentionKind(cells: readonly string[]): Mention['kind'] {
    const cell = this.cell(cells, 'kind');
    if (!cell) return 'mention';
    const value = cell.value
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const aliases: Record<string, string> = { reply: 'comment', dm: 'direct_message', message: 'direct_message' };
    const kind = aliases[value] ?? value;
    if (!(MENTION_KINDS as readonly string[]).includes(kind)) {
      throw new RowProblem('kind', cell.header, `"${cell.value}" is not one of ${MENTION_KINDS.join(', ')}`);
    }
    return kind as Mention['kind'];
  }

  private metrics(cells: readonly string[], capturedAt: string): MetricsSnapshot | undefined {
    let snapshot: MetricsSnapshot | undefined;
    for (const field of this.metricFields) {
      const value = this.count(cells, field, field === 'watchTimeSeconds' ? parseDurationSeconds : parseCount);
      if (value === undefined) continue;
      snapshot ??= { capturedAt };
      snapshot[field] = value;
    }
    if (snapshot) validate(checkMetrics, snapshot, this.plan);
    return snapshot;
  }

  private count(cells: readonly string[], field: string, parse: typeof parseCount): number | undefined {
    const cell = this.cell(cells, field);
    if (!cell) return undefined;
    const result: CountResult = parse(cell.value, this.plan.decimalSeparator);
    if (!result.ok) throw new RowProblem(field, cell.header, result.reason);
    return result.value;
  }

  private date(cells: readonly string[], field: string): ResolvedDate | undefined {
    const cell = this.cell(cells, field);
    if (!cell) return undefined;
    const result = parseDate(cell.value, this.plan.datePatterns, this.plan.timeZone);
    if (!result.ok) throw new RowProblem(field, cell.header, result.reason);
    return result.value;
  }

  private requiredText(cells: readonly string[], field: string): string {
    const cell = this.cell(cells, field);
    if (!cell || cell.value.trim() === '') throw new RowProblem(field, this.header(field), 'is empty');
    return cell.value;
  }

  /** The first non-empty cell among the field's columns, or undefined when all are empty or unmapped. */
  private cell(cells: readonly string[], field: string): { value: string; header: string } | undefined {
    const columns = this.plan.fields[field];
    if (!columns) return undefined;
    const { indexes, headers } = columns;
    for (let k = 0; k < indexes.length; k++) {
      const value = cells[indexes[k] ?? -1];
      if (value !== undefined && value.trim() !== '') return { value, header: headers[k] ?? field };
    }
    return undefined;
  }

  /**
   * Rule: a row whose mapped cell holds text no database can store (the NUL character, a lone
   * UTF-16 surrogate from a broken UTF-16 file) is rejected, naming the column; nothing is cleaned
   * silently. Cells of columns Herald does not read are never looked at.
   */
  private storableText(cells: readonly string[]): void {
    for (const [field, columns] of Object.entries(this.plan.fields)) {
      if (!columns) continue;
      columns.indexes.forEach((index, k) => {
        const bad = UNSTORABLE_TEXT.exec(cells[index] ?? '');
        if (!bad) return;
        const what = bad[0] === '\u0000' ? 'the NUL character (U+0000)' : 'a lone UTF-16 surrogate (not valid Unicode)';
        throw new RowProblem(field, columns.headers[k] ?? field, `contains ${what}, which cannot be stored; remove it from the file`);
      });
    }
  }

  private header(field: string): string | undefined {
    return this.plan.fields[field]?.headers[0];
  }
}

function rejection(row: number, problem: RowProblem): RejectedRecord {
  const reason = problem.column ? `Column "${problem.column}": ${problem.reason}` : problem.reason;
  const record: RejectedRecord = { row, kind: 'rejected', reason, field: problem.field };
  if (problem.column) record.column = problem.column;
  return record;
}

interface Validator {
  Check(value: unknown): boolean;
  Errors(value: unknown): Iterable<{ instancePath: string; message: string }> | { instancePath: string; message: string }[];
}

/** The schemas are the contract downstream; whatever the field parsers let through is checked against them. */
function validate(validator: Validator, value: unknown, plan: RowPlan): void {
  if (validator.Check(value)) return;
  const first = [...validator.Errors(value)].find((e) => e.instancePath !== '') ?? [...validator.Errors(value)][0];
  const field = first?.instancePath.split('/')[1] ?? 'row';
  const shown = (value as Record<string, unknown>)[field];
  const message = first?.message.includes(DATE_YEAR_PATTERN)
    ? DATE_RANGE_HINT
    : first?.message.includes(LINK_PATTERN)
      ? 'is not an http:// or https:// URL'
      : first?.message;
  throw new RowProblem(
    field,
    plan.fields[field]?.headers[0],
    `${typeof shown === 'string' ? `"${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}" ` : ''}${message ?? 'is invalid'}`,
  );
}
