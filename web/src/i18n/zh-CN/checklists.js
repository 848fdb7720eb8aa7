// 标准清单 checklists: an organization's checklists of a year, filled and applied to its score.
export default {
  checklists: {
    nav: '标准清单',
    title: '标准清单',
    subtitle: '“十有”阵地标准、20项党建内业和各类型标准：逐项填写，可计入对应维度的评分。',
    code: '组织代码',
    year: '年度',
    open: '打开',
    pick: '输入组织代码和年度后打开',
    feeds: '计入“{dim}”',
    scoreNow: '当前结果：适用 {applicable} 项中达标 {met} 项，折合 {score} 分',
    state: { met: '达标', not_met: '未达标', not_applicable: '不适用' },
    note: '备注（可选）',
    evidence: '佐证材料（{n}）',
    save: '保存修改（{n}）',
    saved: '已保存“{name}”',
    mapping: '计入评分：维度得分 = 达标项数 ÷ 适用项数 × 100，保留两位小数；须逐项填写完毕，且该年度已录入评分。',
    apply: '计入评分',
    applied: '已计入评分：{list}',
  },
}
