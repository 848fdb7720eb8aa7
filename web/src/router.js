// Routes come from the area files views/<area>/routes.js (each default-exports an array of
// route records). A record's meta may hold:
//   menu:   { titleKey: 'nav.xxx', icon: 'ElementPlusIconName', order: 30 }  -> side menu entry
//   permission: 'read_audit'  what the account must be allowed (a key of GET /session's
//                             permissions; omitted = every logged-in account)
//   public: true             reachable without logging in (the login page only)
// Public records are top-level; every other record renders inside the layout (menu + header).
// Hash history, so the server needs no fallback for deep links.
import { createRouter, createWebHashHistory } from 'vue-router'
import { session, can } from '@/stores/session'
import { setUnauthorizedHandler, setPasswordChangeHandler } from '@/api'

const areas = import.meta.glob('./views/*/routes.js', { eager: true, import: 'default' })
export const areaRoutes = Object.values(areas).flat()

const publicRoutes = areaRoutes.filter((route) => route.meta && route.meta.public)
const privateRoutes = areaRoutes.filter((route) => !(route.meta && route.meta.public))

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    ...publicRoutes,
    {
      path: '/',
      component: () => import('@/layout/AppLayout.vue'), // not needed by the login page
      redirect: '/dashboard',
      children: privateRoutes,
    },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

// The side menu: routes with meta.menu the account may open, by order.
export function menuRoutes() {
  return privateRoutes
    .filter((route) => route.meta && route.meta.menu && mayOpen(route))
    .sort((a, b) => (a.meta.menu.order ?? 100) - (b.meta.menu.order ?? 100))
}

export function mayOpen(route) {
  const permission = route.meta && route.meta.permission
  return !permission || can(permission)
}

router.beforeEach(async (to) => {
  if (!session.loaded) {
    try {
      await session.load()
    } catch {
      // server unreachable: the login page says so when the user tries
    }
  }
  const isPublic = to.matched.some((record) => record.meta && record.meta.public)
  if (isPublic) {
    if (to.name === 'login' && session.user) return to.query.redirect || '/dashboard'
    return true
  }
  if (!session.user) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  // The server answers nothing else until the given password is replaced.
  if (session.mustChangePassword && to.name !== 'password') return { name: 'password' }
  const denied = to.matched.find((record) => !mayOpen(record))
  if (denied) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
})

setUnauthorizedHandler(() => {
  const current = router.currentRoute.value
  if (current.name === 'login') return
  router.replace({ name: 'login', query: { redirect: current.fullPath } })
})

setPasswordChangeHandler(() => {
  if (router.currentRoute.value.name !== 'password') router.replace({ name: 'password' })
})

export default router
