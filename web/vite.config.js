// Vite build of the web UI. `npm run build` writes dist/, which `grassroots serve` serves at /.
// During development `npm run dev` proxies /api to a running server (GRASSROOTS_API, default
// http://127.0.0.1:8091).
//
// First load (issue 10): Element Plus components, their styles and the icons are imported where
// a template uses them (unplugin-vue-components), not registered globally; every page is its own
// chunk (the routes import() them); ECharts is loaded by EChart.vue when a chart is first drawn.
import { fileURLToPath, URL } from 'node:url'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
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

// Every text asset of the build also as NAME.br and NAME.gz (best compression, once), which the
// server sends to a browser that accepts them instead of compressing on every request
// (src/http/static_files.h). Small files are not worth it.
function precompress() {
  const TEXT = /\.(js|css|html|svg|json|txt)$/
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name)
      return statSync(file).isDirectory() ? walk(file) : [file]
    })
  let outDir = 'dist'
  return {
    name: 'grassroots-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!TEXT.test(file)) continue
        const data = readFileSync(file)
        if (data.length < 1024) continue
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }))
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    precompress(),
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
