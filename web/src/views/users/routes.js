export default [
  {
    path: '/users',
    name: 'users',
    component: () => import('./UsersPage.vue'),
    meta: {
      menu: { titleKey: 'nav.users', icon: 'UserFilled', order: 80 },
      permission: 'manage_users',
    },
  },
]
