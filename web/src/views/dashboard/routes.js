export default [
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./DashboardPage.vue'),
    meta: { menu: { titleKey: 'nav.dashboard', icon: 'Odometer', order: 10 } },
  },
]
