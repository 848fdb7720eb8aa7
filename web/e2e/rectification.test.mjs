// Rectification in the browser (issue 12), on the demo county's 2016 plans:
// - a plan's page shows its items on a board by state with the days overdue; an item added
//   through the page's form (the server's refusal shown at its field) goes open → in progress →
//   submitted → rejected with a reason → submitted → closed, each step by an account allowed it
//   (the organization's secretary works it, the administrator signs off), with a photo uploaded
//   as evidence and shown as a thumbnail, and its history listing every step;
// - the ledger's filters live in the address and are applied by the server; "导出 Excel"
//   downloads the filtered ledger, read back against the list;
// - an organization's five-level support: a holder assigned, a fund and an on-site session
//   logged, each form showing the server's refusals at their fields;
// - on a 390 px phone, "my items" refuses a text file named .png (by its content, in words),
//   takes a photo for the camera input, uploads it and submits the item, and the page never
//   scrolls sideways;
// - the plan and the ledger print on A4 with the heading, date and page numbers.
// The worker accounts are made by the test (an administrator creates them, they set their own
// password), so the test does not depend on which organizations the demo's accounts follow.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import path from 'node:path'
import { launchBrowser, login, scratchDir, startServer, watchPage } from './harness.mjs'
import { apiGetAll, writeFile } from './helpers2.mjs'
import { readXlsx } from './xlsxRead.mjs'
import { pdfPages } from './pdfText.mjs'

const YEAR = 2016
const PHONE = { width: 390, height: 844 }
let server
let browser
let dir
let admin // the administrator's API session

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  dir = scratchDir('grassroots-rectification-')
  admin = await apiLogin('admin', server.accounts.admin.password)
})

after(async () => {
  if (browser) await browser.close()
  if (server) await server.stop()
})

// An API session outside the browser: {cookie, csrf}.
async function apiLogin(name, password) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  assert.equal(response.status, 200, `login ${name}`)
  const cookie = response.headers.get('set-cookie').split(';')[0]
  return { cookie, csrf: (await response.json()).csrf_token }
}

