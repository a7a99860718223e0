// Block element checks (buttons, selects, inputs, ...) for the Block Kit limits validator.
import {
  checkArray,
  checkConfirm,
  checkInitialOptions,
  checkOption,
  checkString,
  checkText,
  type IssueCollector,
  isObject,
  LIMITS,
  type Path,
} from './block-kit-checks.js';

/** Where an element sits decides which element types Slack accepts there. */
export type ElementSlot = 'actions' | 'accessory' | 'input';

const SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
];
const INTERACTIVE_CHOICES = ['checkboxes', 'radio_buttons', 'datepicker', 'timepicker', 'datetimepicker'];

export const ALLOWED_ELEMENTS: Record<ElementSlot, ReadonlySet<string>> = {
  actions: new Set([
    'button',
    'overflow',
    'workflow_button',
    'icon_button',
    'feedback_buttons',
    'rich_text_input',
    ...SELECTS,
    ...INTERACTIVE_CHOICES,
  ]),
  accessory: new Set(['button', 'overflow', 'image', 'workflow_button', ...SELECTS, ...INTERACTIVE_CHOICES]),
  input: new Set([
    'plain_text_input',
    'email_text_input',
    'url_text_input',
    'number_input',
    'rich_text_input',
    'file_input',
    ...SELECTS,
    ...INTERACTIVE_CHOICES,
  ]),
};

function checkPlaceholder(out: IssueCollector, el: Record<string, unknown>, path: Path): void {
  checkText(out, el.placeholder, [...path, 'placeholder'], { max: LIMITS.placeholder, plainOnly: true });
}

function checkSelect(out: IssueCollector, el: Record<string, unknown>, path: Path, type: string): void {
  checkPlaceholder(out, el, path);
  checkConfirm(out, el.confirm, [...path, 'confirm']);
  const multi = type.startsWith('multi_');
  if (multi && el.max_selected_items !== undefined) {
    if (typeof el.max_selected_items !== 'number' || el.max_selected_items < 1) {
      out.add([...path, 'max_selected_items'], 'must be a number ≥ 1');
    }
  }
  const initialKey = multi ? 'initial_options' : 'initial_option';
  if (type.endsWith('static_select')) {
    if ((el.options === undefined) === (el.option_groups === undefined)) {
      out.add(path, 'needs exactly one of options or option_groups');
    }
    const offered: unknown[] = [];
    const options = checkArray(out, el.options, [...path, 'options'], { max: LIMITS.selectOptions, noun: 'options' });
    options.forEach((o, i) => {
      checkOption(out, o, [...path, 'options', i], false);
      offered.push(o);
    });
    const groups = checkArray(out, el.option_groups, [...path, 'option_groups'], {
      max: LIMITS.optionGroups,
      noun: 'option groups',
    });
    groups.forEach((g, gi) => {
      const gp = [...path, 'option_groups', gi];
      if (!isObject(g)) {
        out.add(gp, 'must be an option group { label, options }');
        return;
      }
      checkText(out, g.label, [...gp, 'label'], { max: LIMITS.optionGroupLabel, plainOnly: true, required: true });
      const gopts = checkArray(out, g.options, [...gp, 'options'], {
        max: LIMITS.selectOptions,
        min: 1,
        required: true,
        noun: 'options',
      });
      gopts.forEach((o, i) => {
        checkOption(out, o, [...gp, 'options', i], false);
        offered.push(o);
      });
    });
    checkInitialOptions(out, offered, el[initialKey], [...path, initialKey]);
  } else if (type.endsWith('external_select')) {
    if (el.min_query_length !== undefined && (typeof el.min_query_length !== 'number' || el.min_query_length < 0)) {
      out.add([...path, 'min_query_length'], 'must be a number ≥ 0');
    }
    const initial = el[initialKey];
    if (initial !== undefined) {
      const list = Array.isArray(initial) ? initial : [initial];
      list.forEach((o, i) => {
        checkOption(out, o, Array.isArray(initial) ? [...path, initialKey, i] : [...path, initialKey], false);
      });
    }
  }
}

function checkChoiceList(
  out: IssueCollector,
  el: Record<string, unknown>,
  path: Path,
  max: number,
  allowMrkdwn: boolean,
  initialKey: string,
): void {
  const options = checkArray(out, el.options, [...path, 'options'], { max, min: 1, required: true, noun: 'options' });
  options.forEach((o, i) => {
    checkOption(out, o, [...path, 'options', i], allowMrkdwn);
  });
  checkInitialOptions(out, options, el[initialKey], [...path, initialKey]);
  checkConfirm(out, el.confirm, [...path, 'confirm']);
}

