// Who is logged in: {user: {name, role, scope}, csrf}. Plain Vue reactivity, no Pinia.
// The role checks here only hide what the user cannot do; the server decides (see
// src/core/access.cc, which these mirror).
import { reactive } from 'vue'
import { api } from '@/api'

export const session = reactive({
  user: null, // {name, role, scope: [codes]}
  csrf: '',
  loaded: false,

  // Asks the server who the browser's cookie belongs to. Resolves to the user or null.
  async load() {
    try {
      const answer = await api.get('/session')
      this.user = answer.user
      this.csrf = answer.csrf_token
    } catch (error) {
      if (error.status !== 401) throw error
      this.clear()
    } finally {
      this.loaded = true
    }
    return this.user
  },

  // Throws ApiError (401 wrong name or password, 429 too many attempts, 422 a field missing).
  async login(name, password) {
    const answer = await api.post('/session', { name, password })
    this.user = answer.user
    this.csrf = answer.csrf_token
    this.loaded = true
    return this.user
  },

  async logout() {
    try {
      if (this.user) await api.del('/session')
    } finally {
      this.clear()
    }
  },

  clear() {
    this.user = null
    this.csrf = ''
  },
})

export const ROLES = ['admin', 'unit_admin', 'secretary', 'first_secretary', 'leader', 'auditor']

// Actions that are not about one organization, as the server grants them.
const ACTIONS = {
  runAssessment: ['admin'], // run, override a grade, include/exclude by hand
  import: ['admin'],
  createDirectOrganization: ['admin'],
  manageUsers: ['admin'],
  whatIf: ['admin', 'auditor', 'leader', 'unit_admin'],
  readAudit: ['admin', 'auditor'],
  readAllAssessments: ['admin', 'auditor'],
  // About organizations in the user's scope:
  writeScores: ['admin', 'unit_admin'],
  writeOrganization: ['admin', 'unit_admin'],
  writeMembers: ['admin', 'unit_admin', 'secretary', 'first_secretary'],
}

export function hasRole(...roles) {
  return !!session.user && roles.flat().includes(session.user.role)
}

// True when the logged-in user's role may do `action` (a key of ACTIONS).
export function can(action) {
  const roles = ACTIONS[action]
  if (!roles) throw new Error(`unknown action ${action}`)
  return hasRole(roles)
}

export default session
