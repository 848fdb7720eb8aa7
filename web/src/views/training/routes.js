export default [
  {
    path: '/training',
    name: 'training',
    component: () => import('./TrainingPage.vue'),
    meta: { menu: { titleKey: 'people.nav.training', icon: 'Reading', order: 72 } },
  },
  {
    path: '/training/:id',
    name: 'training-class',
    component: () => import('./TrainingClassPage.vue'),
    props: true,
  },
]
