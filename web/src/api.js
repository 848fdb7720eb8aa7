// The one place that talks to the server. Paths are relative to /api/v1.
//   api.get(path, query)          GET with query parameters (undefined/null/'' are left out)
//   api.post(path, body)          JSON body
//   api.put(path, body), api.del(path, body)
//   api.upload(path, fileOrText, {contentType})   raw body (a File/Blob or a string)
//   api.form(path, formData)      multipart/form-data (the browser writes the boundary)
// Every call resolves to the parsed JSON (or text) and throws ApiError otherwise. Every non-GET
// sends the session's CSRF token. A 401 (session ended) sends the user to the login page, which
// says why; a 403 password_change_required to the password page.
import { session } from '@/stores/session'

export const API_BASE = '/api/v1'

// An error the server answered ({"error": {"code", "reason", "params", "message", "field"}})
// or a network failure (status 0, code 'network'). `reason` and `params` are what the UI words
// the error from (describeError); `message` is the server's English. `details` holds whatever
// else the answer carried (the "errors" of a form, the "rows" of an import or a bulk write).
export class ApiError extends Error {
  constructor({ status, code, reason, params, message, field, details }) {
    super(message || code || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = code || 'error'
    this.reason = reason || this.code
    this.params = params || {}
    this.field = field || null
    this.details = details || {}
  }
}

let onUnauthorized = () => {}
let onPasswordChangeRequired = () => {}
// The router registers what a 401 does (go to the login page, keeping where the user was).
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler
}
// And what a 403 "password_change_required" does (go to the password page).
export function setPasswordChangeHandler(handler) {
  onPasswordChangeRequired = handler
}

function urlOf(path, query) {
  const url = API_BASE + (path.startsWith('/') ? path : '/' + path)
  if (!query) return url
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `${url}?${text}` : url
}

async function errorFrom(response) {
  let body = null
  try {
    body = await response.json()
  } catch {
    body = null
  }
  const error = (body && body.error) || {}
  const { code, reason, params, message, field, ...rest } = error
  const details = { ...rest }
  // Keep anything else the server sent next to "error" (e.g. row errors of an import).
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) if (key !== 'error') details[key] = value
  }
  return new ApiError({
    status: response.status,
    code: code || (response.status === 401 ? 'unauthenticated' : 'http_' + response.status),
    reason,
    params,
    message: message || response.statusText,
    field,
    details,
  })
}

async function request(method, path, { query, body, contentType } = {}) {
  const headers = { Accept: 'application/json' }
  let payload
  if (body !== undefined) {
    if (body instanceof FormData) {
      payload = body // Content-Type with its boundary comes from the browser
    } else if (contentType) {
      headers['Content-Type'] = contentType
      payload = body
    } else {
      headers['Content-Type'] = 'application/json'
      payload = JSON.stringify(body)
    }
  }
  if (method !== 'GET' && session.csrf) headers['X-CSRF-Token'] = session.csrf
  let response
  try {
    response = await fetch(urlOf(path, query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network', message: String(cause && cause.message) })
  }
  if (!response.ok) {
    const error = await errorFrom(response)
    // Logging in with a wrong password is answered 401 too: that one is the login form's.
    if (response.status === 401 && !(path === '/session' && method === 'POST')) {
      session.clear()
      // Told on the login page: signed out because the password changed elsewhere, ...
      if (error.reason !== 'unauthenticated') session.endedReason = error.reason
      onUnauthorized(error)
    }
    if (response.status === 403 && error.reason === 'password_change_required') {
      session.mustChangePassword = true
      onPasswordChangeRequired(error)
    }
    // How long to wait: the server's params, else its Retry-After header (seconds).
    if (response.status === 429 && !error.params.seconds) {
      const after = Number(response.headers.get('Retry-After'))
      if (after > 0) error.params = { ...error.params, seconds: String(after) }
    }
    throw error
  }
  if (response.status === 204) return null
  const type = response.headers.get('Content-Type') || ''
  return type.includes('application/json') ? response.json() : response.text()
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body) => request('POST', path, { body: body === undefined ? {} : body }),
  put: (path, body) => request('PUT', path, { body: body === undefined ? {} : body }),
  del: (path, body) => request('DELETE', path, { body }),
  upload: (path, fileOrText, { contentType, query } = {}) =>
    request('POST', path, {
      query,
      body: fileOrText,
      contentType: contentType || (fileOrText && fileOrText.type) || 'text/csv; charset=utf-8',
    }),
  form: (path, formData) => request('POST', path, { body: formData }),
}

export default api
