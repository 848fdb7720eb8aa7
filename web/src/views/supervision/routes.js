// 督查 supervision (issue 13): the monthly spot check (每月一抽查) — the drawn organizations of each
// month, a draw (admin), its verification and the findings recorded against the drawn — and the
// inbox of weekly reminders (每周一提示) every account reads: the digests of items due within the
// week and overdue delivered to it (as the responsible person, or as a direct organization's
// unit admin).
export default [
  {
    path: '/spot-checks',
    name: 'spot-checks',
    component: () => import('./SpotCheckPage.vue'),
    meta: { menu: { titleKey: 'supervision.nav.spotChecks', icon: 'Aim', order: 47 } },
  },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('./InboxPage.vue'),
    meta: { menu: { titleKey: 'supervision.nav.inbox', icon: 'Message', order: 14 } },
  },
]
