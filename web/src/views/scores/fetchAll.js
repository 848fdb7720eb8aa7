// Every item of a paged list endpoint ({items, total}), 1000 at a time (the server's largest
// page). `max` guards against pulling a province into the browser: past it, the promise
// rejects with {code: 'too_many', total} so the page can ask the user to narrow the filters.
import { api } from '@/api'

export async function fetchAll(path, query = {}, { max = 5000 } = {}) {
  const items = []
  let total = 0
  for (let offset = 0; ; offset += 1000) {
    const page = await api.get(path, { ...query, offset, limit: 1000 })
    total = page.total
    if (total > max) {
      const error = new Error(`${total} items`)
      error.code = 'too_many'
      error.total = total
      throw error
    }
    items.push(...page.items)
    if (!page.items.length || items.length >= total) break
  }
  return items
}

// The years that have a stored assessment, newest first.
export async function assessedYears() {
  const list = await api.get('/assessments')
  return list.items.map((item) => item.year).sort((a, b) => b - a)
}
