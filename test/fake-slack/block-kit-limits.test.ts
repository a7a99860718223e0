import { describe, expect, it } from 'vitest';
import { blockKitProblems, expectValidBlocks, type Surface } from '../../src/fake-slack/block-kit-limits.js';

const x = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const section = (text = 'hello') => ({ type: 'section', text: md(text) });
const button = (text = 'Run now', extra: Record<string, unknown> = {}) => ({
  type: 'button',
  text: plain(text),
  action_id: `btn_${text.length}`,
  ...extra,
});
const actions = (...elements: unknown[]) => ({ type: 'actions', block_id: 'acts', elements });
const option = (text: string, value = 'v', extra: Record<string, unknown> = {}) => ({
  text: plain(text),
  value,
  ...extra,
});
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`Option ${i}`, `v${i}`));
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('New schedule'),
  close: plain('Cancel'),
  blocks: [section()],
  ...extra,
});
const confirm = (over: Record<string, unknown> = {}) => ({
  title: plain('Run now?'),
  text: md('This delivers the report to everyone.'),
  confirm: plain('Run'),
  deny: plain('Cancel'),
  ...over,
});
const input = (blockId: string, element: Record<string, unknown>) => ({
  type: 'input',
  block_id: blockId,
  label: plain('Name'),
  element,
});

