// Party life (三会一课) and the village collective economy in the browser (issue 14), on the demo
// county:
// - on a 390 px phone, the demo branch secretary logs a Party lecture of today with the log form;
//   it appears in the quarter's meetings and counts in the summary; the page never scrolls
//   sideways;
// - the department sees a past quarter's summary with the branches short of the policy's counts
//   highlighted (as many as the server counts) and downloads the year's summaries as .xlsx;
// - the organization page shows the branch's `routine` evidence, four quarters;
// - the collective economy page draws the totals by model as a chart and lists a year's villages.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { apiInPage, launchBrowser, login, scratchDir, startServer, watchPage } from './harness.mjs'
import { readXlsx } from './xlsxRead.mjs'

const PHONE = { width: 390, height: 844 }
let server
let browser
let dir

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  dir = scratchDir('grassroots-party-life-')
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

// An input by its data-test, whether the attribute lands on the input or on its wrapper.
const field = (page, name) => page.locator(`input[data-test=${name}], [data-test=${name}] input`).first()
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

// The county's day (UTC+8) and its quarter.
function countyToday() {
  const day = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
  return { day, quarter: `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}` }
}

test('a branch secretary logs a Party lecture on a 390 px phone and it counts', async () => {
  const page = await browser.newPage()
  await page.setViewportSize(PHONE)
  const watch = watchPage(page)
  await login(page, server.url, 'secretary', server.accounts.secretary.password)
  const { day, quarter } = countyToday()
  await page.goto(`${server.url}/#/party-life?quarter=${quarter}`)
  await page.locator('[data-test=log-form]').waitFor()
  assert.equal(await sideways(page), 0, 'the party life page scrolls sideways')
  await page.locator('[data-test=kind-party_lecture]').click()
  const date = page.locator('[data-test=log-form] .el-date-editor input')
  await date.fill(day)
  await date.press('Enter')
  await field(page, 'log-attended').fill('12')
  await field(page, 'log-topic').fill('学习党章第一章')
  await page.locator('[data-test=log-submit]').click()
  await page.locator('[data-test=meetings] .el-table__row', { hasText: '学习党章第一章' }).waitFor()
  const summary = await apiInPage(page, 'GET', `/meetings/summary?quarter=${quarter}`)
  const lecture = summary.body.items[0].kinds.find((k) => k.kind === 'party_lecture')
  assert.ok(lecture.held >= 1, 'the lecture counts in the summary')
  assert.match(await page.locator('[data-test=summary-table] .el-table__row').first().innerText(), new RegExp(`${lecture.held}/${lecture.required}`))
  assert.equal(await sideways(page), 0, 'the party life page scrolls sideways after logging')
  // The same meeting again is refused in the user's words, next to nothing lost.
  await page.locator('[data-test=kind-party_lecture]').click()
  await field(page, 'log-attended').fill('12')
  await field(page, 'log-topic').fill('学习党章第一章')
  await date.fill(day)
  await date.press('Enter')
  await page.locator('[data-test=log-submit]').click()
  await page.locator('.el-form-item__error', { hasText: '已经登记过' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a past quarter highlights the branches short of the policy and the year exports as Excel', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/party-life?quarter=2016-Q2`)
  await page.locator('[data-test=summary-table] .el-table__row').first().waitFor()
  const summary = await apiInPage(page, 'GET', '/meetings/summary?quarter=2016-Q2')
  assert.ok(summary.body.short > 0, 'the demo leaves some branches short')
  assert.equal(await page.locator('[data-test=summary-table] .party-life__short').count(), summary.body.short)
  const shortRow = summary.body.items.find((i) => i.short)
  assert.match(await page.locator(`[data-test="standing-${shortRow.code}"]`).innerText(), /未达标/)
  const href = await page.locator('[data-test=export-xlsx]').getAttribute('href')
  assert.match(href, /\/exports\/meetings\/2016\.xlsx$/)
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-xlsx]').click()])
  assert.equal(file.suggestedFilename(), '2016年三会一课.xlsx')
  const saved = path.join(dir, file.suggestedFilename())
  await file.saveAs(saved)
  const sheet = readXlsx(readFileSync(saved))
  assert.deepEqual(sheet[0], ['季度', '组织代码', '组织名称', '支部党员大会', '支委会', '党小组会', '党课', '是否达标', '缺少'])
  const q2 = sheet.filter((row) => row[0] === '2016-Q2')
  assert.equal(q2.length, summary.body.total)
  assert.equal(q2.filter((row) => row[7] === '未达标').length, summary.body.short)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the organization page shows a branch\'s routine evidence by quarter', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/orgs/MH001-01`)
  await page.locator('[data-test=routine-evidence][data-loaded=yes]').waitFor()
  const year = Number(await page.locator('[data-test=routine-evidence]').getAttribute('data-year'))
  const evidence = await apiInPage(page, 'GET', `/organizations/MH001-01/routine-evidence?year=${year}`)
  assert.equal(await page.locator('[data-test=routine-evidence] tbody tr').count(), 4)
  for (const q of evidence.body.quarters) {
    const row = await page.locator(`[data-test="evidence-${q.quarter}"]`).innerText()
    for (const k of q.kinds) assert.ok(row.includes(`${k.held}/${k.required}`), `${q.quarter} ${k.kind}`)
  }
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the collective economy page charts the totals by model and lists a year', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/collective-economy`)
  await page.locator('[data-test=economy-list][data-loaded=yes]').waitFor()
  await page.locator('[data-test=economy-chart] canvas').waitFor()
  const totals = await apiInPage(page, 'GET', '/economy/totals')
  const newest = Math.max(...totals.body.items.map((i) => i.year))
  const listed = await apiInPage(page, 'GET', `/economy?year=${newest}`)
  assert.ok(listed.body.total > 0)
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-test=economy-list] .el-table__row').length === n,
    listed.body.total,
  )
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
