// The assessment page: running a year stores a new list that the page shows, with the cut line
// after the organizations the quota takes; the explanation words the stored quota arithmetic in
// Chinese, keeps the stored answer when a score is edited after the run and lists the edit, and
// carries no English sentence; the stored year verifies identical; a hand decision needs a
// reason, and the error appears next to the reason field; roles that may not decide do not see
// the buttons.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { apiInPage, launchBrowser, login, logout, startServer, watchPage } from './harness.mjs'
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

// The village group of the stored list, lowest first (as the page ranks it).
async function villageRows() {
  const rows = await apiGetAll(page, `/assessments/${YEAR}?type=village`)
  return rows.filter((r) => r.score !== null).sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
}

// A fixed-point integer as a decimal without trailing zeros (1950000, 6 → "1.95").
function decimal(value, digits) {
  const scale = 10 ** digits
  const fraction = String(value % scale).padStart(digits, '0').replace(/0+$/, '')
  return fraction ? `${Math.floor(value / scale)}.${fraction}` : String(Math.floor(value / scale))
}

// Two English words in a row: what a server sentence would leave in the Chinese UI.
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}/

async function openAssessment() {
  await page.goto(`${server.url}/#/assessment`)
  await page.locator('[data-test=group-village] tr.cut-line').waitFor()
}

