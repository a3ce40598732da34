const IMG_STYLE = 'max-width:100%;height:auto;display:block;margin:12px auto;border-radius:6px;';

/**
 * Prepare the server-sanitised article HTML for the WeChat <rich-text> component: page styles
 * do not reach inside it, and server-relative image URLs need the API origin.
 */
export function prepareRichTextHtml(html: string, origin: string): string {
  let out = html;
  if (origin) {
    out = out.replace(/(<img\b[^>]*?\ssrc=)(["'])(\/(?!\/)[^"']*)\2/gi, (_m, pre: string, q: string, path: string) => `${pre}${q}${origin}${path}${q}`);
  }
  return out.replace(/<img\b([^>]*)>/gi, (_m, attrs: string) => {
    if (/\sstyle=(["'])/i.test(attrs)) {
      return `<img${attrs.replace(/\sstyle=(["'])/i, (_s, q: string) => ` style=${q}${IMG_STYLE}`)}>`;
    }
    return `<img style="${IMG_STYLE}"${attrs}>`;
  });
}
