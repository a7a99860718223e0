// A choice from a menu (overflow, static select) is acted on only if this app offered it: a value it never
// drew (a forged or tampered request) is refused, not read as a default. Each listener first checks the
// value's shape against what the app ever offers there; where the payload also carries the blocks of the
// message or view the menu is in (a channel message, App Home, a modal), the value must be one of that
// element's options there. When it carries none (an ephemeral message), only the shape is checked.

/** What the clicker reads when a menu's value is not one the app offered. */
export const NOT_OFFERED_TEXT = 'That choice is not one this app offered; nothing was changed.';

interface DrawnElement {
  action_id?: string;
  options?: { value?: string }[];
  option_groups?: { options?: { value?: string }[] }[];
}
interface DrawnBlock {
  block_id?: string;
  accessory?: DrawnElement;
  element?: DrawnElement;
  elements?: DrawnElement[];
}
interface ActionLike {
  action_id: string;
  block_id?: string;
  selected_option?: { value?: string } | null;
}
interface BodyLike {
  message?: Record<string, unknown>;
  view?: { blocks?: unknown };
}

/**
 * Whether the chosen value is among the options of the element the action came from, as the app drew it:
 * true or false when the payload carries those blocks, undefined when it does not (an ephemeral message).
 */
export function offeredInPayload(body: BodyLike, action: ActionLike): boolean | undefined {
  const drawn = (body.view?.blocks ?? body.message?.blocks) as DrawnBlock[] | undefined;
  if (!Array.isArray(drawn)) return undefined;
  const value = action.selected_option?.value;
  if (typeof value !== 'string') return false;
  for (const block of drawn) {
    // Slack gives every block an id (its own when the app set none); match it when the copy has one.
    if (block.block_id !== undefined && action.block_id !== undefined && block.block_id !== action.block_id) continue;
    const elements = [block.accessory, block.element, ...(block.elements ?? [])];
    for (const element of elements) {
      if (!element || element.action_id !== action.action_id) continue;
      const options = [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
      if (options.some((o) => o.value === value)) return true;
    }
  }
  return false;
}