test('running the assessment stores a new list; the cut line follows the quota; the explanation shows the arithmetic', async () => {
  // A hand decision made before the run must be in the list the run stores.
  const [top] = (await villageRows()).slice(-1)
  assert.equal(top.selected, false)
  const put = await apiInPage(page, 'PUT', `/assessments/${YEAR}/manual/${top.code}`, { include: true, reason: 'e2e: 委员会决定纳入' })
  assert.equal(put.status, 200)

  await openAssessment()
  await page.locator('[data-test=run-year] input').fill(String(YEAR))
  await page.locator('[data-test=run]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('.el-message--success').waitFor()
  const stored = (await villageRows()).find((r) => r.code === top.code)
  assert.equal(stored.selected, true, 'the run stored the hand decision')
  assert.deepEqual(stored.reasons, ['manual'])
  await page.locator(`[data-test=group-village] tr[data-code="${top.code}"].selected`).waitFor()

  // Expected cut: ceil(ratio × scored villages) from the active policy, ties at the cut taken.
  const policy = await apiGet(page, '/policy')
  const ratio = Number(/ratios\.village=([\d.]+)/.exec(policy.content)[1])
  const rows = await villageRows()
  const quota = Math.ceil(ratio * rows.length - 1e-9)
  const cutScore = rows[quota - 1].score
  const taken = rows.filter((r) => r.score <= cutScore).length
  const before = await page.locator('[data-test=group-village] tbody tr').evaluateAll((trs) => {
    const out = []
    for (const tr of trs) {
      if (tr.classList.contains('cut-line')) return out
      out.push(tr.dataset.code)
    }
    return null
  })
  assert.deepEqual(before, rows.slice(0, taken).map((r) => r.code), 'the cut line falls after the organizations the quota takes')
  const ppm = Math.round(ratio * 1e6)
  const arithmetic = `${rows.length} × ${decimal(ppm, 4)}% = ${decimal(rows.length * ppm, 6)}，向上取整为 ${quota}`
  assert.match(await page.locator('[data-test=group-village] [data-test=quota]').innerText(), new RegExp(arithmetic.replace(/[()×.]/g, '\\$&')))

  // The explanation of the lowest village, from the stored record, worded in Chinese.
  const lowest = rows[0]
  const drawer = page.locator('.explain-drawer [data-test=explain]')
  async function openExplain() {
    await page.locator(`[data-test=group-village] tr[data-code="${lowest.code}"] [data-test=explain]`).click()
    await drawer.locator('[data-test=explain-arithmetic]').waitFor()
  }
  await openExplain()
  assert.equal((await drawer.locator('[data-test=explain-arithmetic]').innerText()).trim(), arithmetic)
  assert.match(await drawer.locator('[data-test=explain-rank]').innerText(), new RegExp(`倒数第 ${lowest.rank} 名，共 ${rows.length} 个`))
  assert.equal((await drawer.locator('[data-test=explain-cut]').innerText()).trim(), cutScore.toFixed(2))
  assert.equal((await drawer.locator('[data-test=explain-selected]').innerText()).trim(), '是')
  assert.match(await drawer.locator('[data-test=explain-why]').innerText(), new RegExp(`名额 ${quota} 之内`))
  assert.match(await drawer.locator('[data-test=explain-changes]').innerText(), /未改动/)
  assert.equal(await drawer.locator('[data-test=explain-audit-hash]').innerText(), (await apiGet(page, `/assessments/${YEAR}/organizations/${lowest.code}/explain`)).audit_hash)
  assert.doesNotMatch(await drawer.innerText(), ENGLISH_SENTENCE)
  await page.keyboard.press('Escape')

  // Its score edited after the run: the explanation keeps the stored answer and lists the edit.
  const edit = await apiInPage(page, 'PUT', `/scores/${lowest.code}/${YEAR}`, { team: 99, leader: 99, venue: 99, routine: 99, service: 99, members: 99 })
  assert.equal(edit.status, 200)
  await drawer.waitFor({ state: 'hidden' })
  await openExplain()
  await drawer.locator('[data-test=explain-change]').waitFor()
  assert.equal((await drawer.locator('[data-test=explain-selected]').innerText()).trim(), '是')
  assert.equal((await drawer.locator('[data-test=explain-arithmetic]').innerText()).trim(), arithmetic)
  const change = await drawer.locator('[data-test=explain-change]').innerText()
  assert.match(change, /评分/)
  assert.match(change, /班子配备：[\d.]+ → 99/)
  assert.doesNotMatch(await drawer.innerText(), ENGLISH_SENTENCE)
  await page.keyboard.press('Escape')

  // The stored year recomputes identically from its stored inputs, whatever today's scores say.
  await page.locator('[data-test=verify-identical]').waitFor()
  assert.match(await page.locator('[data-test=verify]').innerText(), /结果完全一致/)
  assert.deepEqual(watch.problems(), [])
})

test('a hand decision without a reason is refused, the error shown next to the reason field', async () => {
  await openAssessment()
  const rows = await villageRows()
  const target = rows.find((r) => !r.selected)
  const decisions = async () => (await apiGet(page, `/assessments/${YEAR}/manual`)).items.filter((d) => d.code === target.code)
  assert.deepEqual(await decisions(), [])

  await page.locator(`[data-test=group-village] tr[data-code="${target.code}"] [data-test=manual]`).click()
  const dialog = page.locator('.decision-dialog')
  await dialog.locator('textarea').waitFor()
  const reasonError = dialog.locator('[data-test=reason-item] .el-form-item__error')

  // Empty: the form refuses before asking the server.
  await dialog.locator('[data-test=decision-submit]').click()
  await reasonError.waitFor()
  assert.match(await reasonError.innerText(), /请填写理由/)
  // Spaces only: the server refuses (422, field "reason", reason "empty") and the error goes to
  // the same field, in the user's words.
  await dialog.locator('textarea').fill('   ')
  await dialog.locator('[data-test=decision-submit]').click()
  await page.waitForFunction(() => /理由为空/.test(document.querySelector('.decision-dialog [data-test=reason-item] .el-form-item__error')?.textContent || ''))
  assert.deepEqual(await decisions(), [], 'nothing stored without a reason')

  await dialog.locator('textarea').fill('e2e: 群众反映强烈')
  await dialog.locator('[data-test=decision-submit]').click()
  await dialog.waitFor({ state: 'hidden' })
  const [saved] = await decisions()
  assert.equal(saved.include, true)
  assert.equal(saved.reason, 'e2e: 群众反映强烈')
  await page.locator(`[data-test=group-village] tr[data-code="${target.code}"] .manual-tag`).waitFor()
  assert.deepEqual(watch.problems(), [])
})

test('the year after a plan, each organization shows where its plan stood: upgraded, or not with the reason', async () => {
  const previous = await apiGet(page, `/assessments/${YEAR}/previous-plans?order=rank&limit=500`)
  const notUpgraded = previous.items.find((r) => r.plan && r.plan.standing === 'not_upgraded')
  const upgraded = previous.items.find((r) => r.plan && r.plan.standing === 'upgraded')
  const none = previous.items.find((r) => !r.plan)
  assert.ok(notUpgraded && upgraded && none, 'the demo closes out its first year: upgraded and not')
  await page.goto(`${server.url}/#/assessment?year=${YEAR}`)
  const tagOf = (code) => page.locator(`tr[data-code="${code}"] [data-test=previous-plan]`)
  await tagOf(notUpgraded.code).waitFor()
  assert.equal(await tagOf(notUpgraded.code).getAttribute('data-standing'), 'not_upgraded')
  assert.equal((await tagOf(notUpgraded.code).innerText()).trim(), `上年整顿：未升级（${notUpgraded.plan.reason}）`)
  assert.equal((await tagOf(upgraded.code).innerText()).trim(), '上年整顿：已转化升级')
  assert.equal(await tagOf(none.code).count(), 0, 'no plan the year before: no tag')
  assert.deepEqual(watch.problems(), [])
})

test('an auditor reads the list and explanations but sees no run or decision buttons', async () => {
  await logout(page)
  await login(page, server.url, 'auditor', server.accounts.auditor.password)
  await openAssessment()
  assert.ok((await page.locator('[data-test=group-village] [data-test=explain]').count()) > 0)
  await page.locator('[data-test=verify-identical]').waitFor() // the auditor sees the check too
  assert.equal(await page.locator('[data-test=run]').count(), 0)
  assert.equal(await page.locator('[data-test=override]').count(), 0)
  assert.equal(await page.locator('[data-test=manual]').count(), 0)
  assert.deepEqual(watch.problems(), [])
})
