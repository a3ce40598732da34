import path from 'node:path';
import zlib from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import { PreloadPagePlugin } from './preload-page';
import prodConfig from './prod';

// The API the H5 dev server proxies to (the NestJS server's default port).
const API_DEV_TARGET = process.env.XQ_API_DEV_TARGET || 'http://127.0.0.1:3000';

// NutUI components are designed at 375 px; our own styles at 750 px.
function designWidth(input?: string | number | { file?: string }): number {
  if (typeof input === 'object' && input?.file?.replace(/\\+/g, '/').includes('@nutui')) return 375;
  return 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xinqiao-miniapp',
    date: '2026-11-23',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: {
      // Overridden by TARO_APP_API_BASE from .env files (Taro's env-file mechanism); see .env.example.
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    // The map's marker icon: WeChat's <map> takes a package path, not the data URI an import would give.
    copy: {
      patterns: process.env.TARO_ENV === 'weapp' ? [{ from: 'src/packageBookings/assets/marker.png', to: 'dist/weapp/packageBookings/assets/marker.png' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // NutUI must be compiled with the app (its Taro components otherwise go missing from templates).
      prebundle: { exclude: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro', '@xinqiao/shared'] },
    },
    cache: { enable: false },
    mini: {
      // The workspace package is linked from ../shared; let Taro compile it like app code.
      compile: { include: [path.resolve(__dirname, '..', '..', 'shared')] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      // Component styles are independent (BEM / nut- prefixes): their order across pages does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.resolve(__dirname, '..', '..', 'shared')] },
      devServer: {
        port: 10086,
        host: '127.0.0.1',
        proxy: [{ context: ['/api', '/uploads'], target: API_DEV_TARGET, changeOrigin: true }],
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // Taro's request API imports fetch and AbortController polyfills for their side effect; every
        // browser in our browserslist (ES modules) has both, and the polyfills were about 32 KB of the
        // app bundle that each first visit downloads and parses before the home page renders.
        // (`false`: an empty module, which webpack-chain's `alias.set` typings do not take.)
        chain.merge({ resolve: { alias: { 'whatwg-fetch$': false, 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$': false } } });
        if (process.env.NODE_ENV === 'production') {
          // Brotli and gzip copies of the text assets, served by the API server (preCompressed)
          // without compressing on each request.
          const test = /\.(js|css|html|svg)$/;
          const brotli = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } };
          chain
            .plugin('brotli')
            .use(CompressionPlugin, [{ algorithm: 'brotliCompress', filename: '[path][base].br', test, threshold: 1024, compressionOptions: brotli }]);
          chain.plugin('gzip').use(CompressionPlugin, [{ algorithm: 'gzip', filename: '[path][base].gz', test, threshold: 1024 }]);
          // The home page (first in app.config `pages`) is what /h5/ opens.
          chain.plugin('preloadHome').use(PreloadPagePlugin, ['pages/index/index']);
        }
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of
        // the shared components and NutUI. Share modules used by two or more pages instead.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) {
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              pageShared: { chunks: 'async', minChunks: 2, minSize: 10_000, priority: 5, reuseExistingChunk: true },
            },
          });
        }
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
