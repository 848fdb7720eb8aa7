// 年度评定 the assessment of a year. Every role reads the stored list of its scope; running it
// and the committee's decisions are shown to the roles the server lets do them (admin).
export default [
  {
    path: '/assessment',
    name: 'assessment',
    component: () => import('./AssessmentPage.vue'),
    meta: { menu: { titleKey: 'assessment.nav', icon: 'DataAnalysis', order: 40 } },
  },
]
