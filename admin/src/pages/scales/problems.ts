/** Problems reported against a JSON document (an imported scale, the alert rules), with their paths. */
export interface Problem {
  /** JSON path such as `items[3].options[1].value`; empty for the whole document. */
  path: string;
  message: string;
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && typeof (v as Problem).message === 'string';
}

/**
 * The `details` of a 400 answer as a list. The contract says `[{ path, message }]`; an object
 * wrapping that list in `errors` is accepted too, and anything else yields no list (the error's own
 * message still says what went wrong).
 */
export function problemsFromDetails(details: unknown): Problem[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && Array.isArray((details as { errors?: unknown }).errors)
      ? (details as { errors: unknown[] }).errors
      : [];
  return list.filter(isProblem).map((p) => ({ path: typeof p.path === 'string' ? p.path : '', message: p.message }));
}

export interface ProblemReport {
  title: string;
  problems: Problem[];
}

/** A failed request as a report: the server's zh-CN message and every detail it listed. */
export function reportFromError(error: unknown, fallbackTitle: string): ProblemReport {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    const { message, details } = error as { message: string; details?: unknown };
    return { title: message || fallbackTitle, problems: problemsFromDetails(details) };
  }
  return { title: fallbackTitle, problems: [] };
}

const SCALE_PATH_PARTS: [RegExp, (n: number) => string][] = [
  [/^items\[(\d+)\]/, (n) => `第 ${n + 1} 题`],
  [/^options\[(\d+)\]/, (n) => `第 ${n + 1} 个选项`],
  [/^bands\[(\d+)\]/, (n) => `第 ${n + 1} 个结果分段`],
  [/^critical\[(\d+)\]/, (n) => `第 ${n + 1} 个危机条目`],
  [/^subscales\[(\d+)\]/, (n) => `第 ${n + 1} 个分量表`],
];

/**
 * A reading aid next to a scale definition path, e.g. `items[3].options[1]` -> "第 4 题 第 2 个选项".
 * Empty when the path has no numbered part worth translating.
 */
export function describeScalePath(path: string): string {
  const parts: string[] = [];
  for (const segment of path.split('.')) {
    for (const [re, name] of SCALE_PATH_PARTS) {
      const m = re.exec(segment);
      if (m) parts.push(name(Number(m[1])));
    }
  }
  return parts.join(' ');
}
