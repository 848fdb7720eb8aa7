// One vue-i18n instance, assembled from area files: i18n/<locale>/<area>.js each default-export
// `{ <area>: {...} }`. Chinese (zh-CN) is the default and the fallback for missing English keys.
import { createI18n } from 'vue-i18n'
import { computed } from 'vue'
import zhCnElement from 'element-plus/es/locale/lang/zh-cn'
import enElement from 'element-plus/es/locale/lang/en'

const STORAGE_KEY = 'grassroots.locale'
export const LOCALES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
]

function merge(files) {
  const table = {}
  for (const [file, content] of Object.entries(files)) {
    for (const [area, messages] of Object.entries(content || {})) {
      if (area in table) throw new Error(`i18n: area "${area}" defined twice (${file})`)
      table[area] = messages
    }
  }
  return table
}

const messages = {
  'zh-CN': merge(import.meta.glob('./zh-CN/*.js', { eager: true, import: 'default' })),
  en: merge(import.meta.glob('./en/*.js', { eager: true, import: 'default' })),
}

function initialLocale() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored && stored in messages) return stored
  } catch {
    // storage blocked: use the default
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
  missingWarn: false,
  fallbackWarn: false,
})

document.documentElement.lang = i18n.global.locale.value

export function setLocale(code) {
  if (!(code in messages)) return
  i18n.global.locale.value = code
  document.documentElement.lang = code
  try {
    localStorage.setItem(STORAGE_KEY, code)
  } catch {
    // not remembered; still switched
  }
}

// Element Plus's own texts (pagination, date pickers, ...) follow the same switch.
export const elementLocale = computed(() =>
  i18n.global.locale.value === 'en' ? enElement : zhCnElement,
)

export default i18n
