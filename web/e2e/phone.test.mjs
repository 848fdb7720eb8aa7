// The roles that work on phones (secretary, first secretary, leader) at 390×844: the menu is a
// drawer that stays shut until opened and shuts again on navigating, the header fits, and no page
// they can open scrolls sideways (what is wide scrolls inside its own box). Then a desktop pass
// for admin and auditor over every page their menu offers. No page may log a console error.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, login, watchPage, apiInPage } from './harness.mjs'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1366, height: 900 }

// What shows that a page has drawn its content (the demo gives every role data to see).
const READY = {
  dashboard: '[data-test=dashboard-selected] .el-table__row',
  orgs: '[data-test=org-tree] [data-code]',
  org: '[data-test=org-history] .el-table__row',
  scores: '.score-table tbody tr[data-code]',
  assessment: 'table.ranking tr[data-code]',
  whatif: '[data-test=not-stored]',
  members: '[data-test=roster-total]',
  users: '.el-table__row',
  audit: '[data-test=audit-verify] .el-alert',
  password: '[data-test=password-submit]',
  'my-items': '[data-test=my-items][data-loaded=yes]',
  plans: '[data-test=plans-table][data-loaded=yes]',
  ledger: '[data-test=ledger-table][data-loaded=yes]',
  adjustments: '[data-test=adjustment-table] .el-table__row, [data-test=adjustment-table] .el-table__empty-text',
  interviews: '[data-test=interview-table] .el-table__row',
  'spot-checks': '[data-test=spot-checks][data-loaded=yes]',
  bulletins: '[data-test=bulletin]',
  inbox: '[data-test=inbox][data-loaded=yes]',
  'my-reports': '[data-test=my-reports][data-loaded=yes]',
  'first-secretary-reports': '[data-test=rates] .el-table__row, [data-test=rates] .el-table__empty-text',
  'party-life': '[data-test=summary-table] .el-table__row, [data-test=summary-table] .el-table__empty-text',
  'collective-economy': '[data-test=economy-list][data-loaded=yes]',
  checklists: '[data-test=checklists][data-loaded=yes]',
  training: '[data-test=training-table] .el-table__row',
  'standardized-branches': '[data-test=branch-table] .el-table__row, [data-test=branch-table] .el-table__empty-text',
  pairing: '[data-test=pairing-villages] .el-table__row, [data-test=pairing-villages] .el-table__empty-text',
}

let server
let phone
let desktop

before(async () => {
  server = await startServer()
  phone = await launchBrowser({ viewport: PHONE })
  desktop = await launchBrowser({ viewport: DESKTOP })
})

after(async () => {
  if (phone) await phone.close()
  if (desktop) await desktop.close()
  if (server) await server.stop()
})

// How far the page itself scrolls sideways (0 when it fits the window).
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

// Waits out the late layout (charts, tables measuring themselves): until the page's width and
// height have stayed the same for 6 frames (about 100 ms), at most 1.5 s.
const layoutSettled = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const started = performance.now()
        let last = ''
        let same = 0
        const frame = () => {
          const el = document.documentElement
          const size = `${el.scrollWidth}x${el.scrollHeight}`
          same = size === last ? same + 1 : 0
          last = size
          if (same >= 6 || performance.now() - started > 1500) resolve()
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }),
  )

async function open(page, hash, ready) {
  await page.goto(`${server.url}/#${hash}`)
  await page.locator(ready).first().waitFor()
  await layoutSettled(page)
}

// The pages a role can open: its menu entries, the first organization of its scope, the
// password page.
async function pagesOf(page, names) {
  const who = await apiInPage(page, 'GET', '/session')
  const code = who.body.user.scope[0] || 'MH001'
  return [
    ...names.map((name) => ({ name, hash: `/${name}`, ready: READY[name] })),
    { name: 'org', hash: `/orgs/${encodeURIComponent(code)}`, ready: READY.org },
    { name: 'password', hash: '/password', ready: READY.password },
  ]
}

const boxesOverlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

