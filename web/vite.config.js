// Vite build of the web UI. `npm run build` writes dist/, which `grassroots serve` serves at /.
// During development `npm run dev` proxies /api to a running server (GRASSROOTS_API, default
// http://127.0.0.1:8091).
//
// First load (issue 10): Element Plus components, their styles and the icons are imported where
// a template uses them (unplugin-vue-components), not registered globally; every page is its own
// chunk (the routes import() them); ECharts is loaded by EChart.vue when a chart is first drawn.
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import * as Icons from '@element-plus/icons-vue'

// <Search />, <Printer />, ... in a template: the Element Plus icon of that name.
const iconNames = new Set(Object.keys(Icons))
function ElementPlusIconsResolver(name) {
  if (iconNames.has(name)) return { name, from: '@element-plus/icons-vue' }
}

export default defineConfig({
  plugins: [
    vue(),
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' }), ElementPlusIconsResolver],
      dirs: [], // our own components are imported explicitly
      dts: false,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // The server's CSP forbids inline scripts and styles: keep every asset a file.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // ECharts in one chunk of its own (only EChart.vue imports it, lazily); the rest is
        // split by where it is used, so the login page loads only what it shows.
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env.GRASSROOTS_API || 'http://127.0.0.1:8091' },
  },
})
