// 模拟测算 what-if: the roles the server lets run one (a what-if stores nothing; secretaries,
// who work on one organization, do not get it — see src/core/access.cc).
export default [
  {
    path: '/whatif',
    name: 'whatif',
    component: () => import('./WhatIfPage.vue'),
    meta: {
      menu: { titleKey: 'whatif.nav', icon: 'Operation', order: 50 },
      roles: ['admin', 'auditor', 'leader', 'unit_admin'],
    },
  },
]
