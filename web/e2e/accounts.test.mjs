// What a user notices about accounts and the roster (issue 10): a weak password refused with
// its reason in Chinese, the first login that must change the password an administrator gave,
// real name and phone on accounts, being told the session ended because the password changed
// elsewhere, the member roster by status, and 县委直属 for a top-level organization. No page
// logs a console error.
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

// A session of its own, outside the browser: {cookie, csrf}.
async function apiLogin(name, password) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  assert.equal(response.status, 200)
  const cookie = response.headers.get('set-cookie').split(';')[0]
  return { cookie, csrf: (await response.json()).csrf_token }
}

async function fillUserDialog(page, fields) {
  for (const [test, value] of Object.entries(fields)) {
    const input = page.locator(`[data-test=user-dialog] input[data-test=${test}]`)
    await input.fill(value)
  }
}

test('an administrator creates an account: a weak password is refused with its reason', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/users`)
  await page.locator('[data-test=user-create]').click()
  await page.locator('[data-test=user-dialog]').waitFor()
  await fillUserDialog(page, {
    'user-name-input': 'zhaoli',
    'user-real-name-input': '赵丽',
    'user-phone-input': '13800138000',
    'user-password-input': '1111111111',
  })
  // The auditor needs no scope (the server's GET /roles says so): the form asks for none.
  await page.locator('[data-test=user-role-select]').click()
  await page.locator('.el-select-dropdown__item', { hasText: '审计员' }).click()
  assert.equal(await page.locator('[data-test=user-scope-select]').count(), 0)
  await page.locator('[data-test=user-save]').click()
  const refused = page.locator('[data-test=user-dialog] .el-form-item.is-error', { hasText: '同一个字符重复' })
  await refused.waitFor()
  await fillUserDialog(page, { 'user-password-input': 'qwertyuiop' })
  await page.locator('[data-test=user-save]').click()
  await page.locator('[data-test=user-dialog] .el-form-item.is-error', { hasText: '键盘上的一行' }).waitFor()

  await fillUserDialog(page, { 'user-password-input': '初始密码由管理员给出2016' })
  await page.locator('[data-test=user-save]').click()
  await page.locator('[data-test=user-state-zhaoli]').waitFor()
  assert.equal(await page.locator('[data-test=user-state-zhaoli]').innerText(), '待改初始密码')
  const row = await page.locator('[data-test=users-table] tr', { hasText: 'zhaoli' }).innerText()
  assert.match(row, /赵丽/)
  assert.match(row, /13800138000/)
  assert.deepEqual(watch.problems(), [])
  await logout(page)
  await page.close()
})

test('the first login must change the given password before anything else', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'zhaoli', '初始密码由管理员给出2016')
  await page.locator('[data-test=password-forced]').waitFor()
  assert.match(await page.locator('[data-test=password-forced]').innerText(), /初始密码/)
  // Any other page leads back here.
  await page.goto(`${server.url}/#/orgs`)
  await page.locator('[data-test=password-forced]').waitFor()
  assert.match(page.url(), /#\/password/)
  await page.locator('input[data-test=old-password]').fill('初始密码由管理员给出2016')
  await page.locator('input[data-test=new-password]').fill('1234567890')
  await page.locator('input[data-test=confirm-password]').fill('1234567890')
  await page.locator('[data-test=password-submit]').click()
  await page.locator('.el-form-item.is-error', { hasText: '连续的数字' }).waitFor()
  await page.locator('input[data-test=new-password]').fill('我自己选的密码 2016')
  await page.locator('input[data-test=confirm-password]').fill('我自己选的密码 2016')
  await page.locator('[data-test=password-submit]').click()
  await page.waitForURL(/#\/dashboard/)
  await page.goto(`${server.url}/#/orgs`)
  await page.locator('[data-test=org-tree]').waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a password changed elsewhere signs this browser out and says why', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'zhaoli', '我自己选的密码 2016')
  const elsewhere = await apiLogin('zhaoli', '我自己选的密码 2016')
  const changed = await fetch(`${server.url}/api/v1/session/password`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: elsewhere.cookie, 'X-CSRF-Token': elsewhere.csrf },
    body: JSON.stringify({ old_password: '我自己选的密码 2016', new_password: '在手机上改的密码 2017' }),
  })
  assert.equal(changed.status, 200)
  await page.goto(`${server.url}/#/orgs`)
  await page.reload()
  const ended = page.locator('[data-test=login-ended]')
  await ended.waitFor()
  assert.match(await ended.innerText(), /密码已在其他地方修改/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the member roster lists members by status, paged by the server', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.locator('.el-menu-item', { hasText: '党员名册' }).click()
  await page.locator('[data-test=roster-table]').waitFor()
  await page.waitForURL(/#\/members/)
  const statusTexts = async () =>
    page.locator('[data-test=roster-table] .el-table__body tr td:nth-child(4)').allInnerTexts()
  await page.locator('[data-test=roster-total]', { hasText: /共 \d+ 人/ }).waitFor()
  for (const text of await statusTexts()) assert.equal(text.trim(), '流动党员')
  await page.locator('[data-test=roster-status-lost_contact]').click()
  await page.waitForURL(/status=lost_contact/)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-test=roster-table] .el-table__body tr td:nth-child(4)')].every(
      (cell) => cell.innerText.trim() === '失联党员',
    ),
  )
  const lost = await page.evaluate(async () => (await fetch('/api/v1/members?status=lost_contact&limit=1')).json())
  assert.match(await page.locator('[data-test=roster-total]').innerText(), new RegExp(`共 ${lost.total} 人`))
  // The URL holds the view: a reload shows the same status.
  await page.reload()
  await page.locator('[data-test=roster-total]').waitFor()
  assert.match(page.url(), /status=lost_contact/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a top-level organization reads 县委直属, and its members add up its branches', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/orgs/MH001`)
  await page.locator('[data-test=org-basics]').waitFor()
  const basics = await page.locator('[data-test=org-basics]').innerText()
  assert.match(basics, /县委直属/)
  assert.ok(!basics.includes('无上级'), basics)
  assert.ok(!basics.includes('default'), basics)
  const detail = await page.evaluate(async () => (await fetch('/api/v1/organizations/MH001')).json())
  const shown = Number(await page.locator('[data-test=member-count-regular]').innerText())
  assert.equal(shown, detail.subtree_member_counts.regular)
  assert.ok(shown >= detail.member_counts.regular)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('an administrator creates an organization under another and renames it; a secretary may not create one at the top', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/orgs/MH001`)
  await page.locator('[data-test=org-new-child]').click()
  const dialog = page.locator('[data-test=org-edit-dialog]')
  await dialog.waitFor()
  await dialog.locator('input[data-test=org-edit-code]').fill('E2E-NEW')
  await dialog.locator('input[data-test=org-edit-name]').fill('测试新建党支部')
  await page.locator('[data-test=org-edit-save]').click()
  await page.waitForURL(/#\/orgs\/E2E-NEW/)
  await page.locator('[data-test=org-title]', { hasText: '测试新建党支部' }).waitFor()
  await page.locator('[data-test=org-parent]').waitFor()
  assert.match(await page.locator('[data-test=org-parent]').innerText(), /MH001/)

  await page.locator('[data-test=org-edit]').click()
  const edit = page.locator('[data-test=org-edit-dialog]:visible')
  await edit.locator('input[data-test=org-edit-name]').fill('测试改名党支部')
  await edit.locator('[data-test=org-edit-save]').click()
  await page.locator('[data-test=org-title]', { hasText: '测试改名党支部' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await logout(page)

  const secretary = server.accounts.secretary
  await login(page, server.url, secretary.name, secretary.password)
  await page.goto(`${server.url}/#/orgs`)
  await page.locator('[data-test=org-tree]').waitFor()
  assert.equal(await page.locator('[data-test=org-new-direct]').count(), 0)
  await page.close()
})
