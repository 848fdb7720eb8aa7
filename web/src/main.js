// Element Plus components and their styles are imported where a template uses them (see
// vite.config.js); only what code calls directly needs its style here: ElMessage and
// ElMessageBox (the loading directive brings its own).
import { createApp } from 'vue'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import '@/styles/main.css'
import '@/styles/phone.css'
import '@/styles/print.css'
import App from '@/App.vue'
import router from '@/router'
import i18n from '@/i18n'
import printing from '@/printing'
import { installUnsavedGuard } from '@/composables/useUnsavedGuard'

const app = createApp(App)
app.use(i18n)
app.use(router)
app.use(printing)
installUnsavedGuard(router, i18n)
app.mount('#app')
