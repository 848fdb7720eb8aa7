// The vocabularies the rectification pages show (names the server sends; what each may do is
// the server's answer, never decided here), and money in fen shown as yuan.
export const STATES = ['open', 'in_progress', 'submitted', 'closed']
export const STEPS = ['start', 'submit', 'reject', 'close']
export const SUPPORT_ROLES = ['contact_leader', 'org_guide', 'partner_agency', 'supervisor', 'first_secretary']
export const DIMS = ['team', 'leader', 'venue', 'routine', 'service', 'members']
export const TYPES = ['village', 'community', 'soe', 'nonpublic', 'agency', 'institution']
export const OUTCOMES = ['upgraded', 'not_upgraded']

// 5000000 fen as "50,000.00".
export function yuan(fen) {
  const value = Number(fen || 0) / 100
  return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

// What a person types in yuan ("50000", "1234.5") as whole fen; NaN when it is not a number
// (the server then names the field).
export function fenOf(text) {
  const value = Number(String(text).trim())
  return String(text).trim() === '' || !Number.isFinite(value) ? NaN : Math.round(value * 100)
}

// The address of an evidence file (images are shown inline as thumbnails).
export const evidenceUrl = (id) => `/api/v1/evidence/${encodeURIComponent(id)}`
export const isImage = (evidence) => /^image\//.test(evidence.content_type || '')

// An assessing unit as the pages name it ('default' is the county's own: orgs.unitDefault).
export const unitLabel = (t, unit) => (unit === 'default' ? t('orgs.unitDefault') : unit)
