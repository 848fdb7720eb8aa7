// The glossary: one term per concept, used by every page (the other tables import `terms` and
// build their sentences from it, so a concept is never worded two ways). The English table
// (en/glossary.js) has the same keys. Keys sorted.
export const terms = {
  committeeGrade: '委员会评定等次', // a grade the committee set by hand, with its reason
  committeeReason: '评议理由', // the committee's internal deliberation text
  cutLine: '分数线', // the highest composite score taken within the quota of a group
  direct: '县委直属', // a top-level organization (no parent)
  grade: '等次',
  gradeLines: '等次标准', // the lowest composite score of grades A, B and C (not the cut line)
  quota: '名额', // count × ratio, rounded up
  rank: '倒序名次', // 1 = lowest composite score in its group
  rectify: '整顿',
  score: '综合得分', // the weighted mean of the six dimensions
  selected: '列为整顿对象',
  selectedShort: '整顿对象',
  weakOrg: '软弱涣散基层党组织',
}

export default { glossary: terms }
