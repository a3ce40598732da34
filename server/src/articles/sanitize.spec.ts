import { isAllowedImageSrc } from '../common/http/image-src';
import { isBlankHtml, sanitizeArticleHtml, withAllowedImages } from './sanitize';

/** Classic XSS vectors (OWASP cheat sheet and friends): none may survive sanitising. */
const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<body onload=alert(1)>',
  '<div onclick="alert(1)">x</div>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<p style="width: expression(alert(1))">x</p>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<style>@import "javascript:alert(1)";</style>',
  '<base href="javascript:alert(1)//">',
  '<img src="x" onload="alert(1)" />',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=//evil.example/x.png>',
  '"><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
];

describe('sanitizeArticleHtml', () => {
  it.each(VECTORS)('neutralises %s', (vector) => {
    const out = sanitizeArticleHtml(`<p>前文</p>${vector}<p>后文</p>`, []);
    expect(out).not.toMatch(/<script|<iframe|<object|<embed|<svg|<style|<meta|<link|<base|<form|<body|<math/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    expect(out).not.toMatch(/javascript:|vbscript:|data:text|expression\(/i);
    expect(out).not.toMatch(/src="\/\//);
    expect(out).toContain('<p>前文</p>');
  });

  it('keeps ordinary formatting, images and safe links', () => {
    const html =
      '<h2>睡不好，别忽视</h2><p style="text-align:center"><strong>规律作息</strong>有助于<em>情绪</em>稳定。</p>' +
      '<ul><li>按时起床</li></ul><img src="/uploads/a.png" alt="示意图"><a href="https://www.nhc.gov.cn">国家卫健委</a>';
    const out = sanitizeArticleHtml(html, []);
    expect(out).toContain('<h2>睡不好，别忽视</h2>');
    expect(out).toContain('<p style="text-align:center"><strong>规律作息</strong>有助于<em>情绪</em>稳定。</p>');
    expect(out).toContain('<img src="/uploads/a.png" alt="示意图" />');
    expect(out).toContain('<a href="https://www.nhc.gov.cn" target="_blank" rel="noopener noreferrer">国家卫健委</a>');
  });
});

describe('images (no tracking pixels)', () => {
  const HOSTS = ['img.example.gov.cn'];

  it.each([
    ['/uploads/2026/a.png', true],
    ['https://img.example.gov.cn/a.png', true],
    ['https://IMG.example.gov.cn/a.png?x=1&amp;y=2', true],
    ['http://img.example.gov.cn/a.png', false], // http, even on an allowed host
    ['http://tracker.example/p.gif', false],
    ['https://tracker.example/p.gif', false], // https, but not on the list
    ['https://img.example.gov.cn.tracker.example/p.gif', false],
    ['https://img.example.gov.cn:8443/a.png', false],
    ['https://user:pw@img.example.gov.cn/a.png', false],
    ['//img.example.gov.cn/a.png', false],
    ['/uploads/../api/v1/me', false],
    ['/uploads//tracker.example/p.gif', false],
    ['/api/v1/articles', false],
    ['uploads/a.png', false],
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', false],
    [undefined, false],
  ])('%s allowed: %s', (src, allowed) => {
    expect(isAllowedImageSrc(src, HOSTS)).toBe(allowed);
  });

  it('removes every image from elsewhere when saving, keeping the text around it', () => {
    const html =
      '<p>前文<img src="http://tracker.example/p.gif" width="1" height="1"></p>' +
      '<img src="https://tracker.example/p.gif"><img src="HTTP://img.example.gov.cn/a.png"><img src="https://img.example.gov.cn/ok.png" alt="允许">' +
      '<img src="/uploads/ok.png"><img alt="没有地址"><p>后文</p>';
    expect(sanitizeArticleHtml(html, HOSTS)).toBe(
      '<p>前文</p><img src="https://img.example.gov.cn/ok.png" alt="允许" /><img src="/uploads/ok.png" /><p>后文</p>',
    );
    // Without an allow-list only uploads stay.
    expect(sanitizeArticleHtml(html, [])).toBe('<p>前文</p><img src="/uploads/ok.png" /><p>后文</p>');
  });

  it('leaves out, when showing a stored body, images stored before the rule or from a host taken off the list', () => {
    const stored = '<p>前文</p><img src="http://tracker.example/p.gif" /><img src="https://img.example.gov.cn/a.png" /><img src="/uploads/b.png" />';
    expect(withAllowedImages(stored, HOSTS)).toBe('<p>前文</p><img src="https://img.example.gov.cn/a.png" /><img src="/uploads/b.png" />');
    expect(withAllowedImages(stored, [])).toBe('<p>前文</p><img src="/uploads/b.png" />');
    const clean = '<p>前文</p><img src="/uploads/b.png" alt="图" />';
    expect(withAllowedImages(clean, HOSTS)).toBe(clean);
    expect(withAllowedImages('<p>没有图片</p>', HOSTS)).toBe('<p>没有图片</p>');
  });
});

describe('isBlankHtml', () => {
  it('treats empty paragraphs as blank and text or images as content', () => {
    expect(isBlankHtml('<p><br></p><p>&nbsp;</p>')).toBe(true);
    expect(isBlankHtml('<p>内容</p>')).toBe(false);
    expect(isBlankHtml('<p><img src="/uploads/a.png"></p>')).toBe(false);
  });
});
