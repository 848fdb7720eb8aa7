// Printing, as the county prints: the dashboard (A4 landscape) and the assessment list (A4
// portrait) exported to PDF by Chromium (page.pdf(), which fires beforeprint/afterprint like the
// print dialog). Every sheet carries the issuing office, the print date and "第 n 页 / 共 N 页";
// the content fits the sheet's width; organization names are printed whole, never wrapped.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, login, watchPage } from './harness.mjs'
import { apiGetAll } from './helpers2.mjs'
import { pdfPages } from './pdfText.mjs'

const OFFICE = '中共漠河县委组织部' // src/printing.js ISSUING_OFFICE
const A4 = { portrait: [595, 842], landscape: [842, 595] } // points
// The sheet's content width in CSS pixels: A4 less the 12 mm side margins of print.css.
const CONTENT_PX = { portrait: Math.floor((186 / 25.4) * 96), landscape: Math.floor((273 / 25.4) * 96) }

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

const countyToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const squeeze = (text) => text.replace(/\s+/g, '')

// Every sheet: the office and the date at the top, its number and the count at the bottom.
function assertSheets(pages, orientation) {
  pages.forEach((sheet, i) => {
    assert.deepEqual([sheet.width, sheet.height], A4[orientation], `sheet ${i + 1} is A4 ${orientation}`)
    const text = squeeze(sheet.text)
    assert.ok(text.includes(OFFICE), `sheet ${i + 1} lacks the office`)
    assert.ok(text.includes(`打印日期：${countyToday()}`), `sheet ${i + 1} lacks the print date`)
    assert.ok(text.includes(`第${i + 1}页/共${pages.length}页`), `sheet ${i + 1} lacks its page number: ${text.slice(0, 80)}`)
  })
}

// Laid out for the sheet (what beforeprint does), the page is no wider than the sheet.
async function widthOnPaper(orientation) {
  const viewport = page.viewportSize()
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: CONTENT_PX[orientation], height: viewport.height })
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
  await page.waitForTimeout(300)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
  await page.emulateMedia({ media: null }) // not 'screen': page.pdf() would then print screen styles
  await page.setViewportSize(viewport)
  return overflow
}

test('the dashboard prints on A4 landscape sheets with heading, date and page numbers', async () => {
  await page.goto(`${server.url}/#/dashboard`)
  await page.locator('[data-test=dashboard-selected] .el-table__row').first().waitFor()
  for (const chart of ['chart-grades', 'chart-quota', 'chart-trend']) await page.locator(`[data-test=${chart}] canvas`).waitFor()
  assert.equal(await widthOnPaper('landscape'), 0, 'wider than the sheet')

  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  assert.ok(pages.length >= 1 && pages.length <= 4, `${pages.length} sheets`)
  assertSheets(pages, 'landscape')
  const all = pages.map((p) => p.text).join('\n')
  assert.match(squeeze(all), /总览[\s\S]*本年度整顿对象（14个）/)
  // No menu, header or buttons on paper.
  assert.equal(all.includes('审计日志'), false)
  // A name broken across two lines is on neither whole.
  const lines = all.split('\n')
  for (const name of ['洛古河村党支部', '西林吉村党支部']) assert.ok(lines.some((l) => l.includes(name)), `${name} not printed whole`)
  assert.deepEqual(watch.problems(), [])
})

test('the assessment list prints on A4 portrait sheets, every organization with its name whole', async () => {
  await page.goto(`${server.url}/#/assessment`)
  await page.locator('table.ranking tr[data-code]').first().waitFor()
  assert.equal(await widthOnPaper('portrait'), 0, 'wider than the sheet')

  const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  assertSheets(pages, 'portrait')
  const rows = await apiGetAll(page, '/assessments/2016')
  assert.equal(rows.length, 228)
  // 228 rows at about 40 a sheet.
  assert.ok(pages.length >= 4 && pages.length <= 10, `${pages.length} sheets`)
  // A row is one line of text; a name broken across two lines is in none of them whole.
  const lines = pages.flatMap((p) => p.text.split('\n'))
  const names = new Map((await apiGetAll(page, '/organizations')).map((o) => [o.code, o.name]))
  const words = lines.map((l) => l.trim().split(/\s+/))
  const rowOf = (code) => lines[words.findIndex((w) => w.includes(code))] ?? ''
  const broken = rows.filter((r) => !rowOf(r.code).includes(names.get(r.code))).map((r) => r.code)
  assert.deepEqual(broken, [], 'names not printed whole on their row')
  // Buttons (run, explain, print) are not on paper.
  assert.equal(words.some((w) => w.includes('说明')), false)
  assert.deepEqual(watch.problems(), [])
})