function checkTextInput(out: IssueCollector, el: Record<string, unknown>, path: Path): void {
  checkPlaceholder(out, el, path);
  const { min_length: min, max_length: max } = el;
  if (min !== undefined && (typeof min !== 'number' || min < 0 || min > LIMITS.inputLength)) {
    out.add([...path, 'min_length'], `must be a number from 0 to ${LIMITS.inputLength}`);
  }
  if (max !== undefined && (typeof max !== 'number' || max < 1 || max > LIMITS.inputLength)) {
    out.add([...path, 'max_length'], `must be a number from 1 to ${LIMITS.inputLength}`);
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    out.add([...path, 'min_length'], `${min} > max_length ${max}`);
  }
  const limit = typeof max === 'number' ? Math.min(max, LIMITS.inputLength) : LIMITS.inputLength;
  checkString(out, el.initial_value, [...path, 'initial_value'], limit);
}

/**
 * Checks one interactive or image element. `actionIds` collects the block's action_ids so the
 * caller can report duplicates within the block.
 */
export function checkElement(
  out: IssueCollector,
  el: unknown,
  path: Path,
  slot: ElementSlot,
  actionIds: Map<string, Path>,
): void {
  if (!isObject(el)) {
    out.add(path, 'must be an element object');
    return;
  }
  const type = String(el.type);
  if (!ALLOWED_ELEMENTS[slot].has(type)) {
    out.add([...path, 'type'], `${type} is not allowed in ${slot === 'accessory' ? 'a section accessory' : slot}`);
    return;
  }
  if (el.action_id !== undefined) {
    checkString(out, el.action_id, [...path, 'action_id'], LIMITS.id, { min: 1 });
    if (typeof el.action_id === 'string') {
      if (actionIds.has(el.action_id)) out.add([...path, 'action_id'], `duplicate action_id "${el.action_id}"`);
      else actionIds.set(el.action_id, path);
    }
  }
  switch (type) {
    case 'button':
      checkText(out, el.text, [...path, 'text'], { max: LIMITS.buttonText, plainOnly: true, required: true });
      checkString(out, el.value, [...path, 'value'], LIMITS.buttonValue);
      checkString(out, el.url, [...path, 'url'], LIMITS.url);
      checkString(out, el.accessibility_label, [...path, 'accessibility_label'], LIMITS.accessibilityLabel);
      if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
        out.add([...path, 'style'], `must be primary or danger (got ${String(el.style)})`);
      }
      checkConfirm(out, el.confirm, [...path, 'confirm']);
      return;
    case 'overflow': {
      const options = checkArray(out, el.options, [...path, 'options'], {
        max: LIMITS.overflowOptions,
        min: 1,
        required: true,
        noun: 'options',
      });
      options.forEach((o, i) => {
        checkOption(out, o, [...path, 'options', i], false);
      });
      checkConfirm(out, el.confirm, [...path, 'confirm']);
      return;
    }
    case 'checkboxes':
      checkChoiceList(out, el, path, LIMITS.checkboxOptions, true, 'initial_options');
      return;
    case 'radio_buttons':
      checkChoiceList(out, el, path, LIMITS.radioOptions, true, 'initial_option');
      return;
    case 'datepicker':
      checkPlaceholder(out, el, path);
      checkConfirm(out, el.confirm, [...path, 'confirm']);
      if (el.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(el.initial_date))) {
        out.add([...path, 'initial_date'], `must be YYYY-MM-DD (got ${JSON.stringify(el.initial_date)})`);
      }
      return;
    case 'timepicker':
      checkPlaceholder(out, el, path);
      checkConfirm(out, el.confirm, [...path, 'confirm']);
      if (el.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(el.initial_time))) {
        out.add([...path, 'initial_time'], `must be HH:mm (got ${JSON.stringify(el.initial_time)})`);
      }
      return;
    case 'datetimepicker':
      checkConfirm(out, el.confirm, [...path, 'confirm']);
      if (el.initial_date_time !== undefined && !Number.isInteger(el.initial_date_time)) {
        out.add([...path, 'initial_date_time'], 'must be a UNIX timestamp in seconds');
      }
      return;
    case 'plain_text_input':
      checkTextInput(out, el, path);
      return;
    case 'email_text_input':
    case 'url_text_input':
      checkPlaceholder(out, el, path);
      return;
    case 'number_input':
      checkPlaceholder(out, el, path);
      if (typeof el.is_decimal_allowed !== 'boolean') out.add([...path, 'is_decimal_allowed'], 'is required');
      return;
    case 'image':
      if (el.image_url === undefined && el.slack_file === undefined) out.add(path, 'needs image_url or slack_file');
      checkString(out, el.image_url, [...path, 'image_url'], LIMITS.url);
      checkString(out, el.alt_text, [...path, 'alt_text'], LIMITS.imageAltText, { required: true, min: 1 });
      return;
    default:
      if (SELECTS.includes(type)) checkSelect(out, el, path, type);
  }
}
