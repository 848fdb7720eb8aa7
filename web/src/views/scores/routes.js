// 评分录入 score entry. Every role may read the scores of its scope; the page hides editing
// from roles that may not write scores and the upload from roles that may not import.
export default [
  {
    path: '/scores',
    name: 'scores',
    component: () => import('./ScoresPage.vue'),
    meta: { menu: { titleKey: 'scores.nav', icon: 'EditPen', order: 30 } },
  },
]
