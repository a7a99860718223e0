// Test-time Block Kit validator: Slack has no offline schema, so the limits that Slack enforces
// (and answers with invalid_blocks / invalid_arguments) are compiled here. Used by UI builder tests
// and by the fake Slack Web API.
import {
  type BlockKitIssue,
  checkArray,
  checkString,
  checkText,
  formatPath,
  IssueCollector,
  isObject,
  LIMITS,
  type Path,
} from './block-kit-checks.js';
import { checkElement } from './block-kit-elements.js';

export { type BlockKitIssue, formatPath, jsonPointer, LIMITS } from './block-kit-checks.js';

export type Surface = 'message' | 'modal' | 'home';

const KNOWN_BLOCKS = new Set([
  'section',
  'header',
  'divider',
  'actions',
  'context',
  'image',
  'input',
  'rich_text',
  'markdown',
  'video',
  'file',
  'table',
  'context_actions',
]);

function checkBlock(out: IssueCollector, block: unknown, path: Path, blockIds: Map<string, Path>): void {
  if (!isObject(block)) {
    out.add(path, 'must be a block object');
    return;
  }
  const type = String(block.type);
  if (!KNOWN_BLOCKS.has(type)) {
    out.add([...path, 'type'], `unknown block type ${type}`);
    return;
  }
  if (block.block_id !== undefined) {
    checkString(out, block.block_id, [...path, 'block_id'], LIMITS.id, { min: 1 });
    if (typeof block.block_id === 'string') {
      const first = blockIds.get(block.block_id);
      if (first) out.add([...path, 'block_id'], `duplicate block_id "${block.block_id}" (also ${formatPath(first)})`);
      else blockIds.set(block.block_id, path);
    }
  }
  const actionIds = new Map<string, Path>();
  switch (type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) out.add(path, 'needs text or fields');
      checkText(out, block.text, [...path, 'text'], { max: LIMITS.sectionText });
      const fields = checkArray(out, block.fields, [...path, 'fields'], {
        max: LIMITS.sectionFields,
        min: 1,
        noun: 'fields',
      });
      fields.forEach((f, i) => {
        checkText(out, f, [...path, 'fields', i], { max: LIMITS.sectionFieldText, required: true });
      });
      if (block.accessory !== undefined)
        checkElement(out, block.accessory, [...path, 'accessory'], 'accessory', actionIds);
      return;
    }
    case 'header':
      checkText(out, block.text, [...path, 'text'], { max: LIMITS.headerText, plainOnly: true, required: true });
      return;
    case 'actions': {
      const elements = checkArray(out, block.elements, [...path, 'elements'], {
        max: LIMITS.actionsElements,
        min: 1,
        required: true,
        noun: 'elements',
      });
      elements.forEach((el, i) => {
        checkElement(out, el, [...path, 'elements', i], 'actions', actionIds);
      });
      return;
    }
    case 'context': {
      const elements = checkArray(out, block.elements, [...path, 'elements'], {
        max: LIMITS.contextElements,
        min: 1,
        required: true,
        noun: 'elements',
      });
      elements.forEach((el, i) => {
        const at = [...path, 'elements', i];
        if (isObject(el) && el.type === 'image') checkElement(out, el, at, 'accessory', actionIds);
        else checkText(out, el, at, { max: LIMITS.sectionText, required: true });
      });
      return;
    }
    case 'image':
      if (block.image_url === undefined && block.slack_file === undefined)
        out.add(path, 'needs image_url or slack_file');
      checkString(out, block.image_url, [...path, 'image_url'], LIMITS.url);
      checkString(out, block.alt_text, [...path, 'alt_text'], LIMITS.imageAltText, { required: true, min: 1 });
      checkText(out, block.title, [...path, 'title'], { max: LIMITS.imageTitle, plainOnly: true });
      return;
    case 'input':
      checkText(out, block.label, [...path, 'label'], { max: LIMITS.inputLabel, plainOnly: true, required: true });
      checkText(out, block.hint, [...path, 'hint'], { max: LIMITS.inputHint, plainOnly: true });
      if (block.element === undefined) out.add([...path, 'element'], 'is required');
      else checkElement(out, block.element, [...path, 'element'], 'input', actionIds);
      return;
    case 'markdown':
      checkString(out, block.text, [...path, 'text'], LIMITS.markdownText, { required: true, min: 1 });
      return;
    case 'rich_text':
      checkArray(out, block.elements, [...path, 'elements'], {
        max: Number.POSITIVE_INFINITY,
        required: true,
        noun: '',
      });
      return;
    default:
      return; // divider, video, file, table, context_actions: no limits we rely on
  }
}

