// Formatting shared by the pages.

// A server timestamp (ISO 8601, UTC) as the county's local time (UTC+8, whatever the browser's
// zone): "2016-12-31 18:05:00". Anything unparsable is returned as given.
export function formatTime(at) {
  if (!at) return ''
  const date = new Date(at)
  if (Number.isNaN(date.getTime())) return String(at)
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19)
}

// A ratio 0.15 as "15%" (one decimal when needed).
export function formatPercent(ratio) {
  return `${Math.round(ratio * 1000) / 10}%`
}

// A score (a dimension, a composite score, a cut line, an average) as every page shows one: two
// decimals ("77.50"), "—" when there is none.
export function formatScore(value) {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) return '—'
  return Number(value).toFixed(2)
}
