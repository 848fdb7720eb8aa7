// A score entry row's values: each editable field as the text in its cell.
import { DIMENSIONS } from './scoreFile'

export const EDITABLE = [...DIMENSIONS, 'grade', 'reason']

// The cells' texts of a stored score (a /scores sheet row or a PUT answer); empty when unscored.
export function valuesOf(score) {
  const scored = score && (score.scored === undefined || score.scored)
  const values = {}
  for (const d of DIMENSIONS) values[d] = scored && score[d] !== null && score[d] !== undefined ? String(score[d]) : ''
  values.grade = scored && score.grade ? score.grade : ''
  values.reason = scored ? score.reason || '' : ''
  return values
}

export function isDirty(row) {
  return EDITABLE.some((f) => row.values[f] !== row.original[f])
}
