// The first load of the web UI, as a new user meets it: an empty browser cache, the login page
// served by the real server from web/dist on 127.0.0.1, then logging in to the dashboard.
// Measures (in the page's own clock, from the start of navigation) when the login form can be
// typed into and when the dashboard shows its figures, and what went over the wire: bytes as
// transferred (compressed when the server compresses) and as unpacked, per kind of file.
// The numbers are printed (docs/performance.md, "Web UI first load", records them); the test
// fails when the first load is over its budget.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import os from 'node:os'
import { startServer, launchBrowser, watchPage } from './harness.mjs'

// Budgets (issue 10: "the first page load stays under 1.5 s on the demo"). The median of RUNS
// fresh loads is held to them, so one slow moment does not decide. The times are for a machine
// with nothing else to do: when other work already keeps its cores busy (load average above the
// number of cores, as when builds run beside the tests) they stretch by that factor; the bytes
// never do.
const LOGIN_BUDGET_MS = 1500
const DASHBOARD_BUDGET_MS = 1500
const FIRST_LOAD_BUDGET_KB = 250 // transferred (compressed) for the login page
const RUNS = 3
const busy = () => Math.max(1, os.loadavg()[0] / os.cpus().length)

let server

before(async () => {
  server = await startServer()
})

after(async () => {
  if (server) await server.stop()
})

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]
const kb = (bytes) => Math.round(bytes / 102.4) / 10

// What the page loaded so far: {transferred, decoded, files: [{name, transferred, decoded}]}.
async function loaded(page) {
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    const files = entries
      .filter((e) => !e.name.includes('/api/'))
      .map((e) => ({ name: new URL(e.name).pathname, transferred: e.transferSize, decoded: e.decodedBodySize }))
    const sum = (key) => files.reduce((n, f) => n + f[key], 0)
    return { transferred: sum('transferred'), decoded: sum('decoded'), files }
  })
}

// One first visit in a browser with an empty cache: the login page, then the dashboard.
async function firstVisit() {
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    const watch = watchPage(page)
    const encodings = new Map()
    page.on('response', (response) => {
      const url = new URL(response.url())
      if (!url.pathname.startsWith('/api/')) encodings.set(url.pathname, response.headers()['content-encoding'] || 'none')
    })
    await page.goto(`${server.url}/#/login`, { waitUntil: 'commit' })
    // Interactive: the name field is there and enabled (the app has mounted and routed).
    const loginMs = await (
      await page.waitForFunction(
        () => {
          const input = document.querySelector('input[data-test=login-name]')
          return input && !input.disabled && input.offsetParent !== null ? performance.now() : false
        },
        null,
        { polling: 'raf' },
      )
    ).jsonValue()
    const loginFiles = await loaded(page)

    const account = server.accounts.admin
    await page.locator('input[data-test=login-name]').fill(account.name)
    await page.locator('input[data-test=login-password]').fill(account.password)
    const clickedAt = await page.evaluate(() => performance.now())
    await page.locator('[data-test=login-submit]').click()
    // The dashboard is there when its figures and its table of selected organizations are.
    const dashboardAt = await (
      await page.waitForFunction(
        () =>
          document.querySelector('[data-test=dashboard-stats]') &&
          document.querySelector('[data-test=dashboard-selected] .el-table__row')
            ? performance.now()
            : false,
        null,
        { polling: 'raf' },
      )
    ).jsonValue()
    const chartsAt = await (
      await page.waitForFunction(
        () => (document.querySelectorAll('[data-test^=chart-] canvas').length >= 3 ? performance.now() : false),
        null,
        { polling: 'raf' },
      )
    ).jsonValue()
    const allFiles = await loaded(page)
    assert.deepEqual(watch.problems(), [])
    return {
      loginMs,
      // Logging in checks the password with argon2id (about 0.3 s of the server's time).
      dashboardMs: dashboardAt - clickedAt,
      chartsMs: chartsAt - clickedAt,
      loginFiles,
      allFiles,
      encodings,
    }
  } finally {
    await browser.close()
  }
}

test('first load: the login page and the dashboard within budget, on an empty cache', async () => {
  const factor = busy()
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await firstVisit())
  const last = runs[runs.length - 1]
  const report = {
    machine: `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} (budget factor ${factor.toFixed(2)})`,
    login_interactive_ms: runs.map((r) => Math.round(r.loginMs)),
    dashboard_after_login_ms: runs.map((r) => Math.round(r.dashboardMs)),
    charts_after_login_ms: runs.map((r) => Math.round(r.chartsMs)),
    login_transferred_kb: kb(last.loginFiles.transferred),
    login_decoded_kb: kb(last.loginFiles.decoded),
    with_dashboard_transferred_kb: kb(last.allFiles.transferred),
    with_dashboard_decoded_kb: kb(last.allFiles.decoded),
    encodings: [...new Set(last.encodings.values())],
    login_files: last.loginFiles.files
      .sort((a, b) => b.decoded - a.decoded)
      .map((f) => `${f.name} ${kb(f.transferred)}/${kb(f.decoded)} KB`),
  }
  console.log(`first load: ${JSON.stringify(report, null, 2)}`)
  assert.ok(
    last.loginFiles.transferred <= FIRST_LOAD_BUDGET_KB * 1024,
    `login page transferred ${report.login_transferred_kb} KB > ${FIRST_LOAD_BUDGET_KB} KB`,
  )
  const within = (values, budget) => median(values) <= budget * factor
  assert.ok(within(report.login_interactive_ms, LOGIN_BUDGET_MS), `login interactive ${report.login_interactive_ms} ms, ${report.machine}`)
  assert.ok(within(report.dashboard_after_login_ms, DASHBOARD_BUDGET_MS), `dashboard ${report.dashboard_after_login_ms} ms, ${report.machine}`)
})
