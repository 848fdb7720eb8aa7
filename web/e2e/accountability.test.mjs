// Accountability in headless Chromium against a fresh demo server of this file's own: the admin
// records an interview (约谈) and the person's page says they may not be promoted that year,
// naming the interview; then decides an open adjustment of the 2016 queue (组织调整), and the
// organization's secretary is the successor.
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
  const input = page.locator(`input[data-test=${testId}], [data-test=${testId}] input`).first()
  await input.fill(date)
  await input.press('Enter')
}

async function fill(dialog, testId, text) {
  await dialog.locator(`input[data-test=${testId}], textarea[data-test=${testId}], [data-test=${testId}] input, [data-test=${testId}] textarea`).first().fill(text)
}

test('interviews: a recorded interview makes the person ineligible that year, and says why', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/interviews`)
  await rowsOf(page, 'interview-table').first().waitFor() // the demo's interviews
  await page.locator('[data-test=interview-new]').click()
  const dialog = page.locator('[data-test=interview-dialog]')
  // A missing reason is refused at its field, in words.
  await pickDate(page, 'interview-on', '2016-09-12')
  await fill(dialog, 'interview-person', '测试干部甲')
  await fill(dialog, 'interview-interviewer', '县委组织部 王部长')
  await dialog.locator('[data-test=interview-save]').click()
  await dialog.locator('.el-form-item__error', { hasText: '理由为空' }).waitFor()
  await fill(dialog, 'interview-reason', '软弱涣散问题整改不力')
  await fill(dialog, 'interview-record', '责令限期整改')
  await dialog.locator('[data-test=interview-save]').click()
  await dialog.waitFor({ state: 'hidden' })

  await page.locator('[data-test=interview-person-link]', { hasText: '测试干部甲' }).click()
  await page.locator('[data-test=person-ineligible]', { hasText: '2016 年不得提拔任用、评先评优' }).waitFor()
  const blocking = rowsOf(page, 'person-blocking')
  assert.equal(await blocking.count(), 1)
  assert.match(await blocking.first().innerText(), /2016-09-12[\s\S]*软弱涣散问题整改不力/)

  await page.goto(`${server.url}/#/people/${encodeURIComponent('测试干部甲')}?year=2017`)
  await page.locator('[data-test=person-eligible]', { hasText: '2017 年可以提拔任用' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('adjustments: deciding an open removal changes the organization’s secretary', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/adjustments`)
  await rowsOf(page, 'adjustment-table').first().waitFor()
  assert.equal(await rowsOf(page, 'adjustment-table').count(), 6)
  await page.locator('[data-test=adjustment-open]', { hasText: '待处理 3 项' }).waitFor()

  // Not done without a reason: refused at the field.
  await page.locator('[data-test=adjustment-decide-MH014]').click()
  const dialog = page.locator('[data-test=adjustment-dialog]')
  await dialog.locator('[data-test=adjustment-outcome-not-done]').click()
  await dialog.locator('[data-test=adjustment-save]').click()
  await dialog.locator('.el-form-item__error', { hasText: '理由为空' }).waitFor()

  await dialog.locator('[data-test=adjustment-outcome-done]').click()
  await pickDate(page, 'adjustment-on', '2017-03-01')
  await fill(dialog, 'adjustment-successor', '吴新民')
  await dialog.locator('[data-test=adjustment-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=adjustment-decision-MH014]', { hasText: '2017-03-01 由 吴新民 接任' }).waitFor()
  await page.locator('[data-test=adjustment-open]', { hasText: '待处理 2 项' }).waitFor()
  assert.equal(await page.locator('[data-test=adjustment-decide-MH014]').count(), 0)

  await page.goto(`${server.url}/#/orgs/MH014`)
  await page.getByText('吴新民').first().waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
