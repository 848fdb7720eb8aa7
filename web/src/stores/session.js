// Who is logged in and what the account may do: {user: {name, role, scope, real_name, phone},
// permissions, csrf, mustChangePassword}. `mustChangePassword`: the server answers nothing but
// the password change until the account's holder replaces the password an administrator gave.
// Plain Vue reactivity, no Pinia. `permissions` is the server's answer (GET /session, and the
// login), computed from the same rules that decide every request: the UI shows only what they
// allow and keeps no copy of the access table. The server still decides.
import { reactive } from 'vue'
import { api } from '@/api'

export const session = reactive({
  user: null, // {name, role, scope: [codes]}
  permissions: {}, // {run_assessment: true, write_scores: false, ...}
  csrf: '',
  mustChangePassword: false,
  loaded: false,
  // Why the last session ended (a reason of errors.js: session_ended_password_changed,
  // session_expired, ...), told on the login page; empty when the user logged out.
  endedReason: '',

  // Asks the server who the browser's cookie belongs to. Resolves to the user or null.
  async load() {
    try {
      this.take(await api.get('/session'))
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
    this.take(await api.post('/session', { name, password }))
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

  take(answer) {
    this.user = answer.user
    this.permissions = answer.permissions || {}
    this.csrf = answer.csrf_token
    this.mustChangePassword = answer.must_change_password === true
    this.endedReason = ''
  },

  clear() {
    this.user = null
    this.permissions = {}
    this.csrf = ''
    this.mustChangePassword = false
  },
})

// The roles an account can have (a vocabulary: what each may do is in `permissions`).
export const ROLES = ['admin', 'unit_admin', 'secretary', 'first_secretary', 'leader', 'auditor']

// True when the server says the logged-in account may `name`: a key of GET /session's
// permissions — run_assessment, what_if, import, create_direct_organization, manage_users,
// read_audit, read_all_assessments; write_organizations, write_members, write_scores (in its
// scope); change_org_type, change_org_unit, change_org_parent, set_committee_grade. camelCase
// is accepted ('runAssessment').
export function can(name) {
  const key = name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())
  return !!session.user && session.permissions[key] === true
}

export default session
