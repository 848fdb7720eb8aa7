// The dashboard, the organization tree and page, users and the audit log, in headless Chromium
// against a fresh demo server (the demo's figures: 2016 has 14 selected, 4 of them two years
// running; 2015 has 15 selected).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, login, watchPage } from './harness.mjs'

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

async function adminPage() {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  return { page, watch }
}

const rowsOf = (page, table) => page.locator(`[data-test=${table}] .el-table__body tr.el-table__row`)

test('dashboard: the latest year, its selected organizations, consecutive cases and charts', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/dashboard`)
  const selected = rowsOf(page, 'dashboard-selected')
  await selected.first().waitFor()
  assert.match(await page.locator('[data-test=dashboard-year]').innerText(), /2016/)
  assert.equal(await selected.count(), 14)
  const row = selected.filter({ hasText: 'MH002-02' })
  assert.match(await row.innerText(), /洛古河村党支部[\s\S]*D 较差[\s\S]*连续两年/)
  // A branch selected two years running: its secretary and its parent's are to be replaced.
  const cases = rowsOf(page, 'dashboard-cases')
  assert.equal(await cases.count(), 4)
  const branchCase = cases.filter({ hasText: 'MH002-02' })
  await branchCase.filter({ hasText: '北极镇党委（MH002）' }).waitFor()
  assert.match(await branchCase.innerText(), /调整书记：洛古河村党支部[\s\S]*调整上级党组织书记：北极镇党委（MH002）/)
  // Quotas: the village group of 13 at 15% gives 2.
  assert.match(await rowsOf(page, 'dashboard-quotas').filter({ hasText: '农村' }).innerText(), /13\s+15%\s+2/)
  // Charts draw once ECharts has loaded (it is not part of the page's first load).
  for (const chart of ['chart-grades', 'chart-quota', 'chart-trend']) {
    await page.locator(`[data-test=${chart}] canvas`).waitFor()
    assert.equal(await page.locator(`[data-test=${chart}] canvas`).count(), 1, `${chart} drawn`)
  }
  // Another year.
  await page.locator('[data-test=dashboard-year]').click()
  await page.locator('.el-select-dropdown__item', { hasText: '2015' }).click()
  await page.locator('.el-card__header', { hasText: '（15 个）' }).waitFor()
  assert.equal(await selected.count(), 15)
  // A selected organization's name leads to its page.
  await selected.first().locator('a').click()
  await page.locator('[data-test=org-title]').waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('dashboard of a secretary covers only their organization', async () => {
  const page = await browser.newPage()
  await login(page, server.url, 'secretary', server.accounts.secretary.password)
  await page.goto(`${server.url}/#/dashboard`)
  const selected = rowsOf(page, 'dashboard-selected')
  await selected.first().waitFor()
  assert.equal(await selected.count(), 1)
  assert.match(await selected.first().innerText(), /MH001-01/)
  assert.match(await page.locator('.page-header').innerText(), /您管理范围内的组织/)
  await page.close()
})

