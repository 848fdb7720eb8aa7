export default [
  {
    path: '/interviews',
    name: 'interviews',
    component: () => import('./InterviewsPage.vue'),
    meta: {
      menu: { titleKey: 'accountability.nav.interviews', icon: 'ChatDotRound', order: 70 },
      permission: 'read_interviews',
    },
  },
  {
    path: '/people/:person',
    name: 'person',
    component: () => import('./PersonPage.vue'),
    meta: { permission: 'read_interviews' },
  },
  {
    path: '/adjustments',
    name: 'adjustments',
    component: () => import('./AdjustmentsPage.vue'),
    meta: { menu: { titleKey: 'accountability.nav.adjustments', icon: 'Switch', order: 47 } },
  },
]
