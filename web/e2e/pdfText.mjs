// The text and size of each page of a PDF (as page.pdf() prints it), read by poppler's pdftotext
// and pdfinfo (Debian poppler-utils, installed by scripts/install-deps --test).
//
//   const pages = pdfPages(buffer)   // [{ text, width, height }, ...] one per page
//   text: the page laid out as lines (pdftotext -layout: a table row is one line, its cells
//   separated by spaces); width × height: the page's size in points, rounded.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export function pdfPages(buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'grassroots-pdf-'))
  try {
    const file = path.join(dir, 'printed.pdf')
    writeFileSync(file, buffer)
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100000', file], { encoding: 'utf8' })
    const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ])
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const sheets = text.split('\f').slice(0, sizes.length)
    return sizes.map(([width, height], i) => ({ text: sheets[i] ?? '', width, height }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