for (const role of ['secretary', 'first_secretary', 'leader']) {
  test(`${role} on a 390 px phone: menu drawer, header that fits, no page scrolls sideways`, async () => {
    const page = await phone.newPage()
    const watch = watchPage(page)
    await login(page, server.url, role, server.accounts[role].password)

    // The menu is shut: no side bar, no open drawer, a menu button.
    assert.equal(await page.locator('.layout__aside').count(), 0, 'no side bar on a phone')
    assert.equal(await page.locator('[data-test=nav-menu]').isVisible(), false, 'menu shut until opened')
    // The header fits: the name is shown whole beside the user menu, nothing covers it.
    const name = page.locator('[data-test=user-name]')
    assert.equal(await name.innerText(), role)
    assert.equal(await name.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'name not cut')
    assert.equal(boxesOverlap(await name.boundingBox(), await page.locator('[data-test=user-menu]').boundingBox()), false)
    assert.equal(await page.locator('.layout__header').evaluate((el) => el.scrollWidth <= el.clientWidth), true)

    // Opening the menu shows the role's pages; choosing one navigates and shuts it.
    await page.locator('[data-test=nav-toggle]').click()
    const menu = page.locator('[data-test=nav-drawer] [data-test=nav-menu]')
    await menu.waitFor()
    const names = await menu.locator('[data-menu]').evaluateAll((items) => items.map((i) => i.dataset.menu))
    assert.ok(names.includes('dashboard') && names.includes('assessment'), names.join())
    assert.equal(names.includes('users'), false)
    const box = await page.locator('[data-test=nav-drawer]').boundingBox()
    assert.ok(box.width < PHONE.width, 'the menu drawer leaves the page visible beside it')
    await menu.locator('[data-menu=orgs]').click()
    await page.locator(READY.orgs).first().waitFor()
    await menu.waitFor({ state: 'hidden' })
    assert.match(page.url(), /#\/orgs$/)

    for (const target of await pagesOf(page, names)) {
      await open(page, target.hash, target.ready)
      assert.equal(await sideways(page), 0, `${role} ${target.hash} scrolls sideways`)
      assert.equal(await page.locator('[data-test=nav-menu]').isVisible(), false, `${target.hash}: menu shut`)
    }

    // The explanation drawer: the whole width, labels shown whole.
    await open(page, '/assessment', READY.assessment)
    await page.locator('[data-test=explain]').first().click()
    const drawer = page.locator('.explain-drawer')
    await drawer.locator('[data-test=explain-why] li').first().waitFor()
    await page.waitForTimeout(400) // slide-in
    const drawerBox = await drawer.boundingBox()
    assert.ok(Math.abs(drawerBox.width - PHONE.width) <= 1, `drawer ${drawerBox.width} px wide`)
    const cut = await drawer.locator('.el-descriptions__label').evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.innerText),
    )
    assert.deepEqual(cut, [], 'labels cut')
    assert.equal(await sideways(page), 0)

    // The language is in the user menu on a phone.
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=language-en]').click()
    await page.locator('.page-header__title', { hasText: 'Assessment' }).waitFor()
    await page.locator('[data-test=user-menu]').click()
    await page.locator('[data-test=language-zh-CN]').click()
    await page.locator('.page-header__title', { hasText: '年度评定' }).waitFor()

    assert.deepEqual(watch.problems(), [])
    await page.close()
  })
}

for (const role of ['admin', 'auditor']) {
  test(`${role} on a desktop: side menu, every page opens without console errors`, async () => {
    const page = await desktop.newPage()
    const watch = watchPage(page)
    await login(page, server.url, role, server.accounts[role].password)
    assert.equal(await page.locator('.layout__aside [data-test=nav-menu]').isVisible(), true)
    const names = await page.locator('.layout__aside [data-menu]').evaluateAll((items) => items.map((i) => i.dataset.menu))
    assert.ok(names.includes('audit'), names.join())
    for (const target of await pagesOf(page, names)) {
      assert.ok(target.ready, `no ready selector for ${target.name}`)
      await open(page, target.hash, target.ready)
      assert.equal(await sideways(page), 0, `${role} ${target.hash} scrolls sideways`)
    }
    assert.deepEqual(watch.problems(), [])
    await page.close()
  })
}
