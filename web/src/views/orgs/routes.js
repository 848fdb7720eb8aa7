export default [
  {
    path: '/orgs',
    name: 'orgs',
    component: () => import('./OrgTreePage.vue'),
    meta: { menu: { titleKey: 'nav.orgs', icon: 'OfficeBuilding', order: 20 } },
  },
  {
    path: '/orgs/:code',
    name: 'org',
    component: () => import('./OrgPage.vue'),
    props: true,
  },
]
