// web/src/views/scores/evidence/index.js — evidence panels shown beside a dimension's score.
// Each panel takes the props { code, year } and asks the server for its numbers.
import MemberTrend from './MemberTrend.vue'
import RoutineEvidence from './RoutineEvidence.vue'
export const EVIDENCE = [
  { dimension: 'members', component: MemberTrend },
  { dimension: 'routine', component: RoutineEvidence },
]
