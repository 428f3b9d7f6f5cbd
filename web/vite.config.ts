import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Vite config: the dev server proxies /api to the local API so the app always talks to one origin. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The size that matters is the gzip figure printed by `pnpm bench:web`, not Vite's raw warning.
    chunkSizeWarningLimit: 1200,
  },
});
