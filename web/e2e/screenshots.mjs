// Takes the screenshots of docs/screenshots/: the main pages in Chinese at 1440×900, on a fresh
// demo database, logged in as admin. Run through scripts/screenshots (which builds what is
// missing); GRASSROOTS_BIN and GRASSROOTS_WEB work as in the e2e tests.
//
//   node web/e2e/screenshots.mjs [OUT_DIR]     (default docs/screenshots)
import { mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { launchBrowser, login, repoRoot, scratchDir, startServer, watchPage } from './harness.mjs'
import { apiGetAll, SCORE_HEADER, writeFile } from './helpers2.mjs'

const out = path.resolve(process.argv[2] || path.join(repoRoot, 'docs', 'screenshots'))
mkdirSync(out, { recursive: true })

const server = await startServer()
const browser = await launchBrowser({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
const page = await browser.newPage()
const watch = watchPage(page)
const taken = []

async function shot(name) {
  await page.waitForTimeout(800) // charts animate, drawers slide in
  const file = path.join(out, name)
  await page.screenshot({ path: file, animations: 'disabled' })
  taken.push(`${name} ${Math.round(statSync(file).size / 1024)} KiB`)
}

// Opens a page and waits for what shows it is drawn; a page that never gets there is still
// photographed, with a warning (the picture shows what is wrong).
const warnings = []
async function go(hash, ready) {
  await page.goto(`${server.url}/#${hash}`)
  try {
    await page.locator(ready).first().waitFor()
  } catch {
    warnings.push(`${hash}: "${ready}" never appeared`)
  }
}

try {
  await go('/login', '[data-test=login-submit]')
  await shot('01-login.png')
  await login(page, server.url, 'admin', server.accounts.admin.password)

  await go('/dashboard', 'canvas')
  await shot('02-dashboard.png')

  await go('/orgs', '.el-tree-node')
  // Open the first direct organization to show its branches.
  await page.locator('.el-tree-node__expand-icon:not(.is-leaf)').first().click()
  await page.locator('.el-tree-node__children .el-tree-node').first().waitFor().catch(() => warnings.push('/orgs: no branch opened'))
  await shot('03-org-tree.png')

  // The page of the lowest-ranked selected village of the latest year.
  const years = (await page.evaluate(() => fetch('/api/v1/assessments').then((r) => r.json()))).items.map((i) => i.year)
  const year = Math.max(...years)
  const rows = await apiGetAll(page, `/assessments/${year}?type=village`)
  const weak = rows.filter((r) => r.selected).sort((a, b) => a.score - b.score)[0]
  await go(`/orgs/${encodeURIComponent(weak.code)}`, 'canvas')
  await shot('04-org-page.png')

  // Score entry with the preview of a file that has one bad row.
  const scores = await apiGetAll(page, `/scores?year=${year}`)
  const lines = [
    SCORE_HEADER,
    ...scores.slice(0, 3).map((s) => [s.code, year + 1, 88, 91.5, 79, 85, 90, 87]),
    [scores[3].code, year + 1, 82, 'abc', 76, 180, 88, 79],
    ...scores.slice(4, 7).map((s) => [s.code, year + 1, 76, 84, 90.5, 81, 83, 92]),
  ]
  const file = writeFile(scratchDir('grassroots-shots-'), `评分-${year + 1}.csv`, lines.map((l) => l.join(',')).join('\n') + '\n')
  await go('/scores', '.score-table .cell input')
  await page.locator('[data-test=open-upload]').click()
  await page.locator('.score-upload input[type=file]').setInputFiles(file)
  await page.locator('[data-test=upload-summary]').waitFor()
  await shot('05-scores-upload.png')
  await page.keyboard.press('Escape')

  await go('/assessment', '[data-test=group-village] tr.cut-line')
  await page.locator(`[data-test=group-village] tr[data-code="${weak.code}"] [data-test=explain]`).click()
  await page.locator('[data-test=explain-arithmetic]').waitFor()
  await shot('06-assessment-explain.png')
  await page.keyboard.press('Escape')

  await go('/whatif', '[data-test=counts]')
  const ratio = page.locator('[data-test=ratio-village] .el-input-number input')
  await ratio.fill('30')
  await ratio.blur()
  await page.waitForFunction(() => document.querySelector('[data-test=entering-count]')?.textContent.trim() !== '0')
  await shot('07-whatif.png')

  await go('/audit', '.el-table__body tr')
  await shot('08-audit.png')

  const problems = watch.problems()
  if (problems.length) throw new Error(`the pages reported problems:\n${problems.join('\n')}`)
  for (const w of warnings) console.warn(`warning: ${w}`)
  console.log(`screenshots in ${path.relative(repoRoot, out) || out}:\n  ${taken.join('\n  ')}`)
} finally {
  await browser.close()
  await server.stop()
}
