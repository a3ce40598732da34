import sanitizeHtml from 'sanitize-html';
import { isAllowedImageSrc } from '../common/http/image-src';

/**
 * The allowlist for article bodies: formatting, headings, lists, tables, links and images only.
 * No scripts, styles, event handlers, iframes or javascript:/data: URLs survive, nor images from
 * anywhere but the upload store and CONTENT_IMAGE_HOSTS.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'sub',
    'sup',
    'mark',
    'span',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    '*': ['style'],
  },
  allowedStyles: {
    '*': {
      color: [/^#[0-9a-f]{3,8}$/i, /^rgba?\([\d\s.,%]+\)$/i],
      'background-color': [/^#[0-9a-f]{3,8}$/i, /^rgba?\([\d\s.,%]+\)$/i],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(bold|normal|[1-9]00)$/],
      'text-decoration': [/^(underline|line-through|none)$/],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links open outside the app and pass no referrer or window handle.
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
  },
};

export function sanitizeArticleHtml(html: string, imageHosts: readonly string[]): string {
  return sanitizeHtml(html, {
    ...OPTIONS,
    // Runs on the attributes left after the URL checks above: an image whose src went is removed too.
    exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSrc(frame.attribs.src, imageHosts),
  }).trim();
}

/**
 * A stored body as it may be shown now: images stored before this rule, or from a host since taken
 * off CONTENT_IMAGE_HOSTS, are left out. Stored bodies are the sanitiser's output (double-quoted
 * attributes), so the usual case (every image allowed) is settled without parsing.
 */
export function withAllowedImages(html: string, imageHosts: readonly string[]): string {
  const images = html.match(/<img\b/gi)?.length ?? 0;
  if (!images) return html;
  const sources = [...html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)].map((m) => m[1]);
  if (sources.length === images && sources.every((src) => isAllowedImageSrc(src, imageHosts))) return html;
  return sanitizeArticleHtml(html, imageHosts);
}

/** True when the HTML has no visible text or image once tags are stripped. */
export function isBlankHtml(html: string): boolean {
  return !/<img\s/i.test(html) && sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '') === '';
}
