// Vite config of the client. Test config lives in vitest.config.ts, not here.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Where `/api` and `/basemap` go in development: the Massekart server. */
const apiUrl = process.env.MASSEKART_API_URL ?? "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // MapLibre alone is over 1 MB minified and already sits in its own lazily loaded chunk.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: "127.0.0.1",
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    proxy: {
      "/api": { target: apiUrl, changeOrigin: false },
      "/basemap": { target: apiUrl, changeOrigin: false },
    },
  },
});
