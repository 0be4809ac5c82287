import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const API_PATHS_MODULE = 'virtual:api-paths';
const OPENAPI_DOCUMENT = fileURLToPath(new URL('../api/openapi.json', import.meta.url));

/**
 * The paths of the API's OpenAPI document (the one schema.d.ts is generated
 * from), read at build time. Optional endpoints (CSV export and import, PDF
 * reports) are offered only when the document has them, so their buttons
 * appear with the next build once the API lands, without shipping the whole
 * 300 KB document to the browser.
 */
function apiPaths(): Plugin {
  const resolved = `\0${API_PATHS_MODULE}`;
  return {
    name: 'crm-api-paths',
    resolveId: (source) => (source === API_PATHS_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(OPENAPI_DOCUMENT);
      const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT, 'utf8')) as { paths: Record<string, unknown> };
      return `export default ${JSON.stringify(Object.keys(document.paths))};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), apiPaths()],
  resolve: {
    // The SPA compiles the shared rules from source, so a change in libs/domain needs no separate build.
    alias: { '@crm/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)) },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router change less often than the app: their own chunk stays cached across releases.
        // Mantine is left to the automatic split so a page's inputs (dates, forms) load with that page.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
