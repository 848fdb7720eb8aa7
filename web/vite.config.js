// Vite build of the web UI. `npm run build` writes dist/, which `grassroots serve` serves at /.
// During development `npm run dev` proxies /api to a running server (GRASSROOTS_API, default
// http://127.0.0.1:8091).
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // The server's CSP forbids inline scripts and styles: keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/')) return 'vendor'
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.GRASSROOTS_API || 'http://127.0.0.1:8091' },
  },
})
