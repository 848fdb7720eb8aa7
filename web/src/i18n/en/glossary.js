// The glossary in English: the same keys as zh-CN/glossary.js, one term per concept.
export const terms = {
  committeeGrade: 'committee grade',
  committeeReason: "committee's reasoning",
  cutLine: 'cut line',
  direct: 'directly under the county committee',
  grade: 'grade',
  gradeLines: 'grade thresholds',
  quota: 'quota',
  rank: 'rank from the bottom',
  rectify: 'rectification',
  score: 'composite score',
  selected: 'listed for rectification',
  selectedShort: 'listed',
  weakOrg: 'weak and lax grassroots Party organization',
}

export default { glossary: terms }
