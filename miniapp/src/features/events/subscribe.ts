/** WeChat answers requestSubscribeMessage with `accept`, `reject`, `ban` or `filter` per template id. */
export function acceptedTemplateIds(answer: Record<string, unknown>, asked: readonly string[]): string[] {
  return asked.filter((id) => answer[id] === 'accept');
}

/** wx.requestSubscribeMessage takes at most three templates a call. */
export const MAX_TEMPLATES_PER_REQUEST = 3;
