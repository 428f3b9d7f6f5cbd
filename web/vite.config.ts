import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Adds a `modulepreload` hint for the chart library's chunk: five of the seven pages draw
 * charts, so fetching it alongside the entry (instead of after the page chunk asks for it)
 * takes one round trip off the time to the first chart. It is still not executed until a
 * page imports it.
 */
function preloadCharts(): Plugin {
  return {
    name: 'lmo-preload-charts',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && Object.keys(c.modules).some((id) => id.includes('/recharts/')) && !c.isEntry,
        );
        if (!chunk) return html;
        return html.replace('</head>', `    <link rel="modulepreload" crossorigin href="/${chunk.fileName}">\n  </head>`);
      },
    },
  };
}

/** Vite config: the dev server proxies /api to the local API so the app always talks to one origin. */
export default defineConfig({
  plugins: [react(), preloadCharts()],
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
