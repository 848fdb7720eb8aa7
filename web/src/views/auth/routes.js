export default [
  {
    path: '/login',
    name: 'login',
    component: () => import('./LoginPage.vue'),
    meta: { public: true },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('./PasswordPage.vue'),
  },
]
