// 季度通报 the quarterly bulletin (issue 13, 每季一通报): a quarter's figures per direct
// organization, the ranking by progress, overdue items and the quarter's spot-check findings,
// with charts; admin issues a finished quarter. Who may read which unit is the server's answer.
export default [
  {
    path: '/bulletins',
    name: 'bulletins',
    component: () => import('./BulletinPage.vue'),
    meta: { menu: { titleKey: 'bulletin.nav', icon: 'Document', order: 47 }, permission: 'read_bulletins' },
  },
]