describe('blockKitProblems', () => {
  it('accepts a realistic schedule card, modal and home tab', () => {
    const card = [
      { type: 'header', text: plain('Weekly revenue') },
      { type: 'section', text: md('*Dashboard:* Revenue'), fields: [md('*Owner*'), md('Blob Ross')] },
      { type: 'context', elements: [md('Last run: success')] },
      { type: 'divider' },
      actions(
        button('Run now', { action_id: 'run', value: 'sched-1', confirm: confirm() }),
        button('Delete', { action_id: 'delete', style: 'danger' }),
        { type: 'overflow', action_id: 'more', options: options(5) },
      ),
    ];
    expect(blockKitProblems('message', card)).toEqual([]);
    const form = modal({
      submit: plain('Create'),
      private_metadata: '{"channel":"C1"}',
      blocks: [
        input('name', { type: 'plain_text_input', action_id: 'name_input', max_length: 200, initial_value: 'Weekly' }),
        input('who', { type: 'multi_users_select', action_id: 'users', placeholder: plain('Pick people') }),
        input('fmt', {
          type: 'static_select',
          action_id: 'format',
          options: options(3),
          initial_option: option('Option 1', 'v1'),
        }),
      ],
    });
    expect(blockKitProblems('modal', form)).toEqual([]);
    expect(blockKitProblems('home', { type: 'home', blocks: card })).toEqual([]);
  });

  it('names the element path and the sizes, like blocks[3].elements[1].text: 80 chars > 75', () => {
    const blocks = [section(), section(), { type: 'divider' }, actions(button('ok'), button(x(80)))];
    expect(blockKitProblems('message', blocks)).toEqual(['blocks[3].elements[1].text: 80 chars > 75']);
  });

  const cases: [string, Surface, unknown, string][] = [
    ['51 blocks in a message', 'message', Array.from({ length: 51 }, () => section()), 'blocks: 51 blocks > 50'],
    [
      '101 blocks in a modal',
      'modal',
      modal({ blocks: Array.from({ length: 101 }, () => section()) }),
      'blocks: 101 blocks > 100',
    ],
    [
      '101 blocks on the home tab',
      'home',
      { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
      'blocks: 101 blocks > 100',
    ],
    ['header text 151', 'message', [{ type: 'header', text: plain(x(151)) }], 'blocks[0].text: 151 chars > 150'],
    [
      'mrkdwn header',
      'message',
      [{ type: 'header', text: md('hi') }],
      'blocks[0].text.type: must be plain_text (got mrkdwn)',
    ],
    ['section text 3001', 'message', [section(x(3001))], 'blocks[0].text: 3001 chars > 3000'],
    ['empty section text', 'message', [section('')], 'blocks[0].text: is empty'],
    ['section without text or fields', 'message', [{ type: 'section' }], 'blocks[0]: needs text or fields'],
    [
      '11 section fields',
      'message',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }],
      'blocks[0].fields: 11 fields > 10',
    ],
    [
      'section field 2001',
      'message',
      [{ type: 'section', fields: [md(x(2001))] }],
      'blocks[0].fields[0]: 2001 chars > 2000',
    ],
    [
      '26 actions elements',
      'message',
      [actions(...Array.from({ length: 26 }, (_, i) => button('b', { action_id: `b${i}` })))],
      'blocks[0].elements: 26 elements > 25',
    ],
    [
      '11 context elements',
      'message',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }],
      'blocks[0].elements: 11 elements > 10',
    ],
    ['empty actions block', 'message', [actions()], 'blocks[0].elements: 0 elements < 1'],
    [
      'button value 2001',
      'message',
      [actions(button('b', { value: x(2001) }))],
      'blocks[0].elements[0].value: 2001 chars > 2000',
    ],
    [
      'button url 3001',
      'message',
      [actions(button('b', { url: x(3001) }))],
      'blocks[0].elements[0].url: 3001 chars > 3000',
    ],
    [
      'button style',
      'message',
      [actions(button('b', { style: 'red' }))],
      'blocks[0].elements[0].style: must be primary or danger (got red)',
    ],
    [
      'mrkdwn button text',
      'message',
      [actions({ type: 'button', action_id: 'b', text: md('*b*') })],
      'blocks[0].elements[0].text.type: must be plain_text (got mrkdwn)',
    ],
    [
      '101 select options',
      'message',
      [actions({ type: 'static_select', action_id: 's', options: options(101) })],
      'blocks[0].elements[0].options: 101 options > 100',
    ],
    [
      '101 option groups',
      'message',
      [
        actions({
          type: 'static_select',
          action_id: 's',
          option_groups: Array.from({ length: 101 }, () => ({ label: plain('g'), options: options(1) })),
        }),
      ],
      'blocks[0].elements[0].option_groups: 101 option groups > 100',
    ],
    [
      'option text 76',
      'message',
      [actions({ type: 'static_select', action_id: 's', options: [option(x(76))] })],
      'blocks[0].elements[0].options[0].text: 76 chars > 75',
    ],
    [
      'option value 76',
      'message',
      [actions({ type: 'static_select', action_id: 's', options: [option('a', x(76))] })],
      'blocks[0].elements[0].options[0].value: 76 chars > 75',
    ],
    [
      'option description 76',
      'message',
      [actions({ type: 'static_select', action_id: 's', options: [option('a', 'v', { description: plain(x(76)) })] })],
      'blocks[0].elements[0].options[0].description: 76 chars > 75',
    ],
    [
      'initial option not offered',
      'message',
      [actions({ type: 'static_select', action_id: 's', options: options(2), initial_option: option('Nope', 'zz') })],
      'blocks[0].elements[0].initial_option: must be one of the options (value "zz" with the same text)',
    ],
    [
      '6 overflow options',
      'message',
      [actions({ type: 'overflow', action_id: 'o', options: options(6) })],
      'blocks[0].elements[0].options: 6 options > 5',
    ],
    [
      '11 checkboxes',
      'message',
      [actions({ type: 'checkboxes', action_id: 'c', options: options(11) })],
      'blocks[0].elements[0].options: 11 options > 10',
    ],
    [
      '11 radio buttons',
      'message',
      [actions({ type: 'radio_buttons', action_id: 'r', options: options(11) })],
      'blocks[0].elements[0].options: 11 options > 10',
    ],
    [
      'placeholder 151',
      'message',
      [actions({ type: 'users_select', action_id: 'u', placeholder: plain(x(151)) })],
      'blocks[0].elements[0].placeholder: 151 chars > 150',
    ],
    [
      'confirm title 101',
      'message',
      [actions(button('b', { confirm: confirm({ title: plain(x(101)) }) }))],
      'blocks[0].elements[0].confirm.title: 101 chars > 100',
    ],
    [
      'confirm text 301',
      'message',
      [actions(button('b', { confirm: confirm({ text: md(x(301)) }) }))],
      'blocks[0].elements[0].confirm.text: 301 chars > 300',
    ],
    [
      'confirm button 31',
      'message',
      [actions(button('b', { confirm: confirm({ confirm: plain(x(31)) }) }))],
      'blocks[0].elements[0].confirm.confirm: 31 chars > 30',
    ],
    [
      'deny button 31',
      'message',
      [actions(button('b', { confirm: confirm({ deny: plain(x(31)) }) }))],
      'blocks[0].elements[0].confirm.deny: 31 chars > 30',
    ],
    ['modal title 25', 'modal', modal({ title: plain(x(25)) }), 'title: 25 chars > 24'],
    ['modal without title', 'modal', modal({ title: undefined }), 'title: is required'],
    ['modal submit 25', 'modal', modal({ submit: plain(x(25)) }), 'submit: 25 chars > 24'],
    ['modal close 25', 'modal', modal({ close: plain(x(25)) }), 'close: 25 chars > 24'],
    ['private_metadata 3001', 'modal', modal({ private_metadata: x(3001) }), 'private_metadata: 3001 chars > 3000'],
    ['callback_id 256', 'modal', modal({ callback_id: x(256) }), 'callback_id: 256 chars > 255'],
    ['block_id 256', 'message', [{ ...section(), block_id: x(256) }], 'blocks[0].block_id: 256 chars > 255'],
    [
      'action_id 256',
      'message',
      [actions(button('b', { action_id: x(256) }))],
      'blocks[0].elements[0].action_id: 256 chars > 255',
    ],
    [
      'input block without submit',
      'modal',
      modal({ blocks: [input('name', { type: 'plain_text_input', action_id: 'n' })] }),
      'submit: is required when the view has an input block',
    ],
    [
      'duplicate block_id',
      'message',
      [
        { ...section(), block_id: 'row' },
        { ...section(), block_id: 'row' },
      ],
      'blocks[1].block_id: duplicate block_id "row" (also blocks[0])',
    ],
    [
      'duplicate action_id in a block',
      'message',
      [actions(button('a', { action_id: 'same' }), button('b', { action_id: 'same' }))],
      'blocks[0].elements[1].action_id: duplicate action_id "same"',
    ],
    [
      'text input in an actions block',
      'message',
      [actions({ type: 'plain_text_input', action_id: 't' })],
      'blocks[0].elements[0].type: plain_text_input is not allowed in actions',
    ],
    [
      'text input max_length above 3000',
      'modal',
      modal({
        submit: plain('Save'),
        blocks: [input('n', { type: 'plain_text_input', action_id: 'n', max_length: 3001 })],
      }),
      'blocks[0].element.max_length: must be a number from 1 to 3000',
    ],
    [
      'unknown block type',
      'message',
      [{ type: 'sectoin', text: md('typo') }],
      'blocks[0].type: unknown block type sectoin',
    ],
    ['home view typed as modal', 'home', { type: 'modal', blocks: [] }, 'type: must be "home" (got "modal")'],
    [
      'blocks inside message attachments',
      'message',
      { text: 'fallback', attachments: [{ blocks: [section(x(3001))] }] },
      'attachments[0].blocks[0].text: 3001 chars > 3000',
    ],
  ];

  it.each(cases)('catches %s', (_name, surface, value, expected) => {
    expect(blockKitProblems(surface, value)).toContain(expected);
  });

  it('accepts every limit at exactly its bound', () => {
    const atBounds = [
      { type: 'header', text: plain(x(150)) },
      section(x(3000)),
      { type: 'section', fields: Array.from({ length: 10 }, () => md(x(2000))) },
      actions(
        button(x(75), { value: x(2000), url: x(3000), confirm: confirm({ title: plain(x(100)), text: md(x(300)) }) }),
        { type: 'static_select', action_id: 's', placeholder: plain(x(150)), options: [option(x(75), x(75))] },
        { type: 'overflow', action_id: 'o', options: options(5) },
      ),
    ];
    expect(blockKitProblems('message', atBounds)).toEqual([]);
    expect(
      blockKitProblems(
        'message',
        Array.from({ length: 50 }, () => section()),
      ),
    ).toEqual([]);
    expect(
      blockKitProblems('modal', modal({ title: plain(x(24)), close: plain(x(24)), private_metadata: x(3000) })),
    ).toEqual([]);
  });

  it('allows the same action_id in different blocks (one Run button per row)', () => {
    const rows = [1, 2].map((i) => ({
      ...section(`row ${i}`),
      block_id: `row_${i}`,
      accessory: button('Run', { action_id: 'run' }),
    }));
    expect(blockKitProblems('message', rows)).toEqual([]);
  });
});

describe('expectValidBlocks', () => {
  it('passes valid blocks and throws with every problem listed', () => {
    expect(() => expectValidBlocks('message', [section()])).not.toThrow();
    expect(() => expectValidBlocks('modal', modal({ title: plain(x(30)), private_metadata: x(3001) }))).toThrow(
      /title: 30 chars > 24[\s\S]*private_metadata: 3001 chars > 3000/,
    );
  });
});
