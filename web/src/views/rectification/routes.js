// 整改 rectification: the plans of the year's selected organizations and each plan's items
// (整改方案), the ledger of every item with its exports (整改台账), the five-level support of an
// organization (五级包扶, linked from the organization and the plan) and the items of the one
// logged in (我的事项, the phone page of secretaries and first secretaries). Every role reads
// what its scope covers; what it may change comes with the answers (`can`).
export default [
  {
    path: '/my-items',
    name: 'my-items',
    component: () => import('./MyItemsPage.vue'),
    meta: { menu: { titleKey: 'rectification.nav.myItems', icon: 'Checked', order: 15 } },
  },
  {
    path: '/plans',
    name: 'plans',
    component: () => import('./PlansPage.vue'),
    meta: { menu: { titleKey: 'rectification.nav.plans', icon: 'Flag', order: 45 } },
  },
  {
    path: '/plans/:id',
    name: 'plan',
    component: () => import('./PlanPage.vue'),
    props: true,
  },
  {
    path: '/ledger',
    name: 'ledger',
    component: () => import('./LedgerPage.vue'),
    meta: { menu: { titleKey: 'rectification.nav.ledger', icon: 'Notebook', order: 46 } },
  },
  {
    path: '/orgs/:code/support',
    name: 'support',
    component: () => import('./SupportPage.vue'),
    props: true,
  },
]
