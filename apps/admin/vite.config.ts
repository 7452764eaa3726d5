import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The server serves this build at /admin (files from apps/admin/dist, index.html for any page under /admin), so
 * every asset URL starts with /admin/. In development (`npm run dev -w apps/admin`) the API calls go to the
 * platform server named by GUANDAN_API_URL (default: the `npm start` address).
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin and MUI make one large vendor chunk; it is cached, and the console is used by a few people.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/v4': { target: process.env.GUANDAN_API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
});