async function call(session, method, apiPath, body) {
  const response = await fetch(`${server.url}/api/v1${apiPath}`, {
    method,
    headers: { 'Content-Type': 'application/json', Cookie: session.cookie, 'X-CSRF-Token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const answer = await response.json().catch(() => null)
  return { status: response.status, body: answer }
}

async function must(session, method, apiPath, body) {
  const answer = await call(session, method, apiPath, body)
  assert.ok(answer.status >= 200 && answer.status < 300, `${method} ${apiPath}: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

// A secretary of `code` that the test makes: created by the administrator with a given
// password, which its holder then replaces (as the first login requires). Returns the password.
async function makeSecretary(name, code) {
  const given = '给定的初始密码2016夏'
  await must(admin, 'POST', '/users', { name, role: 'secretary', scope: [code], password: given, real_name: '测试书记' })
  const own = '我自己选的新密码2017秋'
  const session = await apiLogin(name, given)
  await must(session, 'PUT', '/session/password', { old_password: given, new_password: own })
  return own
}

// The year's plans (made for the year's selection where the demo has none yet), the one with
// the most items first.
async function plans() {
  await must(admin, 'POST', '/plans', { year: YEAR })
  const list = (await must(admin, 'GET', `/plans?year=${YEAR}&limit=1000`)).items
  assert.ok(list.length > 0, 'the demo has plans for its 2016 selection')
  return list.sort((a, b) => b.items_total - a.items_total)
}

// A real PNG (w × h, RGB) that a content check accepts as an image.
function png(width = 8, height = 6) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buffer) => {
    let c = 0xffffffff
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    out.write(type, 4, 'ascii')
    data.copy(out, 8)
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    rows.push(Buffer.from([0]))
    for (let x = 0; x < width; x++) rows.push(Buffer.from([200, 30 + 20 * y, 30 + 20 * x]))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const card = (page, id) => page.locator(`[data-test=item-card][data-item="${id}"]`)
const column = (page, state) => page.locator(`[data-test=board-column][data-state=${state}]`)

async function openPlan(page, planId) {
  await page.goto(`${server.url}/#/plans/${planId}`)
  await page.locator('[data-test=plan-board]').waitFor()
}

// Takes `step` on the item's card of the board and waits for the card in `to`'s column.
async function stepOnBoard(page, itemId, step, to) {
  await card(page, itemId).locator(`[data-test=step-${step}]`).click()
  await column(page, to).locator(`[data-test=item-card][data-item="${itemId}"]`).waitFor()
}

test('a plan: the board by state with overdue marked; an item from open to closed by the right accounts, with evidence', async () => {
  const [plan] = await plans()
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)

  // The list links to the plan.
  await page.goto(`${server.url}/#/plans?year=${YEAR}`)
  await page.locator(`[data-test=plans-table] a[data-plan="${plan.id}"]`).click()
  await page.waitForURL(new RegExp(`#/plans/${plan.id}`))
  await page.locator('[data-test=plan-board]').waitFor()
  assert.match(await page.locator('[data-test=plan-title]').innerText(), new RegExp(plan.org_name))

  // Every item in its state's column, the overdue ones marked with their days.
  const stored = await must(admin, 'GET', `/plans/${plan.id}`)
  for (const state of ['open', 'in_progress', 'submitted', 'closed']) {
    const ids = await column(page, state).locator('[data-test=item-card]').evaluateAll((cards) => cards.map((c) => Number(c.dataset.item)))
    const expected = stored.items.filter((i) => i.state === state).map((i) => i.id)
    assert.deepEqual(ids.sort(), expected.sort(), `${state} column`)
  }
  for (const item of stored.items.filter((i) => i.overdue_days > 0)) {
    assert.equal(await card(page, item.id).locator('[data-test=item-overdue]').innerText(), `逾期 ${item.overdue_days} 天`)
  }
  for (const item of stored.items.filter((i) => !(i.overdue_days > 0))) {
    assert.equal(await card(page, item.id).locator('[data-test=item-overdue]').count(), 0)
  }

  // Adding an item: the server's refusal at its field, then the item in the first column.
  const worker = `e2e_sec_${plan.id}`
  const workerPassword = await makeSecretary(worker, plan.org_code)
  await page.locator('[data-test=add-item]').click()
  const dialog = page.locator('[data-test=item-dialog]')
  await dialog.waitFor()
  await dialog.locator('input[data-test=form-responsible]').fill('测试书记')
  await dialog.locator('input[data-test=form-deadline]').fill(`${YEAR}-12-31`)
  await dialog.locator('[data-test=form-save]').click()
  await dialog.locator('.el-form-item.is-error').first().waitFor()
  assert.match(await dialog.locator('.el-form-item.is-error').first().innerText(), /整改措施/)
  const measure = `e2e 整改措施：每月召开一次支委会（${Date.now()}）`
  await dialog.locator('textarea[data-test=form-measure]').fill(measure)
  await dialog.locator('input[data-test=form-responsible_user]').fill(worker)
  await dialog.locator('[data-test=form-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  const added = column(page, 'open').locator('[data-test=item-card]', { hasText: measure })
  await added.waitFor()
  const itemId = Number(await added.getAttribute('data-item'))
  // The steps offered are those the server's answer allows the administrator, no more.
  const offered = await must(admin, 'GET', `/items/${itemId}`)
  for (const step of ['start', 'submit', 'reject', 'close']) {
    assert.equal(await card(page, itemId).locator(`[data-test=step-${step}]`).count(), offered.can[step] ? 1 : 0, `admin's ${step}`)
  }

  // The secretary starts it, adds a photo and submits it.
  await login(page, server.url, worker, workerPassword)
  await openPlan(page, plan.id)
  assert.equal(await card(page, itemId).locator('[data-test=step-close]').count(), 0, 'a secretary does not sign off')
  await stepOnBoard(page, itemId, 'start', 'in_progress')
  await card(page, itemId).click()
  const drawer = page.locator('.item-drawer')
  await drawer.locator('[data-test=item-details]').waitFor()
  const photo = writeFile(dir, '支委会照片.png', png())
  await drawer.locator('input[data-test=evidence-file]').setInputFiles(photo)
  const thumb = drawer.locator('img[data-test=evidence-thumb]')
  await thumb.waitFor()
  await page.waitForFunction((img) => img.complete && img.naturalWidth === 8, await thumb.elementHandle())
  assert.match(await drawer.locator('[data-test=evidence]').innerText(), /支委会照片\.png/)
  await drawer.locator('[data-test=step-submit]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=item-drawer-state]')?.textContent.trim() === '已提交')
  assert.equal(await drawer.locator('[data-test=step-close]').count(), 0, 'who submitted does not sign off')
  await page.keyboard.press('Escape')
  await column(page, 'submitted').locator(`[data-test=item-card][data-item="${itemId}"]`).waitFor()
  assert.match(await card(page, itemId).locator('[data-test=item-evidence-count]').innerText(), /佐证 1 份/)

  // The administrator sends it back with a reason ...
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await openPlan(page, plan.id)
  await card(page, itemId).locator('[data-test=step-reject]').click()
  const box = page.locator('.el-message-box')
  await box.locator('textarea').fill('照片看不清，请补拍会议现场')
  await box.locator('.el-button--primary').click()
  await column(page, 'in_progress').locator(`[data-test=item-card][data-item="${itemId}"]`).waitFor()

  // ... the secretary submits again, and the administrator signs it off.
  await login(page, server.url, worker, workerPassword)
  await openPlan(page, plan.id)
  await stepOnBoard(page, itemId, 'submit', 'submitted')
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await openPlan(page, plan.id)
  await stepOnBoard(page, itemId, 'close', 'closed')

  // The history: every step, who took it, the rejection's reason.
  await card(page, itemId).click()
  const history = page.locator('.item-drawer [data-test=item-history]')
  await history.waitFor()
  const text = await history.innerText()
  const steps = await history.locator('[data-step]').evaluateAll((items) => items.map((i) => i.dataset.step))
  assert.deepEqual(steps.filter((step) => step !== 'create'), ['start', 'submit', 'reject', 'submit', 'close'])
  assert.match(text, /照片看不清，请补拍会议现场/)
  assert.match(text, new RegExp(worker))
  assert.match(text, /admin/)
  const after = await must(admin, 'GET', `/items/${itemId}`)
  assert.equal(after.state, 'closed')
  assert.equal(after.evidence.length, 1)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the ledger: filters in the address, counted by the server; the .xlsx export is the filtered ledger', async () => {
  // Items of its own: one in progress and overdue, one still open.
  const [plan] = await plans()
  const stamp = Date.now()
  const late = await must(admin, 'POST', `/plans/${plan.id}/items`, {
    measure: `e2e 台账：进行中且逾期（${stamp}）`,
    responsible: '测试',
    deadline: `${YEAR}-01-31`,
  })
  await must(admin, 'POST', `/items/${late.id}/steps`, { step: 'start', reason: '' })
  const open = await must(admin, 'POST', `/plans/${plan.id}/items`, {
    measure: `e2e 台账：待办（${stamp}）`,
    responsible: '测试',
    deadline: `${YEAR}-01-31`,
  })

  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  const table = page.locator('[data-test=ledger-table]')
  const loaded = () => page.waitForFunction(() => document.querySelector('[data-test=ledger-table]')?.dataset.loaded === 'yes')
  await page.goto(`${server.url}/#/ledger?year=${YEAR}`)
  await loaded()
  const all = await must(admin, 'GET', `/ledger?year=${YEAR}&limit=1`)
  assert.ok(all.total > 0)
  await page.waitForFunction((n) => document.querySelector('[data-test=ledger-table]')?.dataset.total === String(n), all.total)

  // State: in progress.
  await page.locator('[data-test=state]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '进行中' }).click()
  await page.waitForURL(/state=in_progress/)
  const inProgress = await must(admin, 'GET', `/ledger?year=${YEAR}&state=in_progress&limit=1`)
  await page.waitForFunction((n) => document.querySelector('[data-test=ledger-table]')?.dataset.total === String(n), inProgress.total)
  const states = await table.locator('[data-state]').evaluateAll((cells) => cells.map((c) => c.dataset.state))
  assert.ok(states.length > 0)
  assert.ok(states.every((s) => s === 'in_progress'), states.join())

  // Overdue only.
  await page.locator('[data-test=overdue]').click()
  await page.waitForURL(/overdue=true/)
  const filtered = await apiGetAll(page, `/ledger?year=${YEAR}&state=in_progress&overdue=true`)
  await page.waitForFunction((n) => document.querySelector('[data-test=ledger-table]')?.dataset.total === String(n), filtered.length)
  const days = await table.locator('.el-table__body tr').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-test=overdue-days]')?.textContent.trim() || ''))
  assert.ok(days.every((d) => Number(d) > 0), `every row overdue: ${days}`)
  assert.ok(filtered.some((row) => row.item_id === late.id), 'the late item is in the filtered ledger')
  assert.equal(filtered.some((row) => row.item_id === open.id), false, 'the open one is not')
  // The first page (50 rows) shows the rows the server listed first.
  const shown = await table.locator('a[data-item]').evaluateAll((links) => links.map((a) => Number(a.dataset.item)))
  assert.deepEqual(shown, filtered.slice(0, 50).map((row) => row.item_id))

  // A reload keeps the view.
  await page.reload()
  await loaded()
  await page.waitForFunction((n) => document.querySelector('[data-test=ledger-table]')?.dataset.total === String(n), filtered.length)
  assert.equal(await page.locator('[data-test=overdue] input').isChecked(), true)

  // The export: the filters on the link, the file the filtered ledger.
  const href = await page.locator('[data-test=export-xlsx]').getAttribute('href')
  assert.match(href, new RegExp(`/exports/ledger/${YEAR}\\.xlsx\\?`))
  assert.match(href, /state=in_progress/)
  assert.match(href, /overdue=true/)
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-xlsx]').click()])
  const saved = path.join(dir, file.suggestedFilename())
  await file.saveAs(saved)
  assert.match(file.suggestedFilename(), /\.xlsx$/)
  const sheet = readXlsx(readFileSync(saved))
  assert.equal(sheet.length, filtered.length + 1, 'a header and one row per item')
  const cells = sheet.slice(1).map((row) => row.join('\u0001'))
  for (const [i, item] of filtered.entries()) {
    assert.ok(cells[i].includes(item.org_code) || cells[i].includes(item.org_name), `row ${i + 1} is ${item.org_code}`)
    assert.ok(cells[i].includes(item.measure), `row ${i + 1} has its measure`)
  }
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('my items on a 390 px phone: a photo from the camera input is uploaded and the item submitted', async () => {
  const [plan] = await plans()
  const worker = `e2e_phone_${plan.id}`
  const password = await makeSecretary(worker, plan.org_code)
  const measure = `e2e 手机提交：活动场所挂牌（${Date.now()}）`
  const item = await must(admin, 'POST', `/plans/${plan.id}/items`, {
    measure,
    responsible: '测试书记',
    responsible_user: worker,
    deadline: `${YEAR}-12-31`,
  })

  const page = await browser.newPage()
  await page.setViewportSize(PHONE)
  const watch = watchPage(page)
  await login(page, server.url, worker, password)
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  await page.locator('[data-test=nav-toggle]').click()
  await page.locator('[data-test=nav-drawer] [data-menu=my-items]').click()
  await page.waitForURL(/#\/my-items/)
  const mine = page.locator(`[data-test=item-card][data-item="${item.id}"]`)
  await mine.waitFor()
  assert.match(await mine.innerText(), new RegExp(plan.org_name))
  assert.equal(await sideways(), 0, 'my items scrolls sideways')

  // The camera input: images and PDFs, the back camera.
  const input = mine.locator('input[data-test=evidence-file]')
  assert.equal(await input.getAttribute('accept'), 'image/*,application/pdf')
  assert.equal(await input.getAttribute('capture'), 'environment')

  await mine.locator('[data-test=step-start]').click()
  await page.waitForFunction((id) => document.querySelector(`[data-test=item-card][data-item="${id}"]`)?.dataset.state === 'in_progress', item.id)
  // A text file named like a photo: refused by its content, said in words on the card.
  await input.setInputFiles(writeFile(dir, 'not-a-photo.png', '这不是照片\n'))
  await mine.locator('[data-test=evidence-error]').waitFor()
  assert.match(await mine.locator('[data-test=evidence-error]').innerText(), /只接受照片/)
  await input.setInputFiles(writeFile(dir, 'IMG_0001.png', png(12, 9)))
  await page.waitForFunction(
    (id) => /佐证 1 份/.test(document.querySelector(`[data-test=item-card][data-item="${id}"] [data-test=item-evidence-count]`)?.textContent || ''),
    item.id,
  )
  assert.equal(await sideways(), 0)
  await mine.locator('[data-test=step-submit]').click()
  await page.waitForFunction((id) => document.querySelector(`[data-test=item-card][data-item="${id}"]`)?.dataset.state === 'submitted', item.id)
  assert.equal(await mine.locator('[data-test=item-state]').innerText(), '已提交')

  // The item opened: the photo as a thumbnail, the drawer the screen's width.
  await mine.locator('.item-card__measure').click()
  const thumb = page.locator('.item-drawer img[data-test=evidence-thumb]')
  await thumb.waitFor()
  await page.waitForFunction((img) => img.complete && img.naturalWidth === 12, await thumb.elementHandle())
  await page.waitForTimeout(400) // slide-in
  const drawerBox = await page.locator('.item-drawer').boundingBox()
  assert.ok(Math.abs(drawerBox.width - PHONE.width) <= 1, `drawer ${drawerBox.width} px wide`)
  assert.equal(await sideways(), 0)

  const stored = await must(admin, 'GET', `/items/${item.id}`)
  assert.equal(stored.state, 'submitted')
  assert.equal(stored.evidence.length, 1)
  assert.equal(stored.evidence[0].content_type, 'image/png')
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('five-level support: from the organization page, a holder assigned (refusals at their fields), a visit and a fund logged', async () => {
  const selected = (await must(admin, 'GET', `/assessments/${YEAR}?selected=true&limit=1000`)).items
  const village = selected.find((o) => o.type === 'village')
  assert.ok(village, 'a village among the selected')
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/orgs/${encodeURIComponent(village.code)}`)
  await page.locator('[data-test=org-support]').click()
  await page.waitForURL(/\/support\?year=/)
  await page.locator('[data-test=support-roles]').waitFor()
  const dialog = page.locator('[data-test=support-dialog]')
  const field = (name) => dialog.locator(`[data-test=form-${name}]`).locator('xpath=ancestor-or-self::*[contains(@class, "el-form-item")][1]')

  // The first secretary: the name missing is refused at its field, then the holder is shown.
  await page.locator('[data-test=assign-first_secretary]').click()
  await dialog.locator('input[data-test=form-start_date]').fill(`${YEAR}-03-01`)
  await dialog.locator('[data-test=form-save]').click()
  await field('person').locator('.el-form-item__error').waitFor()
  assert.match(await field('person').innerText(), /姓名必须填写/)
  await dialog.locator('input[data-test=form-person]').fill('王第一')
  await dialog.locator('input[data-test=form-agency]').fill('县财政局')
  await dialog.locator('[data-test=form-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-role=first_secretary] [data-test=holder]', { hasText: '王第一' }).waitFor()

  // A fund: the policy's amount offered, a wrong amount refused at its field.
  await page.locator('[data-test=add-fund]').click()
  assert.equal(await dialog.locator('input[data-test=form-amount_fen]').inputValue(), '50000')
  await dialog.locator('input[data-test=form-amount_fen]').fill('五万')
  await dialog.locator('input[data-test=form-purpose]').fill('活动场所修缮')
  await dialog.locator('input[data-test=form-granted_on]').fill(`${YEAR}-05-01`)
  await dialog.locator('[data-test=form-save]').click()
  await field('amount_fen').locator('.el-form-item__error').waitFor()
  await dialog.locator('input[data-test=form-amount_fen]').fill('50000')
  await dialog.locator('[data-test=form-save]').click()
  await dialog.waitFor({ state: 'hidden' })

  // An on-site session.
  await page.locator('[data-test=add-visit]').click()
  await dialog.locator('input[data-test=form-visit_date]').fill(`${YEAR}-04-03`)
  await dialog.locator('[data-test=form-kind]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '现场办公' }).click()
  await dialog.locator('input[data-test=form-visitor]').fill('李县长')
  const solved = `协调解决活动场所维修资金（${Date.now()}）`
  await dialog.locator('textarea[data-test=form-solved]').fill(solved)
  await dialog.locator('[data-test=form-save]').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.locator('[data-test=support-visits] .el-table__row', { hasText: solved }).waitFor()

  const sheet = await must(admin, 'GET', `/organizations/${encodeURIComponent(village.code)}/support?year=${YEAR}`)
  const holder = sheet.assignments.find((a) => a.role === 'first_secretary' && !a.ended_on)
  assert.equal(holder.person, '王第一')
  assert.ok(sheet.funds.some((f) => f.amount_fen === 5000000 && f.purpose === '活动场所修缮'))
  assert.ok(sheet.visits.some((v) => v.kind === 'on_site' && v.visitor === '李县长' && v.solved === solved))
  assert.match(
    await page.locator('[data-test=support-counts]').innerText(),
    new RegExp(`现场办公 ${sheet.counts.on_site} 次`),
  )
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

// Printing: A4 sheets with the office, the print date and "第 n 页/共 N 页" on each, nothing
// wider than the sheet.
const OFFICE = '中共漠河县委组织部'
const A4 = { portrait: [595, 842], landscape: [842, 595] }
const CONTENT_PX = { portrait: Math.floor((186 / 25.4) * 96), landscape: Math.floor((273 / 25.4) * 96) }
const countyToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10)
const squeeze = (text) => text.replace(/\s+/g, '')

async function widthOnPaper(page, orientation) {
  const viewport = page.viewportSize()
  await page.emulateMedia({ media: 'print' })
  await page.setViewportSize({ width: CONTENT_PX[orientation], height: viewport.height })
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
  await page.waitForTimeout(300)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
  await page.emulateMedia({ media: null })
  await page.setViewportSize(viewport)
  return overflow
}

function assertSheets(pages, orientation) {
  assert.ok(pages.length >= 1)
  pages.forEach((sheet, i) => {
    assert.deepEqual([sheet.width, sheet.height], A4[orientation], `sheet ${i + 1} is A4 ${orientation}`)
    const text = squeeze(sheet.text)
    assert.ok(text.includes(OFFICE), `sheet ${i + 1} lacks the office`)
    assert.ok(text.includes(`打印日期：${countyToday()}`), `sheet ${i + 1} lacks the print date`)
    assert.ok(text.includes(`第${i + 1}页/共${pages.length}页`), `sheet ${i + 1} lacks its page number`)
  })
}

test('the plan and the ledger print on A4: every item, heading, date and page numbers, nothing cut', async () => {
  const [plan] = await plans()
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)

  await openPlan(page, plan.id)
  assert.equal(await widthOnPaper(page, 'portrait'), 0, 'the plan is wider than the sheet')
  const planSheets = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  assertSheets(planSheets, 'portrait')
  const planText = squeeze(planSheets.map((p) => p.text).join('\n'))
  assert.ok(planText.includes(squeeze(plan.org_name)))
  const stored = await must(admin, 'GET', `/plans/${plan.id}`)
  for (const item of stored.items) assert.ok(planText.includes(squeeze(item.measure).slice(0, 12)), `item ${item.id} printed`)
  assert.equal(planText.includes('添加事项'), false, 'no buttons on paper')

  await page.goto(`${server.url}/#/ledger?year=${YEAR}&size=50`)
  await page.waitForFunction(() => document.querySelector('[data-test=ledger-table]')?.dataset.loaded === 'yes')
  assert.equal(await widthOnPaper(page, 'landscape'), 0, 'the ledger is wider than the sheet')
  const ledgerSheets = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  assertSheets(ledgerSheets, 'landscape')
  const ledgerText = squeeze(ledgerSheets.map((p) => p.text).join('\n'))
  assert.ok(ledgerText.includes(`${YEAR}年整改台账`))
  assert.equal(ledgerText.includes('导出Excel'), false, 'no buttons on paper')
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
