// 动态督导 dynamic supervision (issue 13): the inbox of weekly reminders (每周一提示) every
// account reads — the digests of items due within the week and overdue that were delivered to
// it (as the responsible person, or as the unit admin of a direct organization).
export default [
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('./InboxPage.vue'),
    meta: { menu: { titleKey: 'supervision.nav.inbox', icon: 'Message', order: 14 } },
  },
]
