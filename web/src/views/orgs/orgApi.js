// Organization reads shared by the tree and the organization page.
import { api } from '@/api'

// Every page of a list endpoint (limit 1000 a page), concatenated.
export async function fetchAllPages(path, query = {}, { max = 20000 } = {}) {
  const items = []
  for (let offset = 0; ; offset += 1000) {
    const page = await api.get(path, { ...query, offset, limit: 1000 })
    items.push(...page.items)
    if (items.length >= page.total || page.items.length === 0 || items.length >= max) return items
  }
}

// The top of the tree the user may see: the direct organizations for county-wide roles (null:
// the tree pages through them, a province has tens of thousands), else the organizations of
// the user's scope.
export async function rootOrganizations(user) {
  if (!user.scope || user.scope.length === 0) return null
  const roots = []
  for (const code of user.scope) {
    try {
      roots.push(await api.get(`/organizations/${encodeURIComponent(code)}`))
    } catch (error) {
      if (error.status !== 404) throw error
    }
  }
  return roots
}

// The children of `code`: those that exist, or also those dissolved or merged (`withEnded`).
export function childOrganizations(code, { withEnded = false } = {}) {
  return fetchAllPages('/organizations', { parent: code, state: withEnded ? 'all' : undefined })
}
