// No lost work, no slow typing (issue 10), on the county demo (228 organizations):
// - score entry shows 200 rows a page, paged by the server, first painted within 1 s of a
//   reload, and a keystroke in a cell is drawn within 50 ms;
// - unsaved edits ask before a menu click, Back, a reload or another page of the table;
// - Back closes an open dialog instead of leaving the page;
// - filters, search and page live in the address: a reload and Back from another page return
//   to the same view.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, login, startServer, watchPage } from './harness.mjs'

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

let loggedIn = false
async function adminPage() {
  const page = await browser.newPage()
  page.setDefaultTimeout(30000)
  const watch = watchPage(page)
  if (!loggedIn) await login(page, server.url, 'admin', server.accounts.admin.password)
  else await page.goto(`${server.url}/#/dashboard`)
  await page.locator('[data-test=user-name]').waitFor()
  loggedIn = true
  return { page, watch }
}

const ROWS = '.score-table tbody tr[data-code]'
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]

// Milliseconds from a click on the menu (from the dashboard) to the frame in which the page
// shows `count` rows of `selector`; `hash` is the view asked for, set in the address just before
// (as a link to it would).
async function openFromDashboard(page, hash, selector, count) {
  await page.evaluate(() => (location.hash = '#/dashboard'))
  await page.locator('[data-test=user-name]').waitFor()
  return page.evaluate(
    ({ hash, selector, count }) =>
      new Promise((resolve) => {
        const start = performance.now()
        location.hash = hash
        const check = () =>
          document.querySelectorAll(selector).length >= count ? resolve(performance.now() - start) : requestAnimationFrame(check)
        check()
      }),
    { hash, selector, count },
  )
}

// Presses `keys` in the focused input one at a time; for each key, the milliseconds from
// the page receiving its input event (a listener that runs before the page's own) to the end of
// the next frame after it: the edit handled, the row redrawn and painted.
async function keystrokeLatencies(page, keys) {
  await page.evaluate(() => {
    window.__latencies = []
    if (window.__measuring) return
    window.__measuring = true
    document.addEventListener(
      'input',
      () => {
        const received = performance.now()
        requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - received), 0))
      },
      { capture: true },
    )
  })
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.press(keys[i])
    await page.waitForFunction((n) => window.__latencies.length >= n, i + 1)
  }
  return page.evaluate(() => window.__latencies)
}