test('organizations: tree, search, and a page with members, scores, radar and history', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/orgs`)
  const tree = page.locator('[data-test=org-tree]')
  await tree.locator('[data-code=MH001]').waitFor()
  assert.equal(await tree.locator('.el-tree-node').count(), 39, 'the 39 direct organizations')
  // Expanding a committee loads its branches.
  await tree.locator('.el-tree-node', { has: page.locator('[data-code=MH002]') }).locator('.el-tree-node__expand-icon').first().click()
  await tree.locator('[data-code=MH002-02]').waitFor()

  await page.locator('input[data-test=org-search]').fill('洛古河')
  await page.locator('[data-test=org-search-button]').click()
  const results = rowsOf(page, 'org-results')
  await results.first().waitFor()
  assert.equal(await results.count(), 1)
  await results.first().locator('a').click()

  await page.locator('[data-test=org-title]').waitFor()
  const basics = await page.locator('[data-test=org-basics]').innerText()
  // The demo records the 2016 adjustment of 洛古河's secretary: 刘国庆 was succeeded by 孙丽娟.
  assert.match(basics, /孙丽娟/)
  // ... and the change shows in the page's history of secretaries.
  const changes = rowsOf(page, 'org-secretaries')
  await changes.first().waitFor()
  assert.equal(await changes.count(), 1)
  assert.match(await changes.first().innerText(), /刘国庆 → 孙丽娟[\s\S]*2016 年评定后的组织调整/)
  assert.match(basics, /党支部/)
  assert.match(basics, /北极镇党委（MH002）/)
  const members = await page.locator('[data-test=org-members]').innerText()
  assert.match(members, /正式党员\s+32/)
  assert.match(members, /失联党员\s+2/)
  const scores = rowsOf(page, 'org-scores')
  await scores.first().waitFor()
  assert.match(await scores.first().innerText(), /^2016\s+60\.3\s+59\.9/)
  await page.locator('.org-radar canvas').waitFor()
  assert.equal(await page.locator('.org-radar canvas').count(), 1)
  const history = rowsOf(page, 'org-history')
  assert.equal(await history.count(), 2)
  assert.match(await history.first().innerText(), /2016\s+56\.05[\s\S]*D 较差[\s\S]*1 \/ 13[\s\S]*13 × 15% = 1\.95，向上取整为 2[\s\S]*是[\s\S]*评为较差/)

  // On paper: no menu, header or buttons; the content stays.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.el-aside').isVisible(), false)
  assert.equal(await page.locator('[data-test=print]').isVisible(), false)
  assert.equal(await page.locator('[data-test=org-history]').isVisible(), true)
  await page.emulateMedia({ media: 'screen' })

  // The parent link.
  await page.locator('[data-test=org-parent]').click()
  await page.locator('[data-test=org-title]', { hasText: '北极镇党委' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('users: the admin creates an account; a taken name is refused at the name field', async () => {
  const { page } = await adminPage()
  await page.goto(`${server.url}/#/users`)
  await rowsOf(page, 'users-table').first().waitFor()
  assert.equal(await rowsOf(page, 'users-table').count(), 6)

  await page.locator('[data-test=user-create]').click()
  const dialog = page.locator('.el-dialog')
  await dialog.locator('input[data-test=user-name-input]').fill('secretary')
  await dialog.locator('input[data-test=user-password-input]').fill('short')
  await dialog.locator('[data-test=user-save]').click()
  // Checked in the browser first: the scope is missing (the server's GET /roles says a
  // secretary needs one).
  await dialog.locator('.el-form-item.is-error', { hasText: '管理范围' }).waitFor()

  await dialog.locator('[data-test=user-scope-select]').click()
  await page.locator('.el-select-dropdown__item', { hasText: 'MH002-01' }).click()
  await dialog.locator('input[data-test=user-password-input]').fill('short') // closes the list
  await dialog.locator('[data-test=user-save]').click()
  // The password rule is the server's: its reason next to the password.
  await dialog.locator('.el-form-item.is-error', { hasText: '至少 10 个字符' }).waitFor()
  await dialog.locator('input[data-test=user-password-input]').fill('a-long-enough-pw')
  await dialog.locator('[data-test=user-save]').click()
  // The server refuses the taken name, and says so next to the name.
  await dialog.locator('.el-form-item.is-error', { hasText: '用户名' }).waitFor()
  assert.equal(await rowsOf(page, 'users-table').count(), 6)

  await dialog.locator('input[data-test=user-name-input]').fill('secretary2')
  await dialog.locator('[data-test=user-save]').click()
  const created = rowsOf(page, 'users-table').filter({ hasText: 'secretary2' })
  await created.waitFor()
  assert.match(await created.innerText(), /支部书记[\s\S]*北极村党支部（MH002-01）/)

  // The new account works and sees its organization.
  await login(page, server.url, 'secretary2', 'a-long-enough-pw')
  assert.match(await page.locator('[data-test=user-scope]').innerText(), /MH002-01/)
  await page.close()
})

test('audit log: chain verified, entries with before/after', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/audit`)
  const verify = page.locator('[data-test=audit-verify] .el-alert--success')
  await verify.waitFor()
  assert.match(await verify.innerText(), /哈希链校验通过：\d+ 条记录完整/)
  // The newest entry, to write down and check later (`audit verify --expect ID:HASH`).
  assert.match(await verify.innerText(), /最新记录 \d+:[0-9a-f]{64}/)
  const rows = rowsOf(page, 'audit-table')
  await rows.first().waitFor()
  const created = rows.filter({ hasText: 'user:secretary2' }).filter({ hasText: '新建用户' })
  assert.match(await created.innerText(), /admin[\s\S]*127\.0\.0\.1[\s\S]*新建用户/)
  await created.locator('.el-table__expand-icon').click()
  const expanded = page.locator('.audit-diff').first()
  await expanded.waitFor()
  assert.match(await expanded.innerText(), /修改后[\s\S]*secretary2/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('auditor reads the audit log but has no users page', async () => {
  const page = await browser.newPage()
  await login(page, server.url, 'auditor', server.accounts.auditor.password)
  const menu = await page.locator('.el-menu').innerText()
  assert.ok(menu.includes('审计日志') && !menu.includes('用户与角色'), menu)
  await page.goto(`${server.url}/#/audit`)
  await page.locator('[data-test=audit-verify] .el-alert--success').waitFor()
  await page.close()
})
