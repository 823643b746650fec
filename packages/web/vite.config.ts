// Builds the UI into packages/web/dist, which `tinsel serve` serves on the API port.
// In development (`npx vite` in this folder) API calls go to a Tinsel on the default port.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/api': 'http://127.0.0.1:5170' } },
});
