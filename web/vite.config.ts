import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

/** Vite config: the dev server proxies /api to the local API so the app always talks to one origin. */
export default defineConfig({
  // Brotli and gzip copies made at build time: the server sends them by content negotiation
  // (api/src/http/static-web.ts), so no request pays for compression.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  server: {
    // LMO_API_URL points the proxy at another API (default: the one `pnpm start` runs).
    proxy: { '/api': { target: process.env.LMO_API_URL ?? 'http://127.0.0.1:8787', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // danfojs (~6 MB) sits alone in the upload chunk on purpose; the initial-bundle budget is
    // checked by `pnpm bench:web` on gzip sizes, not by this raw-size warning.
    chunkSizeWarningLimit: 6500,
  },
});
