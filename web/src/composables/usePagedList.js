// One page of a list the server filters and pages (the ledger, the plans, my items): its rows,
// the total of every match, whether a load is under way and whether one has answered, and the
// error worded for the page. `fetchPage()` asks for the page the address names and answers
// {items, total}; a newer load wins over one still under way (its answer is dropped).
// `setFilter(view, load)` makes the pages' filter setter: a changed filter goes back to page 1.
import { ref } from 'vue'
import { describeError } from '@/composables/useFormErrors'

export function usePagedList(fetchPage) {
  const rows = ref([])
  const total = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref('')
  let loads = 0

  async function load() {
    const mine = ++loads
    loading.value = true
    error.value = ''
    try {
      const answer = await fetchPage()
      if (mine !== loads) return
      rows.value = answer.items
      total.value = answer.total ?? answer.items.length
    } catch (e) {
      if (mine !== loads) return
      rows.value = []
      total.value = 0
      error.value = describeError(e)
    } finally {
      if (mine === loads) {
        loading.value = false
        loaded.value = true
      }
    }
  }

  return { rows, total, loading, loaded, error, load }
}

// Sets one filter of `view` (useUrlState) — cleared to '' or, for a checkbox, false — and loads
// its first page.
export function filterSetter(view, load) {
  return (key, value) => {
    view[key] = value ?? (typeof view[key] === 'boolean' ? false : '')
    view.page = 1
    load()
  }
}
