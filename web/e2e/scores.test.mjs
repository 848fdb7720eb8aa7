// Score entry in the browser: an uploaded file with a bad row is marked (row and cell) from the
// server's validation, worded from the error's reason, and nothing is written; an .xlsx file is
// read in the browser, previewed and committed all at once; a row edited in the table is saved
// or refused by the server; a unit_admin enters scores but the committee's grade stays as it is.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { apiInPage, launchBrowser, login, scratchDir, startServer, watchPage } from './harness.mjs'
import { apiGet, apiGetAll, SCORE_HEADER, writeFile, xlsxBuffer } from './helpers2.mjs'

let server
let browser
let dir

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  dir = scratchDir('grassroots-scores-')
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

// The browser keeps the session cookie across pages: log in once, then open pages.
let loggedIn = false
async function adminPage() {
  const page = await browser.newPage()
  page.setDefaultTimeout(30000) // a loaded 2-core machine can take long for the first load
  const watch = watchPage(page)
  if (!loggedIn) await login(page, server.url, 'admin', server.accounts.admin.password)
  else await page.goto(`${server.url}/#/dashboard`)
  await page.locator('[data-test=user-name]').waitFor()
  loggedIn = true
  return { page, watch }
}

// Three scored organizations of 2016 and a score row for each that differs from the stored one.
async function sample(page) {
  const stored = await apiGetAll(page, '/scores?year=2016')
  assert.ok(stored.length >= 3, 'the demo has scores for 2016')
  return stored.slice(0, 3).map((s, i) => ({ stored: s, row: [s.code, 2016, 11 + i, 12, 13, 14, 15, 16] }))
}

async function openUpload(page, file) {
  await page.goto(`${server.url}/#/scores`)
  await page.locator('[data-test=open-upload]').click()
  await page.locator('.score-upload input[type=file]').setInputFiles(file)
  await page.locator('[data-test=upload-summary]').waitFor()
}

