// Pages every user may reach: no access and not found (the catch-all, kept last by the router).
export default [
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('./ForbiddenPage.vue'),
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./NotFoundPage.vue'),
  },
]
