// 模拟测算 what-if: for the accounts the server lets run one (permission what_if; a what-if
// stores nothing; secretaries, who work on one organization, do not get it).
export default [
  {
    path: '/whatif',
    name: 'whatif',
    component: () => import('./WhatIfPage.vue'),
    meta: {
      menu: { titleKey: 'whatif.nav', icon: 'Operation', order: 50 },
      permission: 'what_if',
    },
  },
]
