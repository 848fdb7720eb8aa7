export default [
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./AuditPage.vue'),
    meta: {
      menu: { titleKey: 'nav.audit', icon: 'Tickets', order: 90 },
      permission: 'read_audit',
    },
  },
]