function checkBlocks(out: IssueCollector, blocks: unknown, path: Path, max: number, required: boolean): unknown[] {
  const list = checkArray(out, blocks, path, { max, required, noun: 'blocks' });
  const blockIds = new Map<string, Path>();
  list.forEach((b, i) => {
    checkBlock(out, b, [...path, i], blockIds);
  });
  return list;
}

function checkView(out: IssueCollector, surface: 'modal' | 'home', view: Record<string, unknown>): void {
  if (view.type !== surface) out.add(['type'], `must be "${surface}" (got ${JSON.stringify(view.type)})`);
  if (surface === 'modal') {
    checkText(out, view.title, ['title'], { max: LIMITS.viewTitle, plainOnly: true, required: true });
    checkText(out, view.submit, ['submit'], { max: LIMITS.viewButton, plainOnly: true });
    checkText(out, view.close, ['close'], { max: LIMITS.viewButton, plainOnly: true });
  }
  const blocks = checkBlocks(out, view.blocks, ['blocks'], LIMITS.blocksPerView, true);
  checkString(out, view.private_metadata, ['private_metadata'], LIMITS.privateMetadata);
  checkString(out, view.callback_id, ['callback_id'], LIMITS.id);
  checkString(out, view.external_id, ['external_id'], LIMITS.id);
  if (surface === 'modal' && view.submit === undefined && blocks.some((b) => isObject(b) && b.type === 'input')) {
    out.add(['submit'], 'is required when the view has an input block');
  }
}

/**
 * Every limit violation in a message's blocks (an array, or `{ blocks, attachments }`) or in a
 * modal / home view (a view object, or just its blocks array), with paths.
 */
export function blockKitIssues(surface: Surface, blocksOrView: unknown): BlockKitIssue[] {
  const out = new IssueCollector();
  if (Array.isArray(blocksOrView)) {
    const max = surface === 'message' ? LIMITS.blocksPerMessage : LIMITS.blocksPerView;
    checkBlocks(out, blocksOrView, ['blocks'], max, true);
  } else if (!isObject(blocksOrView)) {
    out.add([], `expected ${surface === 'message' ? 'a blocks array or a message' : 'a view'} object`);
  } else if (surface === 'message') {
    checkBlocks(out, blocksOrView.blocks, ['blocks'], LIMITS.blocksPerMessage, false);
    const attachments = checkArray(out, blocksOrView.attachments, ['attachments'], {
      max: 100,
      noun: 'attachments',
    });
    attachments.forEach((a, i) => {
      if (isObject(a)) checkBlocks(out, a.blocks, ['attachments', i, 'blocks'], LIMITS.blocksPerMessage, false);
    });
  } else {
    checkView(out, surface, blocksOrView);
  }
  return out.issues;
}

/** Readable problems such as `blocks[3].elements[1].text: 80 chars > 75`; empty means valid. */
export function blockKitProblems(surface: Surface, blocksOrView: unknown): string[] {
  return blockKitIssues(surface, blocksOrView).map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** Throws an Error listing every problem; use in UI builder tests. */
export function expectValidBlocks(surface: Surface, blocksOrView: unknown): void {
  const problems = blockKitProblems(surface, blocksOrView);
  if (problems.length > 0) {
    throw new Error(`Block Kit ${surface} breaks Slack's limits:\n  - ${problems.join('\n  - ')}`);
  }
}
