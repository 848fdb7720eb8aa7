// The years and assessing units the rectification filters offer: the years with a stored
// assessment (plans are made from one), newest first, and the units of a year's stored summary.
import { api } from '@/api'
import { assessedYears } from '@/views/scores/fetchAll'

export async function planYears() {
  try {
    return await assessedYears()
  } catch {
    return []
  }
}

export async function unitsOf(year) {
  if (!year) return []
  try {
    const summary = await api.get(`/assessments/${year}/summary`)
    return [...new Set(summary.quotas.map((g) => g.unit))].sort()
  } catch {
    return []
  }
}
