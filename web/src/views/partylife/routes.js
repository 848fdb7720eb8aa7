// 三会一课 Party life (a branch's meetings logged and counted per quarter against the policy) and
// the villages' collective economy (income and model per year, county totals by model).
export default [
  {
    path: '/party-life',
    name: 'party-life',
    component: () => import('./PartyLifePage.vue'),
    meta: { menu: { titleKey: 'partyLife.nav.meetings', icon: 'Calendar', order: 27 } },
  },
  {
    path: '/collective-economy',
    name: 'collective-economy',
    component: () => import('./EconomyPage.vue'),
    meta: { menu: { titleKey: 'partyLife.nav.economy', icon: 'Coin', order: 28 } },
  },
]
