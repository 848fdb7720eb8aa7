// Standardized branches and 百局联百村 in headless Chromium against a fresh demo server of this
// file's own: the admin designates a batch naming an organization the 2016 assessment selected
// for rectification and is told, per code, why nothing was designated; designates the good codes
// and revokes one with a reason. On the pairing page the demo's tagged villages show their
// problems and partners; the admin opens a village's proposals (matching category, with room)
// and pairs it.
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

async function fill(scope, testId, text) {
  await scope
    .locator(`input[data-test=${testId}], textarea[data-test=${testId}], [data-test=${testId}] input, [data-test=${testId}] textarea`)
    .first()
    .fill(text)
}

// Codes of the 2016 assessment's organizations of a type, selected or not, read with the page's
// session.
async function codes(page, type, selected, offset, limit) {
  return page.evaluate(
    async ([type, selected, offset, limit]) => {
      const answer = await fetch(`/api/v1/assessments/2016?type=${type}&selected=${selected}&offset=${offset}&limit=${limit}`)
      return (await answer.json()).items.map((row) => row.code)
    },
    [type, selected, offset, limit],
  )
}

test('standardized branches: a batch naming a village under rectification is refused whole, in words', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/standardized-branches`)
  await rowsOf(page, 'branch-table').first().waitFor() // the demo's two batches
  await page.locator('[data-test=branch-revoke-reason]', { hasText: '复查未达标准' }).first().waitFor()

  const [selected] = await codes(page, 'village', true, 0, 1)
  const good = await codes(page, 'agency', false, 30, 2)
  await page.locator('[data-test=branch-designate]').click()
  const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=batch-codes]') })
  await fill(dialog, 'batch-year', '2016')
  await fill(dialog, 'batch-name', '2016年第三批')
  await fill(dialog, 'batch-on', '2016-12-28')
  await dialog.locator('[data-test=batch-on] input').press('Enter')
  await fill(dialog, 'batch-codes', [good[0], selected].join('\n'))
  await dialog.locator('[data-test=batch-submit]').click()
  await dialog
    .locator('[data-test=batch-refused] li', { hasText: `${selected} 已列入 2016 年软弱涣散党组织整顿名单` })
    .waitFor()
  await fill(dialog, 'batch-codes', good.join(', '))
  await dialog.locator('[data-test=batch-submit]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=branch-table]', { hasText: '2016年第三批' }).waitFor()

  // Revoking needs a reason; with one, the row says revoked and why.
  const row = rowsOf(page, 'branch-table').filter({ hasText: good[0] })
  await row.locator('[data-test=branch-revoke]').click()
  const revoke = page.locator('.el-dialog', { has: page.locator('[data-test=revoke-reason]') })
  await fill(revoke, 'revoke-on', '2017-01-10')
  await revoke.locator('[data-test=revoke-on] input').press('Enter')
  await revoke.locator('[data-test=revoke-submit]').click()
  await revoke.locator('[data-test=revoke-error]', { hasText: '为空' }).waitFor()
  await fill(revoke, 'revoke-reason', '活动场所挪作他用')
  await revoke.locator('[data-test=revoke-submit]').click()
  await revoke.waitFor({ state: 'hidden' })
  await rowsOf(page, 'branch-table').filter({ hasText: good[0] }).locator('[data-test=branch-revoke-reason]', { hasText: '活动场所挪作他用' }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('pairing: the demo’s tagged villages, their partners, and a proposal taken', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/pairing`)
  await rowsOf(page, 'pairing-villages').first().waitFor()
  assert.ok((await page.locator('[data-test=pairing-tag]').count()) > 0)
  assert.ok((await page.locator('[data-test=pairing-partner]').count()) > 0)
  assert.ok((await rowsOf(page, 'pairing-agencies').count()) >= 9)

  // The demo left its last tagged village unpaired: its proposals match its problems.
  const villages = rowsOf(page, 'pairing-villages')
  let unpaired = null
  for (let i = 0; i < (await villages.count()); ++i) {
    if ((await villages.nth(i).locator('[data-test=pairing-partner]').count()) === 0) unpaired = villages.nth(i)
  }
  assert.ok(unpaired, 'a tagged village without a partner')
  await unpaired.locator('[data-test=pairing-propose]').click()
  const proposals = rowsOf(page, 'pairing-proposals')
  await proposals.first().waitFor()
  assert.match(await proposals.first().innerText(), /村 → .*部门/)
  const agency = (await proposals.first().locator('td').first().innerText()).trim()
  await proposals.first().locator('[data-test=pairing-pair]').click()
  await page.locator('.el-message', { hasText: `已与${agency}结对` }).waitFor()
  await page.keyboard.press('Escape')
  await unpaired.locator('[data-test=pairing-partner]', { hasText: agency }).waitFor()
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
