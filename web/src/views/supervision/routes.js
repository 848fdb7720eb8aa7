// 督查 supervision (issue 13): the monthly spot check (每月一抽查) — the drawn organizations of each
// month, a draw (admin), its verification and the findings recorded against the drawn.
export default [
  {
    path: '/spot-checks',
    name: 'spot-checks',
    component: () => import('./SpotCheckPage.vue'),
    meta: { menu: { titleKey: 'supervision.nav.spotChecks', icon: 'Aim', order: 47 } },
  },
]
