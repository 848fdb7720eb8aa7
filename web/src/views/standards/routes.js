// 标准化与帮扶 (issue 14): the standardized Party branches (标准化党支部: designated by batch,
// revoked with a reason, flagged when the year's assessment selects one for rectification) and
// 百局联百村 (villages' problems, partner agencies, proposals and pairings). Every role reads what
// its scope covers; what it may change comes with the answers (`can`).
export default [
  {
    path: '/standardized-branches',
    name: 'standardized-branches',
    component: () => import('./StandardsPage.vue'),
    meta: { menu: { titleKey: 'standards.nav.branches', icon: 'Tickets', order: 48 } },
  },
  {
    path: '/pairing',
    name: 'pairing',
    component: () => import('./PairingPage.vue'),
    meta: { menu: { titleKey: 'standards.nav.pairing', icon: 'Operation', order: 49 } },
  },
]
