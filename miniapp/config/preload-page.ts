import type { Compiler } from 'webpack';

/**
 * Adds `<link rel="preload">` tags for one lazily loaded page's chunks to the H5 index.html.
 * Taro's H5 router imports every page on demand, so the first page's script and styles were only
 * requested after the app bundle had downloaded and run; preloading them fetches both at once.
 */
export class PreloadPagePlugin {
  /** @param page the page path as in app.config `pages`, e.g. `pages/index/index` */
  constructor(private readonly page: string) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    const request = new RegExp(`(^|[\\\\/])${this.page.replace(/\//g, '[\\\\/]')}$`);
    compiler.hooks.thisCompilation.tap(PreloadPagePlugin.name, (compilation) => {
      // After html-webpack-plugin writes index.html, before the compression plugins copy it.
      compilation.hooks.processAssets.tap({ name: PreloadPagePlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH }, () => {
        const html = compilation.getAsset('index.html');
        if (!html) return;
        const initial = new Set([...compilation.entrypoints.values()].flatMap((e) => e.chunks.flatMap((c) => [...c.files])));
        const group = compilation.chunkGroups.find((g) => !g.isInitial() && g.origins.some((o) => request.test(o.request ?? '')));
        if (!group) throw new Error(`PreloadPagePlugin: no lazily loaded chunk group for ${this.page}`);
        const publicPath = compilation.getPath(compilation.outputOptions.publicPath as string);
        const links = group.chunks
          .flatMap((c) => [...c.files])
          .filter((f) => !initial.has(f) && /\.(js|css)$/.test(f))
          .map((f) => `<link rel="preload" href="${publicPath}${f}" as="${f.endsWith('.css') ? 'style' : 'script'}">`)
          .join('');
        const source = html.source.source().toString().replace('</head>', `${links}</head>`);
        compilation.updateAsset('index.html', new sources.RawSource(source));
      });
    });
  }
}
