import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const API_TARGET = process.env.XQ_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/admin/',
  // Brotli and gzip copies of every text asset, served by the API server (preCompressed) without
  // compressing on each request; files under 1 KB gain next to nothing.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: true },
      '/uploads': { target: API_TARGET, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // React and Quill get named, long-cacheable chunks (they have few dependencies of their own);
    // antd and ProComponents are left to Rolldown's per-route splitting so the login page only
    // loads the antd parts it uses. The largest chunk is ProComponents + antd table/form (~700 kB).
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'vendor-quill', test: /[\\/]node_modules[\\/](quill|quill-delta|parchment|react-quill-new|lodash-es|eventemitter3)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