test('score entry at 200 rows: first paint under 1 s, a keystroke drawn under 50 ms', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/scores?year=2016&size=200`)
  await page.locator(ROWS).nth(199).waitFor()
  assert.equal(await page.locator(ROWS).count(), 200, 'one page of 200 rows')
  assert.equal(await page.locator('.score-table').getAttribute('data-total'), '228', 'the server counts them all')

  // The page opened from another (its code loaded once, as after the first visit).
  const paints = []
  for (let i = 0; i < 3; i++) paints.push(await openFromDashboard(page, '#/scores?year=2016&size=200', ROWS, 200))
  console.log(`score entry, 200 rows: drawn ${paints.map((p) => p.toFixed(0)).join(', ')} ms after opening`)
  assert.ok(median(paints) < 1000, `first paint ${paints} ms`)

  const cell = page.locator('.score-table .cell[data-field=service] input').nth(150)
  await cell.fill('')
  // The control: a bare input added to the same page (no framework, no table), typed into the
  // same way. On a loaded 2-core machine a frame alone can take 40 ms; what the score entry
  // page adds is the difference. The two take turns, round by round, so a busy moment of the
  // machine falls on both; each round types "77.5" and takes it back (8 keystrokes, the first
  // of which makes the row edited and the last unedited again), and the medians are of 24.
  await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('input'), { id: 'bare-input' })))
  const round = ['7', '7', '.', '5', 'Backspace', 'Backspace', 'Backspace', 'Backspace']
  const typed = []
  const bare = []
  for (let i = 0; i < 3; i++) {
    await cell.focus()
    typed.push(...(await keystrokeLatencies(page, round)))
    await page.locator('#bare-input').focus()
    bare.push(...(await keystrokeLatencies(page, round)))
  }
  await page.evaluate(() => document.getElementById('bare-input').remove())
  await cell.focus()
  await page.keyboard.type('77.5')
  const text = (list) => list.map((l) => l.toFixed(1)).join(', ')
  console.log(`score entry, 200 rows: keystrokes drawn in ${text(typed)} ms; a bare input on the same page: ${text(bare)} ms`)
  assert.equal(typed.length, 3 * round.length)
  if (median(bare) < 25) assert.ok(median(typed) < 50, `keystrokes ${text(typed)} ms`)
  else assert.ok(median(typed) - median(bare) < 25, `keystrokes ${text(typed)} ms, bare ${text(bare)} ms`)
  // No keystroke waits a quarter of a second; one may, for a pause of the browser's own (its
  // garbage collector), which a bare input meets as well.
  assert.ok(typed.toSorted((a, b) => a - b).at(-2) < 250, `keystrokes ${text(typed)} ms`)
  assert.equal(await cell.inputValue(), '77.5')
  assert.equal(await page.locator('[data-test=save-row]').count(), 1, 'the edited row offers its save')
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('unsaved score edits: a menu click, Back, another page of the table and a reload ask first', async () => {
  const { page, watch } = await adminPage()
  // Moves inside the app (the menu), as a user makes them: Back then has somewhere to go.
  await page.locator('[data-test=nav-menu] [data-menu=assessment]').click()
  await page.locator('table.ranking tr[data-code]').first().waitFor()
  await page.locator('[data-test=nav-menu] [data-menu=scores]').click()
  const cell = page.locator('.score-table .cell[data-field=team] input').first()
  await cell.waitFor()
  await cell.fill('12.5')
  const box = page.locator('.el-message-box')
  const cancel = async () => {
    await box.waitFor()
    assert.match(await box.innerText(), /有未保存的修改，确定离开？/)
    await box.locator('.el-button:not(.el-button--primary)').click()
    await box.waitFor({ state: 'hidden' })
  }

  await page.locator('[data-test=nav-menu] [data-menu=dashboard]').click()
  await cancel()
  assert.match(page.url(), /#\/scores/)
  await page.goBack()
  await cancel()
  await page.waitForURL(/#\/scores/)
  await page.locator('[data-test=pager] .btn-next').click()
  await cancel()
  assert.equal(await cell.inputValue(), '12.5', 'the edit is still there')
  assert.doesNotMatch(page.url(), /page=2/)

  // A reload: the browser's own question (beforeunload), dismissed keeps the page.
  const asked = new Promise((resolve) => page.once('dialog', (dialog) => resolve(dialog.type()) || dialog.dismiss()))
  await page.evaluate(() => setTimeout(() => location.reload(), 0))
  assert.equal(await asked, 'beforeunload')
  assert.equal(await cell.inputValue(), '12.5')

  // Agreeing leaves.
  await page.locator('[data-test=nav-menu] [data-menu=dashboard]').click()
  await box.waitFor()
  await box.locator('.el-button--primary').click()
  await page.waitForURL(/#\/dashboard/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('filters, search and page live in the address: reload and Back return to the same view', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/scores?year=2016&size=20`)
  await page.locator(ROWS).first().waitFor()
  await page.locator('[data-test=type]').click()
  await page.locator('.el-select-dropdown__item', { hasText: '机关' }).first().click()
  await page.waitForURL(/type=agency/)
  await page.locator('[data-test=pager] .btn-next').click()
  await page.waitForURL(/page=2/)
  await page.waitForFunction((selector) => document.querySelector('.score-table')?.dataset.loaded === 'yes', ROWS)
  const codes = async () => page.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.dataset.code))
  const shown = await codes()
  assert.equal(shown.length, 20)

  await page.reload()
  await page.locator(ROWS).first().waitFor()
  assert.deepEqual(await codes(), shown, 'a reload shows the same page')
  assert.match(await page.locator('[data-test=pager] .is-active').innerText(), /^2$/)

  await page.locator('input[data-test=search]').fill('局')
  await page.waitForURL(/q=%E5%B1%80/)
  const searched = page.url()
  await page.locator('[data-test=nav-menu] [data-menu=dashboard]').click()
  await page.waitForURL(/#\/dashboard/)
  await page.goBack()
  await page.waitForURL(searched)
  await page.locator(ROWS).first().waitFor()
  assert.equal(await page.locator('input[data-test=search]').inputValue(), '局')
  const names = await page.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.querySelector('.name-cell').textContent))
  assert.ok(names.length > 0)
  for (const name of names) assert.match(name, /局/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('Back closes an open dialog and stays on the page', async () => {
  const { page, watch } = await adminPage()
  await page.goto(`${server.url}/#/assessment`)
  await page.locator('table.ranking tr[data-code] [data-test=manual]').first().click()
  const dialog = page.locator('.el-dialog')
  await dialog.waitFor()
  await dialog.locator('textarea').first().fill('写了一半的理由')
  const url = page.url()
  await page.goBack()
  await dialog.waitFor({ state: 'hidden' })
  assert.equal(page.url(), url)
  assert.match(page.url(), /#\/assessment/)
  // The explanation drawer too.
  await page.locator('table.ranking tr[data-code] [data-test=explain]').first().click()
  const drawer = page.locator('.el-drawer')
  await drawer.waitFor()
  await page.goBack()
  await drawer.waitFor({ state: 'hidden' })
  assert.match(page.url(), /#\/assessment/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
