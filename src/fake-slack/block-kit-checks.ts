// Low-level Block Kit checks shared by the block and element validators (block-kit-limits.ts).
// Limits follow Slack's published Block Kit reference and @slack/types; where sources disagree the
// stricter bound is used (see LIMITS.optionValue).

export type Path = (string | number)[];

export interface BlockKitIssue {
  /** Where the problem is, e.g. ['blocks', 3, 'elements', 1, 'text']. */
  path: Path;
  /** What is wrong, e.g. '80 chars > 75'. */
  message: string;
}

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  id: 255, // block_id, action_id, callback_id, external_id
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  markdownText: 12000,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  accessibilityLabel: 75,
  selectOptions: 100,
  optionGroups: 100,
  optionGroupLabel: 75,
  overflowOptions: 5,
  checkboxOptions: 10,
  radioOptions: 10,
  optionText: 75,
  optionDescription: 75,
  // @slack/types says 75, the option-object page 150: 75 is the bound that is safe everywhere.
  optionValue: 75,
  placeholder: 150,
  inputLength: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  imageAltText: 2000,
  imageTitle: 2000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
} as const;

/** Collects issues while walking one surface. */
export class IssueCollector {
  readonly issues: BlockKitIssue[] = [];
  add(path: Path, message: string): void {
    this.issues.push({ path: [...path], message });
  }
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Slack counts characters, not UTF-16 code units. */
export function charCount(s: string): number {
  return [...s].length;
}

/** Checks an optional string field's type and length. */
export function checkString(
  out: IssueCollector,
  value: unknown,
  path: Path,
  max: number,
  opts: { required?: boolean; min?: number } = {},
): void {
  if (value === undefined || value === null) {
    if (opts.required) out.add(path, 'is required');
    return;
  }
  if (typeof value !== 'string') {
    out.add(path, `must be a string (got ${typeof value})`);
    return;
  }
  const n = charCount(value);
  if (n > max) out.add(path, `${n} chars > ${max}`);
  if (opts.min !== undefined && n < opts.min) out.add(path, n === 0 ? 'is empty' : `${n} chars < ${opts.min}`);
}

export interface TextRules {
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}

/** Checks a text composition object: { type: 'plain_text' | 'mrkdwn', text }. */
export function checkText(out: IssueCollector, t: unknown, path: Path, rules: TextRules): void {
  if (t === undefined || t === null) {
    if (rules.required) out.add(path, 'is required');
    return;
  }
  if (!isObject(t)) {
    out.add(path, 'must be a text object { type, text }');
    return;
  }
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') {
    out.add([...path, 'type'], `must be plain_text or mrkdwn (got ${String(t.type)})`);
    return;
  }
  if (rules.plainOnly && t.type !== 'plain_text') out.add([...path, 'type'], 'must be plain_text (got mrkdwn)');
  if (typeof t.text !== 'string') {
    out.add([...path, 'text'], 'is required');
    return;
  }
  const n = charCount(t.text);
  // The path names the text object, as in "blocks[3].elements[1].text: 80 chars > 75".
  if (n > rules.max) out.add(path, `${n} chars > ${rules.max}`);
  if (n === 0) out.add(path, 'is empty');
}

/** Checks an array's presence and size; returns the array (or [] when absent or not an array). */
export function checkArray(
  out: IssueCollector,
  value: unknown,
  path: Path,
  limits: { max: number; min?: number; required?: boolean; noun: string },
): unknown[] {
  if (value === undefined || value === null) {
    if (limits.required) out.add(path, 'is required');
    return [];
  }
  if (!Array.isArray(value)) {
    out.add(path, 'must be an array');
    return [];
  }
  if (value.length > limits.max) out.add(path, `${value.length} ${limits.noun} > ${limits.max}`);
  if (limits.min !== undefined && value.length < limits.min) {
    out.add(path, `${value.length} ${limits.noun} < ${limits.min}`);
  }
  return value;
}

export function checkConfirm(out: IssueCollector, c: unknown, path: Path): void {
  if (c === undefined) return;
  if (!isObject(c)) {
    out.add(path, 'must be a confirm object');
    return;
  }
  checkText(out, c.title, [...path, 'title'], { max: LIMITS.confirmTitle, plainOnly: true, required: true });
  checkText(out, c.text, [...path, 'text'], { max: LIMITS.confirmText, required: true });
  checkText(out, c.confirm, [...path, 'confirm'], { max: LIMITS.confirmButton, plainOnly: true, required: true });
  checkText(out, c.deny, [...path, 'deny'], { max: LIMITS.confirmButton, plainOnly: true, required: true });
  if (c.style !== undefined && c.style !== 'primary' && c.style !== 'danger') {
    out.add([...path, 'style'], `must be primary or danger (got ${String(c.style)})`);
  }
}

/** Checks one option object; mrkdwn text is allowed only for checkboxes and radio buttons. */
export function checkOption(out: IssueCollector, o: unknown, path: Path, allowMrkdwn: boolean): void {
  if (!isObject(o)) {
    out.add(path, 'must be an option object { text, value }');
    return;
  }
  checkText(out, o.text, [...path, 'text'], { max: LIMITS.optionText, plainOnly: !allowMrkdwn, required: true });
  checkString(out, o.value, [...path, 'value'], LIMITS.optionValue, { required: true, min: 1 });
  checkText(out, o.description, [...path, 'description'], { max: LIMITS.optionDescription, plainOnly: !allowMrkdwn });
  checkString(out, o.url, [...path, 'url'], LIMITS.url);
}

/** Slack requires initial options to equal (text and value) one of the offered options. */
export function checkInitialOptions(out: IssueCollector, offered: unknown[], initial: unknown, path: Path): void {
  if (initial === undefined) return;
  const list = Array.isArray(initial) ? initial : [initial];
  list.forEach((opt, i) => {
    const at = Array.isArray(initial) ? [...path, i] : path;
    if (!isObject(opt)) {
      out.add(at, 'must be an option object');
      return;
    }
    const match = offered.some(
      (o) => isObject(o) && o.value === opt.value && JSON.stringify(o.text) === JSON.stringify(opt.text),
    );
    if (!match) out.add(at, `must be one of the options (value ${JSON.stringify(opt.value)} with the same text)`);
  });
}

/** "blocks[3].elements[1].text" */
export function formatPath(path: Path): string {
  let s = '';
  for (const part of path) s += typeof part === 'number' ? `[${part}]` : s === '' ? part : `.${part}`;
  return s === '' ? '(root)' : s;
}

/** "/blocks/3/elements/1/text", the form Slack uses in its error messages. */
export function jsonPointer(path: Path): string {
  return `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}
