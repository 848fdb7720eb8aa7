export default [
  {
    path: '/members',
    name: 'members',
    component: () => import('./MembersPage.vue'),
    meta: { menu: { titleKey: 'nav.members', icon: 'UserFilled', order: 25 } },
  },
]
