// Logging in and out, who the header says you are, what a secretary may reach, the language
// switch and changing a password, in headless Chromium against a fresh demo server.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, login, logout, watchPage } from './harness.mjs'

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

async function freshPage() {
  const page = await browser.newPage()
  const watch = watchPage(page)
  return { page, watch }
}

test('admin logs in and the header shows name, role and scope in Chinese', async () => {
  const { page, watch } = await freshPage()
  await login(page, server.url, 'admin', server.accounts.admin.password)
  assert.equal(await page.locator('[data-test=user-name]').innerText(), 'admin')
  assert.equal(await page.locator('[data-test=user-role]').innerText(), '系统管理员')
  assert.match(await page.locator('[data-test=user-scope]').innerText(), /范围：全部组织/)
  // The admin's menu has the admin pages.
  const menu = await page.locator('.el-menu').innerText()
  for (const label of ['总览', '组织', '用户与角色', '审计日志']) assert.ok(menu.includes(label), `menu lacks ${label}: ${menu}`)
  assert.deepEqual(watch.problems(), [])
  await logout(page)
  await page.close()
})

test('a wrong password shows the error and does not log in', async () => {
  const { page } = await freshPage()
  await page.goto(`${server.url}/#/login`)
  await page.locator('input[data-test=login-name]').fill('admin')
  await page.locator('input[data-test=login-password]').fill('not-the-password')
  await page.locator('[data-test=login-submit]').click()
  const error = page.locator('[data-test=login-error]')
  await error.waitFor()
  assert.match(await error.innerText(), /用户名或密码错误/)
  assert.equal(await page.locator('[data-test=user-name]').count(), 0)
  // Still not logged in: a page behind the login sends back to it.
  await page.goto(`${server.url}/#/dashboard`)
  await page.locator('[data-test=login-submit]').waitFor()
  await page.close()
})

test('a secretary sees only their organization and cannot open another one', async () => {
  const { page, watch } = await freshPage()
  const secretary = server.accounts.secretary
  await login(page, server.url, secretary.name, secretary.password)
  assert.equal(await page.locator('[data-test=user-role]').innerText(), '支部书记')
  const scope = page.locator('[data-test=user-scope]')
  await page.waitForFunction(() => /（MH001-01）/.test(document.querySelector('[data-test=user-scope]').innerText))
  assert.match(await scope.innerText(), /西林吉村党支部（MH001-01）/)
  // No admin pages in the menu, and the URL of one says no access.
  const menu = await page.locator('.el-menu').innerText()
  assert.ok(!menu.includes('用户与角色') && !menu.includes('审计日志'), menu)
  await page.goto(`${server.url}/#/users`)
  await page.locator('[data-test=forbidden]').waitFor()

  // The tree holds exactly their organization.
  await page.goto(`${server.url}/#/orgs`)
  const nodes = page.locator('[data-test=org-tree] .org-node')
  await nodes.first().waitFor()
  assert.deepEqual(await nodes.evaluateAll((list) => list.map((n) => n.dataset.code)), ['MH001-01'])
  // Their own page opens.
  await nodes.first().click()
  await page.locator('[data-test=org-title]').waitFor()
  assert.match(await page.locator('[data-test=org-title]').innerText(), /西林吉村党支部/)

  // Another organization's URL: a "not found / no access" message, none of its data.
  await page.goto(`${server.url}/#/orgs/MH002`)
  const refusal = page.locator('[data-test=org-not-found]')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /未找到，或您无权查看/)
  const body = await page.locator('body').innerText()
  assert.ok(!body.includes('北极镇党委'), 'the other organization’s name must not show')
  assert.ok(!body.includes('王铁军'), 'the other organization’s secretary must not show')
  // Its parent is out of scope too.
  await page.goto(`${server.url}/#/orgs/MH001`)
  await refusal.waitFor()
  assert.deepEqual(watch.problems(), [])
  await logout(page)
  await page.close()
})

test('switching to English shows English labels and is remembered', async () => {
  const { page } = await freshPage()
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.locator('[data-test=language]').click()
  await page.locator('.el-select-dropdown__item', { hasText: 'English' }).click()
  await page.locator('.el-menu', { hasText: 'Organizations' }).waitFor()
  assert.equal(await page.locator('[data-test=user-role]').innerText(), 'Administrator')
  assert.match(await page.locator('[data-test=user-scope]').innerText(), /Scope: All organizations/)
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
  await page.reload()
  await page.locator('.el-menu', { hasText: 'Dashboard' }).waitFor()
  assert.ok((await page.locator('.el-menu').innerText()).includes('Audit log'))
  // Back to Chinese for the other tests (the profile is shared).
  await page.locator('[data-test=language]').click()
  await page.locator('.el-select-dropdown__item', { hasText: '中文' }).click()
  await page.locator('.el-menu', { hasText: '组织' }).waitFor()
  await logout(page)
  await page.close()
})

test('logout ends the session: the pages ask to log in again', async () => {
  const { page } = await freshPage()
  await login(page, server.url, 'auditor', server.accounts.auditor.password)
  await logout(page)
  const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status)
  assert.equal(status, 401)
  await page.goto(`${server.url}/#/orgs`)
  await page.locator('[data-test=login-submit]').waitFor()
  await page.close()
})

test('a user changes their password and logs in with the new one', async (t) => {
  const spec = await (await fetch(`${server.url}/api/v1/openapi.json`)).json()
  const path = spec.paths['/api/v1/session/password']
  if (!path || !path.put) {
    t.skip('PUT /api/v1/session/password is not on this server yet')
    return
  }
  const { page } = await freshPage()
  const user = server.accounts.leader
  const newPassword = 'Neu-Passwort-2024!'
  await login(page, server.url, user.name, user.password)
  await page.locator('[data-test=user-menu]').click()
  await page.locator('[data-test=change-password]').click()
  // A wrong current password is named at its field and changes nothing.
  await page.locator('input[data-test=old-password]').fill('definitely-wrong-1')
  await page.locator('input[data-test=new-password]').fill(newPassword)
  await page.locator('input[data-test=confirm-password]').fill(newPassword)
  await page.locator('[data-test=password-submit]').click()
  await page.locator('.el-form-item.is-error', { hasText: '原密码' }).waitFor()
  // The right one.
  await page.locator('input[data-test=old-password]').fill(user.password)
  await page.locator('[data-test=password-submit]').click()
  await page.locator('[data-test=password-done]').waitFor()
  await logout(page)

  await page.locator('input[data-test=login-name]').fill(user.name)
  await page.locator('input[data-test=login-password]').fill(user.password)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=login-error]').waitFor()

  await login(page, server.url, user.name, newPassword)
  assert.equal(await page.locator('[data-test=user-name]').innerText(), user.name)
  await page.close()
})
