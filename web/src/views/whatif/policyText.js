// The active policy as GET /policy gives it (canonical "key=value" lines) read into the values
// the what-if form edits, and the form turned back into a what-if request body.
const TYPES = ['village', 'community', 'soe', 'nonpublic', 'agency', 'institution']
const DIMENSIONS = ['team', 'leader', 'venue', 'routine', 'service', 'members']

export function parsePolicy(content) {
  const values = { ratios: {}, grades: {}, weights: {}, tie_rule: 'take_all' }
  for (const line of (content || '').split('\n')) {
    const at = line.indexOf('=')
    if (at < 0) continue
    const key = line.slice(0, at).trim()
    const value = line.slice(at + 1).trim()
    const [section, name] = key.split('.')
    if (section === 'ratios' && TYPES.includes(name)) values.ratios[name] = Number(value)
    else if (section === 'grades' && ['a', 'b', 'c'].includes(name)) values.grades[name] = Number(value)
    else if (section === 'weights' && DIMENSIONS.includes(name)) values.weights[name] = Number(value)
    else if (key === 'selection.tie_rule') values.tie_rule = value
  }
  return values
}

// Ratios are edited in percent; the server takes fractions (0..1).
export function requestBody(form) {
  const ratios = {}
  for (const ty of TYPES) if (typeof form.ratios[ty] === 'number') ratios[ty] = Math.round(form.ratios[ty] * 10) / 1000
  const weights = {}
  for (const d of DIMENSIONS) if (typeof form.weights[d] === 'number') weights[d] = form.weights[d]
  return { ratios, grades: { ...form.grades }, weights, tie_rule: form.tie_rule }
}
