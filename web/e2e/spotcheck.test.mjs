// The monthly spot check in the browser (issue 13), on the demo county (draws of 2016-03 to
// 2016-06 with findings):
// - a month's drawn organizations are listed with their type, the under-rectification mark and
//   the generator's number, as the API answers them; "核验" says identical;
// - the administrator draws a new month with a given seed through the dialog, and a second draw
//   of the same month is refused in words naming it;
// - on a 390 px phone, a finding with a problem is refused without a note (in words), recorded
//   with one, opens a rectification item, and evidence is uploaded to that item; the page never
//   scrolls sideways.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { deflateSync } from 'node:zlib'
import { launchBrowser, login, startServer, watchPage, apiInPage } from './harness.mjs'

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

// A 1×1 PNG: what the phone's camera hands over, as far as the server's content check goes.
function png() {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4) // the server reads the signature, not the CRC
    return Buffer.concat([length, Buffer.from(type), data, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0)
  header.writeUInt32BE(1, 4)
  header[8] = 8
  header[9] = 2
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

test('a month lists its drawn organizations as the API answers them and verifies identical', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/spot-checks?month=2016-03`)
  const list = page.locator('[data-test=drawn]')
  await list.locator('.el-card').first().waitFor()
  const api = await apiInPage(page, 'GET', '/spot-checks/2016-03')
  assert.equal(api.status, 200)
  assert.equal(Number(await list.getAttribute('data-count')), api.body.drawn.length)
  for (const d of api.body.drawn) {
    const card = list.locator(`[data-org="${d.org_code}"]`)
    assert.match(await card.innerText(), new RegExp(`x = ${d.number}`))
    assert.equal(await card.locator('[data-test=under]').count(), d.under_rectification ? 1 : 0, d.org_code)
  }
  assert.equal(await list.locator('[data-test=finding]').count(), api.body.findings.length)
  await page.locator('[data-test=verify]').click()
  const verdict = page.locator('[data-test=verification]')
  await verdict.waitFor()
  assert.equal(await verdict.getAttribute('data-identical'), 'yes')
  assert.match(await verdict.innerText(), /一致/)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})

test('the administrator draws a month once with a given seed', async () => {
  const page = await browser.newPage()
  await login(page, server.url, 'admin', server.accounts.admin.password)
  await page.goto(`${server.url}/#/spot-checks`)
  for (const attempt of [1, 2]) {
    await page.locator('[data-test=draw-open]').click()
    const month = page.locator('input[data-test=draw-month]')
    await month.fill('2016-09')
    await page.locator('input[data-test=draw-seed]').fill('42')
    await page.locator('[data-test=draw-run]').click()
    if (attempt === 1) {
      await page.locator('[data-test=header]').filter({ hasText: '42' }).waitFor()
      await page.locator('[data-test=drawn] .el-card').first().waitFor()
    } else {
      const refusal = page.locator('[data-test=draw-error]')
      await refusal.waitFor()
      assert.match(await refusal.innerText(), /2016-09 的抽查已经抽取过/)
    }
  }
  await page.close()
})

test('on a phone a finding with a problem opens an item that takes evidence', async () => {
  const page = await browser.newPage()
  const watch = watchPage(page)
  await page.setViewportSize(PHONE)
  await login(page, server.url, 'admin', server.accounts.admin.password)
  const drawn = await apiInPage(page, 'POST', '/spot-checks/2016-10', { seed: '7' })
  assert.equal(drawn.status, 201)
  const under = drawn.body.drawn.find((d) => d.under_rectification)
  assert.ok(under, 'the draw holds one under rectification')
  await page.goto(`${server.url}/#/spot-checks?month=2016-10`)
  const card = page.locator(`[data-test=drawn] [data-org="${under.org_code}"]`)
  await card.waitFor()
  await card.locator('[data-test=record]').click()
  await page.locator('[data-test=finding-outcome] label', { hasText: '发现问题' }).click()
  await page.locator('[data-test=finding-save]').click()
  const refusal = page.locator('[data-test=finding-error]')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /情况说明/)
  await page.locator('textarea[data-test=finding-note]').fill('三会一课记录缺失')
  await page.locator('[data-test=finding-save]').click()
  await card.locator('[data-test=finding][data-outcome=problem_found]').waitFor()
  await card.locator('[data-test=open-item]').click()
  await page.locator('input[data-test=item-responsible]').fill('王书记')
  const deadline = page.locator('input[data-test=item-deadline]')
  await deadline.fill('2016-12-31')
  await page.locator('[data-test=item-save]').click()
  const itemInput = card.locator('.spot-checks__item input[data-test=evidence-file]')
  await itemInput.waitFor({ state: 'attached' })
  await itemInput.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png() })
  await page.locator('.el-message--success', { hasText: '现场照片.png' }).waitFor()
  // The finding's own evidence, shown on its card as a thumbnail.
  await card.locator('[data-test=finding-upload] input[data-test=evidence-file]').setInputFiles({ name: '抽查现场.png', mimeType: 'image/png', buffer: png() })
  await card.locator('[data-test=finding-evidence-file]').waitFor()
  const findings = await apiInPage(page, 'GET', '/spot-checks/2016-10/findings')
  assert.equal(findings.body.items[0].evidence.length, 1)
  assert.equal(findings.body.items[0].evidence[0].file_name, '抽查现场.png')
  const item = findings.body.items[0].item_id
  const detail = await apiInPage(page, 'GET', `/items/${item}`)
  assert.equal(detail.body.evidence.length, 1)
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(sideways <= 0, `the page scrolls ${sideways} px sideways`)
  assert.deepEqual(watch.problems(), [])
  await page.close()
})
