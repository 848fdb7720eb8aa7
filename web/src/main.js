import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import * as Icons from '@element-plus/icons-vue'
import 'element-plus/dist/index.css'
import '@/styles/main.css'
import '@/styles/print.css'
import App from '@/App.vue'
import router from '@/router'
import i18n from '@/i18n'

const app = createApp(App)
app.use(ElementPlus)
app.use(i18n)
app.use(router)
// Every Element Plus icon is a global component, so a route's meta.menu.icon can name one.
for (const [name, component] of Object.entries(Icons)) app.component(name, component)
app.mount('#app')
