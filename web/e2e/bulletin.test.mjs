// The quarterly bulletin page (季度通报, issue 13): the demo issued its year's first two quarters,
// which the page shows from their stored figures with ECharts charts; admin issues a finished
// quarter that was a draft; a unit admin sees its unit only; the page, printed by Chromium
// (page.pdf(): DevTools Page.printToPDF), gives A4 sheets carrying the bulletin.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, login, watchPage, apiInPage } from './harness.mjs'
import { pdfPages } from './pdfText.mjs'

let server
let browser
let page
let watch

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  page = await browser.newPage()
  watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

const squeeze = (text) => text.replace(/\s+/g, '')

async function issuedYear() {
  const listed = await apiInPage(page, 'GET', '/bulletins')
  assert.equal(listed.status, 200)
  const quarters = listed.body.items.map((b) => b.quarter).sort()
  assert.ok(quarters.length >= 2, `the demo issues two quarters: ${quarters}`)
  return quarters[0].slice(0, 4)
}

test('an issued quarter shows its stored figures with charts and prints on A4', async () => {
  const year = await issuedYear()
  await page.goto(`${server.url}/#/bulletins?quarter=${year}-Q2`)
  const bulletin = page.locator('[data-test=bulletin][data-status=issued]')
  await bulletin.waitFor()
  const text = squeeze(await bulletin.innerText())
  assert.ok(text.includes(`关于${year}年第二季度软弱涣散基层党组织整顿工作进展情况的通报`), text.slice(0, 200))
  assert.ok(text.includes(`${year}年第2期`))
  for (const section of ['一、总体情况', '二、各单位整改进展及排名', '三、逾期未销号事项', '四、本季度抽查发现']) {
    assert.ok(text.includes(section), section)
  }
  await page.locator('[data-test=chart-progress] canvas').waitFor()
  await page.locator('[data-test=chart-states] canvas').waitFor()
  assert.equal(await page.locator('[data-test=issue]').count(), 0, 'an issued bulletin offers no issue')

  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  assert.ok(pages.length >= 1, 'at least one sheet')
  pages.forEach((sheet, i) => assert.deepEqual([sheet.width, sheet.height], [595, 842], `sheet ${i + 1} is A4`))
  const printed = squeeze(pages.map((p) => p.text).join('\n'))
  assert.ok(printed.includes('软弱涣散基层党组织整顿工作进展情况的通报'))
  assert.ok(printed.includes('二、各单位整改进展及排名'))
  assert.equal(printed.includes('审计日志'), false, 'no menu on paper')
  assert.deepEqual(watch.problems(), [])
})

test('admin issues a finished quarter shown as a draft', async () => {
  const year = await issuedYear()
  await page.goto(`${server.url}/#/bulletins?quarter=${year}-Q3`)
  await page.locator('[data-test=bulletin][data-status=draft]').waitFor()
  await page.locator('[data-test=draft]').waitFor()
  await page.locator('[data-test=issue]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test=bulletin][data-status=issued]').waitFor()
  assert.ok((await page.locator('[data-test=number]').innerText()).includes(`${year}年第3期`))
  const again = await apiInPage(page, 'GET', `/bulletins/${year}-Q3`)
  assert.equal(again.body.status, 'issued')
  assert.deepEqual(watch.problems(), [])
})

test('a unit admin reads its own unit and is refused another', async () => {
  await login(page, server.url, 'unit_admin', server.accounts.unit_admin.password)
  const year = await issuedYear()
  const own = await apiInPage(page, 'GET', `/bulletins/${year}-Q2`)
  assert.equal(own.status, 200)
  assert.ok(own.body.unit)
  const other = await apiInPage(page, 'GET', `/bulletins/${year}-Q2?unit=NOPE`)
  assert.equal(other.status, 404)
  await page.goto(`${server.url}/#/bulletins?quarter=${year}-Q2`)
  await page.locator('[data-test=bulletin]').waitFor()
  assert.equal(await page.locator('[data-test=issue]').count(), 0)
})
