// 党员名册 the member roster across organizations, by status.
export default {
  members: {
    title: '党员名册',
    subtitle: '管理范围内在册党员，按类别查看流动党员、失联党员和口袋党员',
    allOnRoll: '全部在册',
    search: '按组织名称或代码筛选',
    org: '所在党组织',
    count: '共 {n} 人',
    empty: '没有符合条件的党员',
  },
}
