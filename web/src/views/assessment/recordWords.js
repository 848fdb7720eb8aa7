// The stored record in the user's words: the server sends codes and numbers (an explanation,
// a verification, an error's reason), these functions word them through the i18n tables.
// Every function takes `t` (vue-i18n's translate) so that it follows the language switch.

// A fixed-point integer as a decimal without trailing zeros: decimal(1950000, 6) is "1.95".
export function decimal(value, digits) {
  const scale = 10 ** digits
  const whole = Math.floor(value / scale)
  const fraction = String(value % scale).padStart(digits, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : String(whole)
}

// A ratio in parts per million as a percentage without the sign: 150000 is "15".
export function percentOfPpm(ppm) {
  return decimal(ppm, 4)
}

// The quota arithmetic of a group (count, ratio_ppm, quota), exact:
// "13 × 15% = 1.95，向上取整为 2" / "13 × 15% = 1.95, rounded up to 2".
export function quotaArithmetic(t, group) {
  if (!group) return ''
  return t('assessment.quotaArithmetic', {
    count: group.count,
    percent: percentOfPpm(group.ratio_ppm),
    product: decimal(group.count * group.ratio_ppm, 6),
    quota: group.quota,
  })
}

// Scores with the same precision everywhere (format.js).
export { formatScore as scoreText } from '@/format'


// The keys of an audit document that a change of each subject is about, in display order.
const CHANGE_KEYS = {
  score: ['team', 'leader', 'venue', 'routine', 'service', 'members', 'grade', 'reason'],
  manual: ['include', 'reason'],
  organization: ['type', 'unit', 'parent'],
}
const DIMENSIONS = ['team', 'leader', 'venue', 'routine', 'service', 'members']

function valueText(t, key, value) {
  if (value === null || value === undefined || value === '') return '—'
  if (key === 'grade') return t(`grades.${value}`)
  if (key === 'type') return t(`types.${value}`)
  if (key === 'include') return t(value ? 'assessment.manual.included' : 'assessment.manual.excluded')
  return String(value)
}

function keyLabel(t, key) {
  return DIMENSIONS.includes(key) ? t(`dims.${key}`) : t(`assessment.changes.key.${key}`)
}

// What one change did, as lines {label, before, after}: only the keys that changed. A record
// created or withdrawn shows as a single line whose missing side is "—".
export function changeLines(t, change) {
  const keys = CHANGE_KEYS[change.subject] || []
  const before = change.before && typeof change.before === 'object' ? change.before : null
  const after = change.after && typeof change.after === 'object' ? change.after : null
  const lines = []
  for (const key of keys) {
    const was = before ? before[key] : undefined
    const is = after ? after[key] : undefined
    if (before && after && JSON.stringify(was) === JSON.stringify(is)) continue
    if (!before && (is === null || is === undefined)) continue
    if (!after && (was === null || was === undefined)) continue
    lines.push({ label: keyLabel(t, key), before: valueText(t, key, was), after: valueText(t, key, is) })
  }
  return lines
}

// A verification's difference in words: where, which field, the stored and recomputed values.
export function differenceText(t, d) {
  let where = t('assessment.verify.whole')
  if (d.code) where = d.code
  else if (d.unit) where = `${d.unit} · ${t(`types.${d.type}`)}`
  const field = t(`assessment.verify.field.${d.field}`)
  const value = (text) => {
    if (text === null || text === undefined || text === '') return '—'
    if (text === 'true') return t('common.yes')
    if (text === 'false') return t('common.no')
    if (d.field === 'reasons') return text.split(',').map((r) => t(`reasons.${r}`)).join('；')
    if (d.field === 'grade') return t(`grades.${text}`)
    if (d.field === 'ratio_ppm') return `${percentOfPpm(Number(text))}%`
    return text
  }
  return t('assessment.verify.different', { where, field, stored: value(d.stored), recomputed: value(d.recomputed) })
}

// An error of explain or verify in words, from its reason; the code's words otherwise.
export function recordErrorText(t, te, error) {
  if (!error) return t('errors.error')
  const details = error.details || {}
  const reason = error.reason || details.reason || null
  const params = error.params || details.params || {}
  if (reason && te(`assessment.errors.${reason}`)) return t(`assessment.errors.${reason}`, params)
  const code = error.code || 'error'
  return te(`errors.${code}`) ? t(`errors.${code}`) : t('errors.error')
}
