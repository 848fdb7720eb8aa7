// Accounts disabled and enabled again, an organization merged into another, a member who
// left: in headless Chromium against a fresh demo server of this file's own (these change the
// demo's data).
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

const rowsOf = (page, table) => page.locator(`[data-test=${table}] .el-table__body tr.el-table__row`)

async function pickDate(page, testId, date) {
  // Element Plus passes the attribute to the input, or keeps it on the wrapper.
  const input = page.locator(`input[data-test=${testId}], [data-test=${testId}] input`).first()
  await input.fill(date)
  await input.press('Enter')
}

test('users: the admin disables an account, which can no longer log in, and enables it again', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/users`)
  await page.locator('[data-test=user-disable-leader]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test=user-state-leader]', { hasText: '已停用' }).waitFor()
  // No disable button for oneself.
  assert.equal(await page.locator('[data-test=user-disable-admin]').count(), 0)

  const other = await browser.newPage()
  await other.context().clearCookies()
  await other.goto(`${server.url}/#/login`)
  await other.reload()
  await other.locator('input[data-test=login-name]').fill('leader')
  await other.locator('input[data-test=login-password]').fill(server.accounts.leader.password)
  await other.locator('[data-test=login-submit]').click()
  await other.locator('[data-test=login-error]', { hasText: '该账号已停用' }).waitFor()
  await other.close()

  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/users`)
  await page.locator('[data-test=user-enable-leader]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test=user-state-leader]', { hasText: '正常' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('organizations: a branch merged into its neighbour stays readable and leaves the tree', async () => {
  const page = await browser.newPage()
  await login(page, server.url, 'admin', server.accounts.admin.password)
  // A committee with branches: refused, and the reason is worded.
  await page.goto(`${server.url}/#/orgs/MH002`)
  await page.locator('[data-test=org-end]').click()
  let dialog = page.locator('[data-test=org-end-dialog]')
  await pickDate(page, 'org-end-on', '2016-06-01')
  await dialog.locator('textarea[data-test=org-end-reason]').fill('撤销')
  await dialog.locator('[data-test=org-end-save]').click()
  await page.locator('.el-message', { hasText: '其下还有' }).waitFor()
  await dialog.locator('.el-dialog__headerbtn').click()
  await dialog.waitFor({ state: 'hidden' }) // closed: its history entry is taken back

  await page.goto(`${server.url}/#/orgs/MH002-02`)
  await page.locator('[data-test=org-title]', { hasText: '洛古河村' }).waitFor()
  await page.locator('[data-test=org-end]').click()
  dialog = page.locator('[data-test=org-end-dialog]')
  await dialog.locator('.el-radio', { hasText: '已合并' }).click()
  await pickDate(page, 'org-end-on', '2016-06-01')
  await dialog.locator('[data-test=org-end-target]').click()
  await page.keyboard.type('北极村')
  await page.locator('.el-select-dropdown__item', { hasText: 'MH002-01' }).click()
  await dialog.locator('textarea[data-test=org-end-reason]').fill('两村合并')
  await dialog.locator('[data-test=org-end-save]').click()
  const banner = page.locator('[data-test=org-ended]')
  await banner.waitFor()
  assert.match(await banner.innerText(), /2016-06-01 合并入 MH002-01[\s\S]*两村合并/)
  assert.equal(await page.locator('[data-test=org-end]').count(), 0)

  await page.goto(`${server.url}/#/orgs`)
  const tree = page.locator('[data-test=org-tree]')
  await tree.locator('.el-tree-node', { has: page.locator('[data-code=MH002]') }).locator('.el-tree-node__expand-icon').first().click()
  await tree.locator('[data-code=MH002-01]').waitFor()
  assert.equal(await tree.locator('[data-code=MH002-02]').count(), 0)
  await page.locator('[data-test=org-with-ended]').click()
  await tree.locator('.el-tree-node', { has: page.locator('[data-code=MH002]') }).locator('.el-tree-node__expand-icon').first().click()
  await tree.locator('[data-code=MH002-02]', { hasText: '已合并' }).waitFor()
  await page.close()
})

test('members: the secretary records that a member transferred out; the roll shows it', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'secretary', server.accounts.secretary.password)
  await page.goto(`${server.url}/#/orgs/MH001-01`)
  const roll = rowsOf(page, 'org-roll')
  await roll.first().waitFor()
  const id = (await roll.first().locator('td').first().innerText()).trim()
  await page.locator(`[data-test=roll-leave-${id}]`).click()
  const dialog = page.locator('[data-test=roll-leave-dialog]')
  await pickDate(page, 'roll-leave-on', '2016-09-01')
  await dialog.locator('textarea[data-test=roll-leave-reason]').fill('转往外县')
  await dialog.locator('[data-test=roll-leave-save]').click()
  await page.locator(`[data-test=roll-left-${id}]`, { hasText: '2016-09-01 转出' }).waitFor()
  await page.locator('[data-test=org-members]', { hasText: '已离开（不计入）' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
