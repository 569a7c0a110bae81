/**
 * The read-only dashboard (issue 6). `npm run build` runs `vite build --config apps/dashboard/vite.config.ts`
 * after tsc; the output lands in dist/dashboard, which the API app serves at `/`.
 *
 * For working on the dashboard alone: `npx vite --config apps/dashboard/vite.config.ts` with a
 * running API (`npm start`) proxies /api to REGISTRY_API (default http://127.0.0.1:3000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.REGISTRY_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  // Relative asset URLs: the page works wherever it is mounted; views live in the hash (#/registry…).
  base: './',
  plugins: [vue()],
  // The label table is shared with the server: pure data from libs/domain, bundled with the page.
  resolve: { alias: { '#domain/labels': fileURLToPath(new URL('../../libs/domain/src/labels.ts', import.meta.url)) } },
  // Vue's production build without the Options API and devtools hooks (smaller, faster).
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    // Everything bundled; nothing is fetched from elsewhere (closed government networks).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
});
