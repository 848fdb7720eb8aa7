// 模拟测算 what-if: change the policy's numbers and see who would enter or leave the list.
import { terms as g } from './glossary'

export default {
  whatif: {
    nav: '模拟测算',
    title: '模拟测算',
    subtitle: `调整比例、${g.gradeLines}或权重，立即看到哪些组织会进入或退出整顿名单。`,
    notStored: '仅为测算：不保存任何数据，不改变已保存的评定结果和策略。',
    year: '年度',
    policy: '当前策略：{name}（{version}）',
    ratios: '各类型比例（不低于）',
    grades: `${g.gradeLines}`,
    gradeA: 'A 优秀 ≥',
    gradeB: 'B 良好 ≥',
    gradeC: 'C 一般 ≥',
    weights: '六个维度的权重',
    tieRule: `${g.cutLine}处并列`,
    takeAll: `全部${g.selected}`,
    takeNone: `全部不${g.selected}`,
    reset: '恢复当前策略',
    computing: '正在测算…',
    counts: '现名单 {before} 个 → 测算后 {after} 个',
    entering: '新进入名单（{n}）',
    leaving: '退出名单（{n}）',
    none: '无',
    storedScore: `现${g.score}`,
    storedGrade: '现等次',
    storedRank: '现名次',
    changed: '已改动',
    noYears: '还没有任何评定结果，无法测算。',
  },
}
