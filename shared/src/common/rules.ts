/**
 * Rules both the server and a client enforce report problems as stable codes; each rule exports a
 * code -> zh-CN message map, so the server's 400 and the form say the same words.
 */
export interface RuleProblem<C extends string = string> {
  code: C;
  /** The input field the problem concerns (the server's 400 names it in `details.fields`). */
  field: string;
}

/** The zh-CN messages of `problems`, in order, each once. */
export function problemMessages<C extends string>(problems: readonly RuleProblem<C>[], messages: Readonly<Record<C, string>>): string[] {
  return [...new Set(problems.map((p) => messages[p.code]))];
}
