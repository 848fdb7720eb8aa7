// What-if in the browser: raising the village ratio lists the organizations that would enter,
// exactly those the server's what-if names, and nothing is stored; an impossible grade line is
// refused next to the grade lines.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { apiInPage, launchBrowser, login, startServer, watchPage } from './harness.mjs'
import { apiGet, apiGetAll } from './helpers2.mjs'

const YEAR = 2016
let server
let browser
let page
let watch

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  page = await browser.newPage()
  page.setDefaultTimeout(30000) // a loaded 2-core machine can take long for the first load
  watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

const tableCodes = (key) =>
  page.locator(`[data-test=${key}] .el-table__body tr td:first-child`).evaluateAll((tds) => tds.map((td) => td.textContent.trim()))

test('raising the village ratio lists the organizations that would enter; nothing is stored', async () => {
  const storedBefore = await apiGetAll(page, `/assessments/${YEAR}`)
  const runsBefore = await apiGet(page, '/assessments')
  const policy = await apiGet(page, '/policy')
  const ratio = Number(/ratios\.village=([\d.]+)/.exec(policy.content)[1])
  const raised = Math.round((ratio + 0.15) * 100)
  const expected = await apiInPage(page, 'POST', `/assessments/${YEAR}/what-if?limit=1000`, { ratios: { village: raised / 100 } })
  assert.equal(expected.status, 200)
  const entering = expected.body.items.map((item) => item.code)
  assert.equal(expected.body.entering_total, entering.length)
  assert.ok(entering.length > 0, 'the demo data has villages above the current cut')

  await page.goto(`${server.url}/#/whatif`)
  await page.locator('[data-test=counts]').waitFor()
  assert.equal((await page.locator('[data-test=entering-count]').innerText()).trim(), '0', 'the active policy changes nothing')
  assert.match(await page.locator('[data-test=not-stored]').innerText(), /不保存/)

  const input = page.locator('[data-test=ratio-village] .el-input-number input')
  await input.fill(String(raised))
  await input.blur()
  await page.waitForFunction(
    (n) => document.querySelector('[data-test=entering-count]')?.textContent.trim() === String(n),
    entering.length,
  )
  // The first page of the list (20 a page, in code order), named by the server.
  assert.deepEqual(await tableCodes('entering'), entering.slice(0, 20))
  assert.deepEqual(await tableCodes('leaving'), [])
  const selectedNow = storedBefore.filter((r) => r.selected).length
  assert.match(
    await page.locator('[data-test=counts]').innerText(),
    new RegExp(`${selectedNow} 个 → 测算后 ${selectedNow + entering.length} 个`),
  )
  // Each entering row names the organization and its stored composite.
  const first = storedBefore.find((r) => r.code === entering[0])
  const rowText = await page
    .locator('[data-test=entering] .el-table__body tr')
    .evaluateAll((trs, code) => trs.find((tr) => tr.cells[0].textContent.trim() === code)?.innerText, first.code)
  assert.match(rowText, new RegExp(first.score.toFixed(2).replace('.', '\\.')))

  assert.deepEqual(await apiGetAll(page, `/assessments/${YEAR}`), storedBefore, 'the stored list is unchanged')
  assert.deepEqual(await apiGet(page, '/assessments'), runsBefore, 'no assessment was run')

  // Back to the active policy: nobody enters.
  await page.locator('[data-test=reset]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=entering-count]')?.textContent.trim() === '0')
  assert.deepEqual(watch.problems(), [])
})

test('a grade line above the one before it is refused next to the grade lines', async () => {
  await page.goto(`${server.url}/#/whatif`)
  await page.locator('[data-test=counts]').waitFor()
  const input = page.locator('[data-test=grade-a] input')
  await input.fill('70')
  await input.blur()
  const error = page.locator('[data-test=grades] .el-form-item__error')
  await error.waitFor()
  assert.match(await error.innerText(), /a > b > c/)
  assert.deepEqual(watch.problems(), [])
})
