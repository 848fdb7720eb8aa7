// Supervision in the browser (issue 13), on the demo county, whose database recorded the weekly
// reminders of last week and this week:
// - on a 390 px phone the first secretary (responsible for some of the demo's items) opens the
//   inbox from the menu, sees unread digests (counted on the header's bell too), opens one —
//   the items due and overdue as the digest recorded them — and it is marked read (by the
//   server, the count falls, on the bell too); the page never scrolls sideways;
// - the dashboard shows the early-warning treemap with the server's counts, and the ledger a
//   warning for each row;
// - an overdue item waiting for sign-off: its drawer proposes the next escalation step, the
//   administrator confirms it there, then signs the item off there, and the panel, asked again,
//   proposes nothing more;
// - the bell never steps back to a count older than the one it shows (a refresh that answers
//   after a digest was marked read).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, login, startServer, watchPage } from './harness.mjs'

const PHONE = { width: 390, height: 844 }
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

test('the inbox on a phone: unread digests, one opened and marked read', async () => {
  const page = await browser.newPage()
  await page.setViewportSize(PHONE)
  const watch = watchPage(page)
  await login(page, server.url, 'first_secretary', server.accounts.first_secretary.password)
  await page.locator('[data-test=nav-toggle]').click()
  await page.locator('[data-test=nav-drawer] [data-menu=inbox]').click()
  await page.waitForURL(/#\/inbox/)
  await page.locator('[data-test=inbox][data-loaded=yes]').waitFor()
  const unread = Number(await page.locator('[data-test=inbox-unread]').getAttribute('data-unread'))
  assert.ok(unread >= 1, `unread ${unread}`)
  // The header's bell counts the same, on every page.
  await page.locator(`[data-test=inbox-bell][data-unread="${unread}"]`).waitFor()
  const first = page.locator('[data-test=inbox-entry][data-read=no]').first()
  await first.click()
  const digest = page.locator('[data-test=inbox-digest]')
  await digest.locator('[data-test=digest-item]').first().waitFor()
  assert.match(await digest.innerText(), /已逾期|本周到期/)
  await page.locator('[data-test=inbox-unread][data-unread="' + (unread - 1) + '"]').waitFor()
  await page.locator(`[data-test=inbox-bell][data-unread="${unread - 1}"]`).waitFor()
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(sideways <= 0, `the page scrolls ${sideways} px sideways`)
  // The server recorded it: after a reload the count stays one lower.
  await page.reload()
  await page.locator('[data-test=inbox][data-loaded=yes]').waitFor()
  assert.equal(Number(await page.locator('[data-test=inbox-unread]').getAttribute('data-unread')), unread - 1)
  // Elsewhere the bell still says so, and takes the user to the inbox.
  // Only the hash changes, so goto returns before the router has left the inbox: wait for the
  // page, or the bell's click lands on the inbox and the router then goes on to my-items.
  await page.goto(`${server.url}/#/my-items`)
  await page.locator('[data-test=my-items][data-loaded=yes]').waitFor()
  await page.locator(`[data-test=inbox-bell][data-unread="${unread - 1}"]`).click()
  await page.waitForURL(/#\/inbox/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the bell keeps the newer count when an older count answers late', async () => {
  // The bell asks for the count as each page opens. On a slow line that answer can arrive after
  // the user has already opened a digest, when it is one too many; the bell must not step back.
  const page = await browser.newPage()
  await page.setViewportSize(PHONE)
  const watch = watchPage(page)
  await login(page, server.url, 'first_secretary', server.accounts.first_secretary.password)
  await page.goto(`${server.url}/#/my-items`)
  await page.locator('[data-test=my-items][data-loaded=yes]').waitFor()
  await page.locator('[data-test=inbox-bell]').waitFor()
  let release
  const released = new Promise((resolve) => (release = resolve))
  let held = 0
  await page.route(/\/api\/v1\/inbox\?limit=1$/, async (route) => {
    // The server answers now (the count before the digest is read); the answer reaches the page
    // only when released.
    const answer = await route.fetch()
    held += 1
    await released
    await route.fulfill({ response: answer })
  })
  await page.locator('[data-test=inbox-bell]').click()
  await page.waitForURL(/#\/inbox/)
  await page.locator('[data-test=inbox][data-loaded=yes]').waitFor()
  const unread = Number(await page.locator('[data-test=inbox-unread]').getAttribute('data-unread'))
  assert.ok(unread >= 1, `unread ${unread}`)
  await page.locator('[data-test=inbox-entry][data-read=no]').first().click()
  await page.locator('[data-test=inbox-unread][data-unread="' + (unread - 1) + '"]').waitFor()
  await page.locator(`[data-test=inbox-bell][data-unread="${unread - 1}"]`).waitFor()
  assert.ok(held >= 1, 'the bell asked for its count as the inbox opened')
  const late = page.waitForResponse(/\/api\/v1\/inbox\?limit=1$/)
  release()
  await (await late).finished()
  // The late answer (the count before the digest was read) has arrived; give the page a moment to
  // take it, then the bell must still show the newer count.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)))
  assert.equal(
    Number(await page.locator('[data-test=inbox-bell]').getAttribute('data-unread')),
    unread - 1,
  )
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the dashboard colours the organizations under rectification and the ledger each row', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/dashboard`)
  const map = page.locator('[data-test=warning-map]')
  await map.waitFor()
  await map.locator('canvas').waitFor()
  const counts = {}
  for (const c of ['red', 'orange', 'yellow', 'green']) {
    counts[c] = Number((await map.locator(`[data-test=warning-${c}]`).innerText()).replace(/\D/g, ''))
  }
  assert.ok(counts.red + counts.orange + counts.yellow + counts.green >= 1, JSON.stringify(counts))
  await page.goto(`${server.url}/#/ledger`)
  await page.locator('[data-test=warning]').first().waitFor()
  assert.match(await page.locator('[data-test=warning]').first().innerText(), /红色|橙色|黄色|绿色/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('an overdue item\'s escalation is confirmed in its drawer and stops once it is signed off there', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  const item = await page.evaluate(async () => {
    const years = (await fetch('/api/v1/assessments').then((r) => r.json())).items.map((a) => a.year)
    for (const year of years) {
      const ledger = await fetch(`/api/v1/ledger?year=${year}&state=submitted&overdue=true&limit=100`).then((r) => r.json())
      if (ledger.items.length) return ledger.items[0]
    }
    return null
  })
  assert.ok(item, 'the demo has an overdue item waiting for sign-off')
  await page.goto(`${server.url}/#/plans/${item.plan_id}`)
  await page.locator('[data-test=plan-board]').waitFor()
  await page.locator(`[data-test=item-card][data-item="${item.item_id}"]`).click()
  const drawer = page.locator('.item-drawer')
  await drawer.locator('[data-test=escalation-confirm]').waitFor()
  const before = await drawer.locator('[data-test=escalation-step]').count()
  await drawer.locator('[data-test=escalation-confirm]').click()
  await page.waitForFunction(
    (n) => document.querySelectorAll('.item-drawer [data-test=escalation-step]').length === n,
    before + 1,
  )
  // The demo's item is far enough overdue for the next step to be proposed at once.
  await drawer.locator('[data-test=escalation-confirm]').waitFor()
  await drawer.locator('[data-test=step-close]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=item-drawer-state]')?.textContent.trim() === '已销号')
  await page.waitForFunction(() => document.querySelector('.item-drawer [data-test=escalation-confirm]') === null)
  assert.equal(await drawer.locator('[data-test=escalation-step]').count(), before + 1, 'the confirmed steps stay')
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
