// 第一书记 first secretaries' monthly reports: the phone page of a first secretary (我的报告:
// this month's work plan and duty ledger, filed with text and a photo from the camera, and the
// late and missing ones) and the department's page (late and missing reports of a month, the
// on-time rate per first secretary). The server answers what is owed and where it stands.
export default [
  {
    path: '/my-reports',
    name: 'my-reports',
    component: () => import('./MyReportsPage.vue'),
    meta: { menu: { titleKey: 'firstSecretary.nav.mine', icon: 'EditPen', order: 16 } },
  },
  {
    path: '/first-secretary-reports',
    name: 'first-secretary-reports',
    component: () => import('./OverduePage.vue'),
    meta: { menu: { titleKey: 'firstSecretary.nav.overdue', icon: 'Tickets', order: 47 } },
  },
]
