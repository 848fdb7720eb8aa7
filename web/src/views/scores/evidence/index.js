// web/src/views/scores/evidence/index.js — evidence panels shown beside a dimension's score.
// Each panel takes the props { code, year } and asks the server for its numbers.
// Each part appends its own lines: { dimension: 'members', component: MemberTrend }.
export const EVIDENCE = []
