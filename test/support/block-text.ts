// Flattens Block Kit into the text a user reads, for assertions on what a builder shows.
export function visibleText(x: unknown, only?: 'mrkdwn' | 'plain_text'): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      const isText = obj.type === 'mrkdwn' || obj.type === 'plain_text';
      if (isText && (only === undefined || obj.type === only) && typeof obj.text === 'string') parts.push(obj.text);
      for (const [key, value] of Object.entries(obj)) if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(x);
  return parts.join('\n');
}

/** Every action_id in the blocks, in order. */
export function actionIds(x: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (typeof obj.action_id === 'string') ids.push(obj.action_id);
      Object.values(obj).forEach(walk);
    }
  };
  walk(x);
  return ids;
}
