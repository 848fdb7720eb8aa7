// People in headless Chromium against a fresh demo server of this file's own: the admin records
// a training class (进修班), is told at its field that the end is before the start, adds
// attendees in bulk (a wrong line named, nothing written), and the secretary's history shows
// the class on the organization page; the organization page's member trend (evidence for the
// `members` dimension) shows the demo's quarter ends; the admin records a member's change of
// status with its day on the organization's roll (a day after today refused at its field); and
// a secretary reads the training page and the trend at 390 px without the page scrolling
// sideways.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, login, watchPage, apiInPage } from './harness.mjs'

let server
let browser
let phone

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  phone = await launchBrowser({ viewport: { width: 390, height: 844 } })
})

after(async () => {
  if (browser) await browser.close()
  if (phone) await phone.close()
  if (server) await server.stop()
})

const rowsOf = (page, table) => page.locator(`[data-test=${table}] .el-table__body tr.el-table__row`)
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

async function pickDate(page, testId, date) {
  const input = page.locator(`input[data-test=${testId}], [data-test=${testId}] input`).first()
  await input.fill(date)
  await input.press('Enter')
}

test('training: a class is recorded, its list filled in bulk, and it shows in the history', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/training`)
  await rowsOf(page, 'training-table').first().waitFor() // the demo's classes
  assert.ok((await rowsOf(page, 'training-table').count()) >= 4)

  await page.locator('[data-test=training-new]').click()
  const dialog = page.locator('[data-test=training-dialog]')
  await dialog.locator('[data-test=training-name] input, input[data-test=training-name]').first().fill('2016年冬季书记进修班')
  await pickDate(page, 'training-starts', '2016-12-05')
  await pickDate(page, 'training-ends', '2016-12-01')
  await dialog.locator('[data-test=training-save]').click()
  await dialog.locator('.el-form-item__error', { hasText: '结束日期 2016-12-01 早于开始日期 2016-12-05' }).waitFor()
  await pickDate(page, 'training-ends', '2016-12-09')
  await dialog.locator('[data-test=training-save]').click()
  await page.locator('[data-test=training-basics]', { hasText: '2016-12-05 ～ 2016-12-09' }).waitFor()

  const lines = page.locator('[data-test=attendee-lines] textarea, textarea[data-test=attendee-lines]').first()
  await lines.fill('测试书记甲,MH003\n测试书记乙,NOPE99')
  await page.locator('[data-test=attendee-add]').click()
  await page.locator('[data-test=attendee-error]', { hasText: 'NOPE99' }).waitFor()
  assert.equal(await rowsOf(page, 'training-attendees').count(), 0, 'all or nothing')
  await lines.fill('测试书记甲,MH003\n测试书记乙,MH004,缺课,病假')
  await page.locator('[data-test=attendee-add]').click()
  await page.locator('[data-test=training-count]', { hasText: '到课 1 / 2 人' }).waitFor()
  assert.equal(await rowsOf(page, 'training-attendees').count(), 2)

  await page.goto(`${server.url}/#/orgs/MH004`)
  await page.locator('[data-test=training-history]', { hasText: '2016年冬季书记进修班' }).waitFor()
  assert.match(await page.locator('[data-test=training-history]').innerText(), /测试书记乙[\s\S]*缺课/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('member trend: the organization page shows the members by status at each quarter end', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'secretary', server.accounts.secretary.password)
  const who = await apiInPage(page, 'GET', '/session')
  const code = who.body.user.scope[0]
  await page.goto(`${server.url}/#/orgs/${encodeURIComponent(code)}`)
  const trend = page.locator('[data-test=member-trend]')
  await trend.locator('.el-table__row').first().waitFor()
  const text = await trend.innerText()
  assert.match(text, /党员状态变化（2016 年）/)
  assert.match(text, /2016-03-31[\s\S]*2016-06-30[\s\S]*2016-09-30[\s\S]*2016-12-31/)
  const mobile = await trend.locator('[data-test=trend-mobile]').allInnerTexts()
  assert.equal(mobile.length, 4)
  assert.ok(mobile.some((n) => Number(n) > 0), `some members away in 2016: ${mobile}`)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a secretary on a 390 px phone reads the classes, a class and the trend without sideways scrolling', async () => {
  const page = await phone.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'secretary', server.accounts.secretary.password)
  await page.goto(`${server.url}/#/training`)
  await rowsOf(page, 'training-table').first().waitFor()
  await page.waitForTimeout(300)
  assert.equal(await sideways(page), 0, '/training scrolls sideways')
  assert.equal(await page.locator('[data-test=training-new]').count(), 0, 'a secretary records no class')
  // A class of the demo's (the first test's own class lists other organizations).
  await page.locator('[data-test=training-link]', { hasText: '专题进修班' }).first().click()
  await page.locator('[data-test=training-basics]').waitFor()
  await page.waitForTimeout(300)
  assert.equal(await sideways(page), 0, 'a class page scrolls sideways')
  // The demo put the secretary's own organization on every class's list: they see themselves.
  await rowsOf(page, 'training-attendees').first().waitFor()
  assert.equal(await page.locator('[data-test=attendee-lines]').count(), 0)
  const who = await apiInPage(page, 'GET', '/session')
  await page.goto(`${server.url}/#/orgs/${encodeURIComponent(who.body.user.scope[0])}`)
  await page.locator('[data-test=member-trend] .el-table__row').first().waitFor()
  await page.waitForTimeout(300)
  assert.equal(await sideways(page), 0, 'the organization page scrolls sideways')
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a change of status is recorded with its day from the roll, and a day to come is refused there', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  const code = 'MH001-01'
  const roll = await apiInPage(page, 'GET', `/organizations/${code}/members?limit=100`)
  const history = async (id) => (await apiInPage(page, 'GET', `/members/${id}/status-history`)).body
  // After the demo's changes (its years) and before today: a day the rule takes.
  const member = roll.body.items.find((m) => m.status === 'regular' && !m.left)
  assert.ok(member, 'the demo branch has a regular member on its roll')
  const before = (await history(member.id)).items.length
  await page.goto(`${server.url}/#/orgs/${code}`)
  await page.locator(`[data-test=roll-status-${member.id}]`).click()
  const dialog = page.locator('[data-test=roll-status-dialog]')
  await dialog.locator('[data-test=roll-status-to]').click()
  await page.locator('.el-select-dropdown__item', { hasText: '流动党员' }).click()
  await pickDate(page, 'roll-status-on', '2099-01-01')
  await dialog.locator('[data-test=roll-status-note]').fill('外出务工')
  await dialog.locator('[data-test=roll-status-save]').click()
  await dialog.locator('.el-form-item__error').first().waitFor()
  assert.equal((await history(member.id)).items.length, before, 'nothing recorded for a day to come')

  await pickDate(page, 'roll-status-on', '2025-05-04')
  await dialog.locator('[data-test=roll-status-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const row = page.locator('[data-test=org-roll] .el-table__row', { hasText: member.id })
  await row.filter({ hasText: '流动党员' }).waitFor()
  const changes = (await history(member.id)).items
  assert.equal(changes.length, before + 1)
  const last = changes[changes.length - 1]
  assert.deepEqual([last.from, last.to, last.on, last.note], ['regular', 'mobile', '2025-05-04', '外出务工'])
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
