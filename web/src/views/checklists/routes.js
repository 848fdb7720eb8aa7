// 标准清单 checklists as data (issue 14, standards): an organization's checklists of a year
// (the 十有 venue standard, the 20 items of internal Party work, its type's standard), filled
// item by item with notes and evidence, and applied to the year's score. Every role reads within
// its scope; the server's `can` says who fills and applies (admin, a unit admin for its unit).
export default [
  {
    path: '/checklists',
    name: 'checklists',
    component: () => import('./ChecklistPage.vue'),
    meta: { menu: { titleKey: 'checklists.nav', icon: 'Checked', order: 31 } },
  },
]
