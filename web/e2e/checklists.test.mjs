// Checklists in the browser (issue 14, standards), on the demo county:
// - on a 390 px phone, the demo unit admin opens MH001-01's checklists of 2017, answers the
//   十有 venue standard item by item (one item not met, with a note), saves, sees the score it
//   gives, and applies the checklists to the year's score; the page never scrolls sideways;
// - on the score page, the row's 来源 (source) shows that the venue score came from that
//   checklist: the items met of those applicable, who applied it.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { apiInPage, launchBrowser, login, startServer, watchPage } from './harness.mjs'

const PHONE = { width: 390, height: 844 }
const VENUE = ['room', 'sign', 'flag', 'rules', 'duties', 'equipment', 'books', 'furniture', 'records', 'funds']
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

test('a unit admin fills a checklist on a phone, applies it, and the score page shows the source', async () => {
  const page = await browser.newPage()
  await page.setViewportSize(PHONE)
  const watch = watchPage(page)
  await login(page, server.url, 'unit_admin', server.accounts.unit_admin.password)
  // The year's score entered first (2017 has none in the demo), the 20 items of internal work
  // answered through the API: the page's part is the venue standard.
  const scored = await apiInPage(page, 'PUT', '/scores/MH001-01/2017', { team: 70, leader: 71, venue: 40, routine: 60, service: 74, members: 75 })
  assert.equal(scored.status, 201, JSON.stringify(scored.body))
  const defs = await apiInPage(page, 'GET', '/checklists')
  const internal = defs.body.checklists.find((c) => c.id === 'internal_work_20')
  const answered = await apiInPage(page, 'PUT', '/organizations/MH001-01/checklists/2017/internal_work_20', {
    items: internal.items.map((i) => ({ item: i.key, state: 'met' })),
  })
  assert.equal(answered.status, 200, JSON.stringify(answered.body))

  await page.goto(`${server.url}/#/checklists?code=MH001-01&year=2017`)
  const venue = page.locator('[data-checklist=venue_10]')
  await venue.waitFor()
  for (const item of VENUE) {
    await venue.locator(`[data-item=${item}] [data-state=${item === 'books' ? 'not_met' : 'met'}]`).click()
  }
  await venue.locator('[data-item=books] .note input').fill('书报未及时更新')
  await venue.locator('[data-test=checklist-save]').click()
  await page.waitForFunction(() => /达标 9 项/.test(document.querySelector('[data-checklist=venue_10] [data-test=checklist-score]')?.textContent || ''))
  assert.match(await venue.locator('[data-test=checklist-score]').innerText(), /适用 10 项中达标 9 项，折合 90 分/)
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'the checklist page scrolls sideways')

  await page.locator('[data-test=checklist-apply]').click()
  await page.getByText('已计入评分').first().waitFor()
  const stored = await apiInPage(page, 'GET', '/organizations/MH001-01/scores')
  const year = stored.body.items.find((s) => s.year === 2017)
  assert.equal(year.venue, 90)
  assert.equal(year.routine, 100)

  const desk = await browser.newPage()
  await login(desk, server.url, 'unit_admin', server.accounts.unit_admin.password)
  await desk.goto(`${server.url}/#/scores?year=2017&q=MH001-01`)
  await desk.locator('tr[data-code="MH001-01"] [data-test=sources]').click()
  const source = desk.locator('[data-test=score-sources] [data-dimension=venue] [data-test=source-checklist]')
  await source.waitFor()
  assert.match(await source.innerText(), /十有.*适用 10 项中达标 9 项，计 90 分/)
  assert.match(await desk.locator('[data-test=score-sources] [data-dimension=venue]').innerText(), /unit_admin/)
  assert.match(await desk.locator('[data-test=score-sources] [data-dimension=team]').innerText(), /手工录入/)
  assert.deepEqual(watch.problems(), [])
})
