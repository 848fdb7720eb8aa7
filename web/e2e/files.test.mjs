// Real files in the browser: a GBK CSV with Chinese headers, as Excel and WPS on Chinese Windows
// save it, goes through the score upload's preview (the encoding is shown, no error) and is
// imported; the assessment and organization lists are downloaded with "导出 Excel" / "导出 CSV"
// and read back (the .xlsx by a reader of the test's own, the CSV by hand) against the list API.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { launchBrowser, login, scratchDir, startServer, watchPage } from './harness.mjs'
import { apiGet, apiGetAll, writeFile } from './helpers2.mjs'
import { readXlsx } from './xlsxRead.mjs'

let server
let browser
let dir

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  dir = scratchDir('grassroots-files-')
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

async function adminPage() {
  const page = await browser.newPage()
  page.setDefaultTimeout(30000)
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  return { page, watch }
}

// 代码,年度,班子配备,书记业务,活动场所,制度执行,服务群众,党员作用,等次,理由 in GBK bytes.
const GBK_SCORE_HEADER = Buffer.from(
  'b4fac2eb2cc4eab6c82cb0e0d7d3c5e4b1b82ccae9bcc7d2b5cef12cbbeeb6afb3a1cbf92c' +
    'd6c6b6c8d6b4d0d02cb7fecef1c8bad6da2cb5b3d4b1d7f7d3c32cb5c8b4ce2cc0edd3c90d0a',
  'hex',
)

// A tiny RFC 4180 reader for the CSV export (quoted fields, CRLF).
function parseCsv(text) {
  const rows = [[]]
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i]
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') rows[rows.length - 1].push(field), (field = '')
    else if (c === '\n') rows[rows.length - 1].push(field), (field = ''), rows.push([])
    else if (c !== '\r') field += c
  }
  if (rows[rows.length - 1].length === 0) rows.pop()
  return rows
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()])
  const saved = path.join(dir, file.suggestedFilename())
  await file.saveAs(saved)
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) }
}

test('a GBK CSV with Chinese headers is previewed as GB18030 without errors and imported', async () => {
  const { page, watch } = await adminPage()
  const stored = (await apiGetAll(page, '/scores?year=2016')).slice(0, 2)
  assert.equal(stored.length, 2)
  const rows = stored.map((s, i) => `${s.code},2016,${71 + i},72,73,74,75,76.5,,`)
  const file = writeFile(dir, '评分.csv', Buffer.concat([GBK_SCORE_HEADER, Buffer.from(rows.join('\r\n') + '\r\n')]))

  await page.goto(`${server.url}/#/scores`)
  await page.locator('[data-test=open-upload]').click()
  await page.locator('.score-upload input[type=file]').setInputFiles(file)
  await page.locator('[data-test=upload-summary].el-alert--success').waitFor()
  assert.match(await page.locator('[data-test=upload-encoding]').innerText(), /GB18030/)
  assert.equal(await page.locator('[data-test=upload-errors]').count(), 0)
  const previewed = page.locator('[data-test=upload-preview] tbody tr')
  assert.equal(await previewed.count(), 2)
  assert.match(await page.locator('[data-test=upload-preview] tr[data-line="2"] td[data-field=code]').innerText(), new RegExp(stored[0].code))
  assert.match(await page.locator('[data-test=upload-preview] tr[data-line="3"] td[data-field=members]').innerText(), /76\.5/)

  await page.locator('[data-test=upload-commit]').click()
  await page.locator('.score-upload').waitFor({ state: 'hidden' })
  for (const [i, s] of stored.entries()) {
    const [now] = (await apiGet(page, `/organizations/${encodeURIComponent(s.code)}/scores`)).items.filter((x) => x.year === 2016)
    assert.equal(now.team, 71 + i)
    assert.equal(now.members, 76.5)
  }
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the assessment list downloads as Excel under its Chinese name and reads back as the list', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/assessment`)
  await page.locator('[data-test=export-xlsx]').waitFor()
  const href = await page.locator('[data-test=export-xlsx]').getAttribute('href')
  const year = /\/exports\/assessments\/(\d+)\.xlsx/.exec(href)[1]
  const { name, bytes } = await download(page, '[data-test=export-xlsx]')
  assert.equal(name, `${year}年评定结果.xlsx`)
  const sheet = readXlsx(bytes)
  const list = await apiGetAll(page, `/assessments/${year}`)
  assert.deepEqual(sheet[0].slice(0, 8), ['代码', '名称', '类型', '考核单位', '综合得分', '等次', '倒序名次', '列为整顿对象'])
  assert.equal(sheet.length, list.length + 1)
  for (const [i, item] of list.entries()) {
    const row = sheet[i + 1]
    assert.equal(row[0], item.code)
    assert.ok(row[1], `${item.code} has its name`)
    assert.equal(row[4] === '' || row[4] === undefined ? null : Number(row[4]), item.score)
    assert.equal(row[5] || null, item.grade)
    assert.equal(row[7], item.selected ? '是' : '否')
  }
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the organization list downloads as CSV with a BOM and reads back as the list', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/orgs`)
  await page.locator('[data-test=export-csv]').waitFor()
  const { name, bytes } = await download(page, '[data-test=export-csv]')
  assert.equal(name, '组织.csv')
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  const rows = parseCsv(bytes.subarray(3).toString('utf8'))
  const list = await apiGetAll(page, '/organizations')
  assert.deepEqual(rows[0], ['代码', '名称', '类型', '组织类别', '上级党组织', '书记', '考核单位'])
  assert.deepEqual(
    rows.slice(1).map((r) => [r[0], r[1], r[4]]),
    list.map((o) => [o.code, o.name, o.parent || '']),
  )
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
