import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

import { apiIntrospection } from './api-introspection';
import { precompress } from './precompress';

// The API serves dist/ at /admin, GraphQL at /graphql and sessions at /auth on the same origin;
// in development, Vite stands in for the first and forwards the others.
export default defineConfig({
  base: '/admin/',
  plugins: [react(), apiIntrospection(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The budget is on the gzip size (≤ 600 KB for the main chunk, QUALITY.md);
    // react-admin and MUI alone exceed Vite's default 500 KB minified warning.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/graphql': 'http://localhost:3000',
      // Export files download from the API with the bearer token, like GraphQL.
      '/exports': 'http://localhost:3000',
      // The session cookies' endpoints; the Host stays Vite's, so the API sees the console's
      // own origin (localhost:5173) and its Origin check passes.
      '/auth': 'http://localhost:3000',
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