test('a CSV file with one bad row: the row and its cell are marked, import is refused, nothing is written', async () => {
  const { page, watch } = await adminPage()
  const rows = await sample(page)
  const before = await apiGetAll(page, '/scores?year=2016')
  // Line 3 names an organization that does not exist: only the server can tell.
  const lines = [SCORE_HEADER, rows[0].row, ['NO-SUCH-ORG', 2016, 50, 50, 50, 50, 50, 50], rows[2].row]
  const file = writeFile(dir, 'bad.csv', lines.map((l) => l.join(',')).join('\n') + '\n')
  await openUpload(page, file)

  const bad = page.locator('[data-test=upload-preview] tr[data-line="3"]')
  assert.match(await bad.getAttribute('class'), /row-bad/)
  assert.match(await bad.locator('td[data-field=code]').getAttribute('class'), /cell-bad/)
  assert.match(await bad.locator('td[data-field=code]').innerText(), /NO-SUCH-ORG/)
  assert.doesNotMatch((await bad.locator('td[data-field=team]').getAttribute('class')) || '', /cell-bad/)
  for (const line of ['2', '4']) {
    const good = page.locator(`[data-test=upload-preview] tr[data-line="${line}"]`)
    assert.doesNotMatch((await good.getAttribute('class')) || '', /row-bad/)
  }
  // The error list names line 3, column code, and says the organization does not exist.
  const listed = page.locator('[data-test=upload-errors] tbody tr')
  assert.equal(await listed.count(), 1)
  assert.equal(await listed.first().getAttribute('data-line'), '3')
  assert.equal(await listed.first().getAttribute('data-field'), 'code')
  // Worded from the server's reason (unknown_organization) in the user's language.
  assert.match(await listed.first().innerText(), /组织“NO-SUCH-ORG”不存在/)
  assert.ok(await page.locator('[data-test=upload-commit]').isDisabled(), 'import is disabled while a row is bad')

  const afterUpload = await apiGetAll(page, '/scores?year=2016')
  assert.deepEqual(afterUpload, before, 'the scores of 2016 are unchanged')
  const missing = await apiGetAll(page, '/scores?year=2016&q=NO-SUCH-ORG')
  assert.equal(missing.length, 0)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('an .xlsx file is previewed with its bad cell marked, then a corrected one is imported whole', async () => {
  const { page, watch } = await adminPage()
  const rows = await sample(page)
  const before = await apiGetAll(page, '/scores?year=2016')
  const badRow = [...rows[1].row]
  badRow[6] = 180 // service
  const badFile = writeFile(dir, 'bad.xlsx', xlsxBuffer([SCORE_HEADER, rows[0].row, badRow, rows[2].row]))
  await openUpload(page, badFile)
  const bad = page.locator('[data-test=upload-preview] tr[data-line="3"]')
  assert.match(await bad.getAttribute('class'), /row-bad/)
  assert.match(await bad.locator('td[data-field=service]').getAttribute('class'), /cell-bad/)
  assert.match(await bad.locator('td[data-field=service]').innerText(), /服务群众：180 超出 0–100/)
  assert.doesNotMatch((await bad.locator('td[data-field=leader]').getAttribute('class')) || '', /cell-bad/)
  assert.ok(await page.locator('[data-test=upload-commit]').isDisabled())
  assert.deepEqual(await apiGetAll(page, '/scores?year=2016'), before, 'nothing written by the preview')

  // The corrected workbook passes the server's dry run; only the commit writes.
  const goodFile = writeFile(dir, 'good.xlsx', xlsxBuffer([SCORE_HEADER, ...rows.map((r) => r.row)]))
  await page.locator('.score-upload input[type=file]').setInputFiles(goodFile)
  await page.locator('[data-test=upload-summary].el-alert--success').waitFor()
  assert.equal(await page.locator('[data-test=upload-preview] tr.row-bad').count(), 0)
  assert.deepEqual(await apiGetAll(page, '/scores?year=2016'), before, 'the dry run wrote nothing')
  const commit = page.locator('[data-test=upload-commit]')
  assert.ok(await commit.isEnabled())
  await commit.click()
  await page.locator('.score-upload').waitFor({ state: 'hidden' })
  for (const { stored, row } of rows) {
    const [now] = (await apiGet(page, `/organizations/${encodeURIComponent(stored.code)}/scores`)).items.filter((s) => s.year === 2016)
    assert.deepEqual(
      [now.team, now.leader, now.venue, now.routine, now.service, now.members],
      row.slice(2),
      `${stored.code} has the imported scores`,
    )
  }
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a score edited in the table: the server refuses a value out of range and the cell says why; a valid one is saved', async () => {
  const { page, watch } = await adminPage()
  const [first] = await apiGetAll(page, '/scores?year=2015')
  await page.goto(`${server.url}/#/scores`)
  await page.locator('.score-table .cell[data-field=venue] input').first().waitFor()
  await page.locator('[data-test=year] input').fill('2015')
  await page.locator('[data-test=year] input').press('Enter')
  const cell = page.locator(`.score-table .cell[data-code="${first.code}"][data-field=venue]`).first()
  await cell.locator('input').waitFor()
  await page.waitForFunction(
    ({ code, value }) => document.querySelector(`.score-table .cell[data-code="${code}"][data-field=venue] input`)?.value === value,
    { code: first.code, value: String(first.venue) },
  )
  const save = page.locator(`.status[data-code="${first.code}"] [data-test=save-row]`).first()
  await cell.locator('input').fill('150')
  assert.doesNotMatch(await cell.getAttribute('class'), /cell-error/, 'the browser checks no rule')
  await save.click()
  await page.waitForFunction(
    (code) => document.querySelector(`.score-table .cell[data-code="${code}"][data-field=venue]`)?.classList.contains('cell-error'),
    first.code,
  )
  assert.match(await cell.innerText(), /活动场所：150 超出 0–100/)
  const [unchanged] = (await apiGet(page, `/organizations/${encodeURIComponent(first.code)}/scores`)).items.filter((s) => s.year === 2015)
  assert.equal(unchanged.venue, first.venue, 'nothing was written')
  await cell.locator('input').fill('42.5')
  assert.doesNotMatch(await cell.getAttribute('class'), /cell-error/)
  await save.click()
  await page.waitForFunction(
    (code) => !document.querySelector(`.status[data-code="${code}"] [data-test=save-row]`),
    first.code,
  )
  const [now] = (await apiGet(page, `/organizations/${encodeURIComponent(first.code)}/scores`)).items.filter((s) => s.year === 2015)
  assert.equal(now.venue, 42.5)
  assert.equal(now.team, first.team, 'the other dimensions are kept')
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('a unit_admin enters scores but not grades: the committee grade is shown, kept on save, and the menu follows the permissions', async () => {
  // The committee grades one of the unit's branches (as admin).
  const { page: adminTab } = await adminPage()
  const code = 'MH001-01'
  const [stored] = (await apiGet(adminTab, `/organizations/${code}/scores`)).items.filter((s) => s.year === 2016)
  const graded = await apiInPage(adminTab, 'PUT', `/scores/${code}/2016`, {
    team: stored.team, leader: stored.leader, venue: stored.venue, routine: stored.routine, service: stored.service, members: stored.members,
    grade: 'D', reason: 'e2e: 委员会评定',
  })
  assert.equal(graded.status, 200, JSON.stringify(graded.body))
  await adminTab.close()

  const unitBrowser = await launchBrowser()
  try {
    const page = await unitBrowser.newPage()
    const watch = watchPage(page)
    await login(page, server.url, 'unit_admin', server.accounts.unit_admin.password)
    const menu = await page.locator('.el-menu').innerText()
    assert.ok(menu.includes('模拟测算') && !menu.includes('用户与角色') && !menu.includes('审计日志'), menu)
    await page.goto(`${server.url}/#/scores`)
    const venue = page.locator(`.score-table .cell[data-code="${code}"][data-field=venue]`).first()
    await venue.locator('input').waitFor()
    const grade = page.locator(`.score-table .cell[data-code="${code}"][data-field=grade]`).first()
    assert.match(await grade.innerText(), /D 较差/)
    assert.equal(await grade.locator('.el-select').count(), 0, 'no grade to choose')
    assert.equal(await page.locator('[data-test=open-upload]').count(), 0, 'no upload without the import permission')
    await venue.locator('input').fill('66')
    await page.locator(`.status[data-code="${code}"] [data-test=save-row]`).first().click()
    await page.waitForFunction((c) => !document.querySelector(`.status[data-code="${c}"] [data-test=save-row]`), code)
    const [now] = (await apiGet(page, `/organizations/${code}/scores`)).items.filter((s) => s.year === 2016)
    assert.equal(now.venue, 66)
    assert.equal(now.grade, 'D', 'the committee grade is kept')
    assert.equal(now.reason, 'e2e: 委员会评定')
    assert.match(await grade.innerText(), /D 较差/)
    assert.deepEqual(watch.problems(), [])
  } finally {
    await unitBrowser.close()
  }
})
