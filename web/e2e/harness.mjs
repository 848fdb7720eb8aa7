// End-to-end test helpers shared by every web/e2e/*.test.mjs (run with `node --test web/e2e/`).
//
//   const server = await startServer()      // fresh demo database, server on a free port
//   server.url, server.accounts.admin.password, server.stop()
//   const browser = await launchBrowser()   // headless Debian Chromium, scratch profile
//   const page = await browser.newPage()
//   await login(page, server.url, 'admin', server.accounts.admin.password)
//   await browser.close()
//
// The server binary comes from GRASSROOTS_BIN (default build/release/src/cli/grassroots, relative
// to the repository root), the built pages from GRASSROOTS_WEB (default web/dist). A missing
// binary or missing web/dist fails loudly: these tests never pass without the real UI.
import { spawn, execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

const execFileAsync = promisify(execFile)
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const webDist = path.resolve(repoRoot, process.env.GRASSROOTS_WEB || 'web/dist')
export const serverBin = path.resolve(
  repoRoot,
  process.env.GRASSROOTS_BIN || 'build/release/src/cli/grassroots',
)
export const chromiumPath = process.env.GRASSROOTS_CHROMIUM || '/usr/bin/chromium'

// Flags that let Debian's Chromium run headless in a container (see TOOLCHAIN.md).
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function scratchDir(prefix = 'grassroots-e2e-') {
  return mkdtempSync(path.join(process.env.GRASSROOTS_E2E_TMP || tmpdir(), prefix))
}

function checkPrerequisites() {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(
      `web UI not built: ${path.relative(repoRoot, webDist)}/index.html is missing; run \`make web\``,
    )
  }
  if (!existsSync(serverBin)) {
    throw new Error(`server binary not found: ${serverBin} (set GRASSROOTS_BIN or run \`make build\`)`)
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: run \`scripts/install-deps --test\``)
  }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

// The demo prints one "  name role password" line per account after "demo accounts".
export function parseAccounts(output) {
  const accounts = {}
  let inList = false
  for (const line of output.split('\n')) {
    if (/demo accounts/.test(line)) {
      inList = true
      continue
    }
    const match = inList && line.match(/^\s+(\S+)\s+(\S+)\s+(\S+)\s*$/)
    if (match) accounts[match[1]] = { name: match[1], role: match[2], password: match[3] }
  }
  return accounts
}

async function waitForHealth(url, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not answer ${url}/healthz within ${timeoutMs} ms`)
}

// Starts `grassroots serve` on a fresh demo database (`scale`: county, or province: 300,000
// organizations). Returns {url, accounts, db, stop()}.
export async function startServer({ scale = 'county' } = {}) {
  checkPrerequisites()
  const dir = scratchDir('grassroots-server-')
  const db = path.join(dir, 'demo.db')
  const { stdout, stderr } = await execFileAsync(serverBin, ['--db', db, 'demo', '--scale', scale, '--no-serve'], {
    cwd: repoRoot,
    maxBuffer: 16 << 20,
  })
  const accounts = parseAccounts(stdout + '\n' + stderr)
  if (!accounts.admin) throw new Error(`no demo accounts in the demo's output:\n${stdout}\n${stderr}`)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const args = ['--db', db, 'serve', '--port', String(port), '--bind', '127.0.0.1', '--web', webDist]
  const child = spawn(serverBin, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', (chunk) => (log += chunk))
  child.stderr.on('data', (chunk) => (log += chunk))
  try {
    await waitForHealth(url, child)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${error.message}\n${log}`)
  }
  // The UI must be what is served, not the server's fallback.
  const index = await fetch(url + '/')
  if (!index.ok) throw new Error(`GET / answered ${index.status}: is --web ${webDist} served?`)
  return {
    url,
    accounts,
    db,
    dir,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

// Headless Chromium with a fresh profile; HOME, XDG_* and TMPDIR point into a scratch folder.
// Returns the persistent context (newPage(), close()). close() also removes the scratch folder.
export async function launchBrowser({ locale = 'zh-CN', viewport = { width: 1366, height: 900 } } = {}) {
  checkPrerequisites()
  const dir = scratchDir('grassroots-chromium-')
  const env = {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    TMPDIR: dir,
  }
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_FLAGS,
    env,
    locale,
    viewport,
  })
  context.setDefaultTimeout(30000) // a loaded 2-core machine can take 15 s for a first load
  const close = context.close.bind(context)
  context.close = async () => {
    await close().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
  return context
}

// Collects what would show a broken page: uncaught errors, console errors (CSP violations are
// reported there), server errors (5xx) and requests that failed. `problems()` returns them as
// strings. Answers the UI expects (401 before login, 404 of an unreachable organization) are
// not problems: the browser's "Failed to load resource" lines for 4xx are left out.
export function watchPage(page) {
  const problems = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return
    problems.push(`console: ${message.text()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => {
    const failure = request.failure()
    if (failure && /ERR_ABORTED/.test(failure.errorText)) return // navigation away
    problems.push(`request failed: ${request.url()} ${failure && failure.errorText}`)
  })
  return { problems: () => problems.slice() }
}

// Logs in through the login form (after dropping any session the browser holds) and waits for
// the logged-in layout.
export async function login(page, url, name, password) {
  await page.context().clearCookies()
  await page.goto(`${url}/#/login`)
  await page.reload() // the app forgets the user it had loaded
  await page.locator('input[data-test=login-name]').fill(name)
  await page.locator('input[data-test=login-password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=user-name]').waitFor()
}

export async function logout(page) {
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=logout]').click()
  await page.locator('[data-test=login-submit]').waitFor()
}

// Calls the API from inside the page (the session cookie and CSRF token of the logged-in user).
export async function apiInPage(page, method, apiPath, body) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const who = await fetch('/api/v1/session').then((r) => r.json())
      const response = await fetch('/api/v1' + apiPath, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': who.csrf_token || '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: await response.json().catch(() => null) }
    },
    { method, apiPath, body },
  )
}
