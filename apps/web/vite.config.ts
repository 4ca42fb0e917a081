import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';

/**
 * The editor canvas (React Flow, CodeMirror, dagre) is lazy-loaded, so the workflows list ships only
 * React and the app shell. The chunks below keep those heavy libraries out of the entry chunk.
 */

const API_TARGET = 'http://127.0.0.1:5800';
const INITIAL_BUDGET_GZIP = 300 * 1024;

// Each vendor group takes only its own modules (not their dependencies: React must not be pulled
// into the React Flow chunk, which only the editor loads). Higher priority wins.
const CHUNK_GROUPS = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  {
    name: 'vendor-flow',
    test: /[\\/]node_modules[\\/](@xyflow|d3-[a-z]+|classcat|zustand|use-sync-external-store)[\\/]/,
    priority: 30,
  },
  {
    name: 'vendor-codemirror',
    test: /[\\/]node_modules[\\/](@codemirror|codemirror|@lezer|crelt|style-mod|w3c-keyname)[\\/]/,
    priority: 30,
  },
  { name: 'vendor-dagre', test: /[\\/]node_modules[\\/]@dagrejs[\\/]/, priority: 30 },
];

/** Prints gzipped sizes and fails the build when the initial JS of the list page exceeds the budget. */
function reportSizes(): Plugin {
  return {
    name: 'shopwire-report-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const rows: { name: string; raw: number; gzip: number; initial: boolean }[] = [];
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      const initial = new Set<string>();
      const visit = (name: string) => {
        if (initial.has(name)) return;
        initial.add(name);
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk') return;
        chunk.imports.forEach(visit);
        // CSS imported by an initial chunk is render-blocking too
        const meta = (chunk as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata;
        meta?.importedCss?.forEach((css) => initial.add(css));
      };
      if (entry) visit(entry.fileName);
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js') && !file.fileName.endsWith('.css')) continue;
        const source = file.type === 'chunk' ? file.code : file.source;
        const buf = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        rows.push({
          name: file.fileName,
          raw: buf.length,
          gzip: gzipSync(buf).length,
          initial: initial.has(file.fileName),
        });
      }
      rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      const lines = rows.map(
        (r) =>
          `  ${r.initial ? '*' : ' '} ${r.name.padEnd(48)} ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`,
      );
      const initialGzip = rows
        .filter((r) => r.initial && r.name.endsWith('.js'))
        .reduce((s, r) => s + r.gzip, 0);
      console.log(`\nBundle sizes (* = loaded by the workflows list):\n${lines.join('\n')}`);
      console.log(`  initial JS: ${kb(initialGzip)} gzipped (budget ${kb(INITIAL_BUDGET_GZIP)})\n`);
      if (initialGzip > INITIAL_BUDGET_GZIP)
        this.error(`initial JS is ${kb(initialGzip)} gzipped: over the ${kb(INITIAL_BUDGET_GZIP)} budget`);
    },
  };
}

export default defineConfig({
  plugins: [react(), reportSizes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: { codeSplitting: { includeDependenciesRecursively: false, groups: CHUNK_GROUPS } },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/webhook': { target: API_TARGET },
      '/webhook-test': { target: API_TARGET },
      '/healthz': { target: API_TARGET },
    },
  },
});
