// The years and assessing units the rectification filters offer: the years with a stored
// assessment (plans are made from one), newest first, and the units of a year's stored summary;
// and the filters the ledger and the plans share over them (useYearFilters).
import { onMounted, ref, watch } from 'vue'
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

// The year, unit and search filters of a list page: the years that have a stored assessment (the
// newest chosen when the address names none), the units of the chosen year, and the search box
// that sets ?q a moment after typing stops. Loads the list once the year is known.
export function useYearFilters(view, setFilter, load) {
  const years = ref([])
  const units = ref([])
  const q = ref(view.q)
  let timer = null
  watch(q, (now) => {
    clearTimeout(timer)
    timer = setTimeout(() => setFilter('q', now), 300)
  })
  watch(
    () => view.year,
    async (year) => (units.value = await unitsOf(year)),
  )
  onMounted(async () => {
    years.value = await planYears()
    if (!view.year) view.year = years.value[0] || new Date().getFullYear()
    units.value = await unitsOf(view.year)
    load()
  })
  return { years, units, q }
}
