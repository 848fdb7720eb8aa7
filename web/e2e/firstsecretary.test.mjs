// First secretaries' monthly reports in the browser (issue 14), on the demo county:
// - on a 390 px phone, the demo first secretary's "我的报告" lists this month's work plan and
//   duty ledger of their posted village; the duty ledger is filed with a text, a photo is taken
//   for the camera input (images only) and counted on the card, and the page never scrolls
//   sideways;
// - the department's page lists a month's late and missing reports (the demo's 2017, when its
//   postings run) and the on-time rate per first secretary, both as the server counts them, and
//   prints them on A4 with the month and without the menu or the month picker.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'
import { launchBrowser, login, scratchDir, startServer } from './harness.mjs'
import { writeFile } from './helpers2.mjs'
import { pdfPages } from './pdfText.mjs'

const PHONE = { width: 390, height: 844 }
let server
let browser
let dir

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  dir = scratchDir('grassroots-first-secretary-')
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

// A w×h grey PNG.
function png(w, h) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(w, 0)
  header.writeUInt32BE(h, 4)
  header[8] = 8
  header[9] = 0
  const rows = Buffer.alloc((w + 1) * h, 0x80)
  for (let y = 0; y < h; y++) rows[y * (w + 1)] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

test('a first secretary files this month\'s duty ledger with a photo on a 390 px phone', async () => {
  const page = await browser.newPage()
  await page.setViewportSize(PHONE)
  await login(page, server.url, 'first_secretary', server.accounts.first_secretary.password)
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  await page.goto(`${server.url}/#/my-reports`)
  await page.locator('[data-test=my-reports][data-loaded=yes]').waitFor()
  const month = await page.evaluate(async () => (await fetch('/api/v1/first-secretary-reports/mine').then((r) => r.json())).month)
  const ledger = page.locator(`[data-test="report-${month}-duty_ledger"]`).first()
  await ledger.waitFor()
  assert.match(await ledger.locator('[data-test=status]').innerText(), /待报/)
  assert.equal(await sideways(), 0, 'my reports scrolls sideways')
  await ledger.locator('[data-test=text]').fill('本月走访农户10户，召开支部委员会1次。')
  await ledger.locator('[data-test=file]').click()
  await page.waitForFunction(
    (m) => /按时/.test(document.querySelector(`[data-test="report-${m}-duty_ledger"] [data-test=status]`)?.textContent || ''),
    month,
  )
  const input = page.locator(`[data-test="report-${month}-duty_ledger"] input[data-test=evidence-file]`).first()
  assert.equal(await input.getAttribute('accept'), 'image/*')
  assert.equal(await input.getAttribute('capture'), 'environment')
  await input.setInputFiles(writeFile(dir, 'IMG_0002.png', png(12, 9)))
  await page.waitForFunction(
    (m) => /照片 1 张/.test(document.querySelector(`[data-test="report-${m}-duty_ledger"]`)?.textContent || ''),
    month,
  )
  assert.equal(await sideways(), 0)
  await page.close()
})

test('the department sees a month\'s late and missing reports and the on-time rates', async () => {
  const page = await browser.newPage()
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/first-secretary-reports?month=2017-03`)
  const answer = await page.evaluate(async () => ({
    overdue: await fetch('/api/v1/first-secretary-reports/overdue?month=2017-03').then((r) => r.json()),
    rates: await fetch('/api/v1/first-secretary-reports/rates?year=2017').then((r) => r.json()),
  }))
  assert.ok(answer.rates.items.length > 0, 'the demo has first secretaries in 2017')
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-test=rates] .el-table__body tr').length === n,
    answer.rates.items.length,
  )
  const rows = await page.locator('[data-test=overdue] .el-table__body tr').count()
  assert.equal(rows, answer.overdue.items.length)
  const first = answer.rates.items[0]
  const text = await page.locator('[data-test=rates]').innerText()
  assert.ok(text.includes(first.person))
  if (first.on_time_percent !== null) assert.ok(text.includes(`${first.on_time_percent}%`))

  const sheets = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  sheets.forEach((sheet, i) => assert.deepEqual([sheet.width, sheet.height], [595, 842], `sheet ${i + 1} is A4`))
  const printed = sheets.map((sheet) => sheet.text).join('\n')
  assert.ok(printed.includes('2017-03'), 'the month is on paper')
  assert.ok(printed.includes(first.person), 'the rates are on paper')
  assert.equal(printed.includes('审计日志'), false, 'no menu on paper')
  assert.equal(/打印(?!日期)/.test(printed), false, 'no print button on paper (the running head says 打印日期)')
  await page.close()
})
