// A page's view in its address: filters, search, page and what is open are read from the
// route's query when the page opens (a reload or a shared link) and written back, replacing the
// entry, whenever they change, so Back from another page, a reload and a shared link return to
// the same view. `defaults` gives each key and its default (whose type says how ?key is read:
// number, boolean or string); a value equal to its default is left out of the address.
// `onChange` is called when the address changes the view from outside (a menu click or a link
// to the page while it is open, Back between two views), after the state follows it.
import { reactive, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

function parse(text, fallback) {
  if (text === undefined || text === null || Array.isArray(text)) return fallback
  if (typeof fallback === 'number') {
    const n = Number(text)
    return text !== '' && Number.isFinite(n) ? n : fallback
  }
  if (typeof fallback === 'boolean') return text === 'true'
  return String(text)
}

export function useUrlState(defaults, { onChange = () => {} } = {}) {
  const route = useRoute()
  const router = useRouter()
  const state = reactive({})
  const read = () => {
    let changed = false
    for (const [key, fallback] of Object.entries(defaults)) {
      const value = parse(route.query[key], fallback)
      if (state[key] === value) continue
      state[key] = value
      changed = true
    }
    return changed
  }
  read()
  const path = route.path
  watch(
    () => ({ ...state }),
    (now) => {
      if (router.currentRoute.value.path !== path) return
      const query = { ...router.currentRoute.value.query }
      for (const key of Object.keys(defaults)) {
        const value = now[key]
        if (value === defaults[key] || value === '' || value === null || value === undefined) delete query[key]
        else query[key] = String(value)
      }
      router.replace({ query })
    },
  )
  // A link to this page with another view (the menu, a shared link pasted in).
  watch(
    () => route.fullPath,
    () => {
      if (route.path === path && read()) onChange()
    },
  )
  return state
}
