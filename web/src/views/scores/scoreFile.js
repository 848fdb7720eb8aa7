// Score files in the browser: CSV parsing with the server's line numbers and .xlsx sheets
// turned into the same CSV text, as far as the preview needs to show the file. What a value
// may be is the server's to say (its dry run, POST /imports/scores?dry_run=true): no rule is
// checked here.

export const DIMENSIONS = ['team', 'leader', 'venue', 'routine', 'service', 'members']
// The columns of the scores format, in the order the preview shows them.
export const COLUMNS = ['code', 'year', ...DIMENSIONS, 'grade', 'reason']

// RFC 4180 records, each with the 1-based physical line where it starts (as the server counts:
// CRLF, LF or a lone CR end a line; a UTF-8 BOM is dropped; blank lines are skipped).
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const records = []
  let line = 1
  let i = 0
  const n = text.length
  while (i < n) {
    const start = line
    const fields = []
    let error = null
    for (;;) {
      let field = ''
      if (text[i] === '"') {
        i++
        for (;;) {
          if (i >= n) { error = `unterminated quote in field ${fields.length + 1}`; break }
          const c = text[i]
          if (c === '"') {
            if (text[i + 1] === '"') { field += '"'; i += 2; continue }
            i++
            break
          }
          if (c === '\r' && text[i + 1] === '\n') { field += '\r\n'; i += 2; line++; continue }
          if (c === '\r' || c === '\n') line++
          field += c
          i++
        }
        if (!error && i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error = `unexpected text after the closing quote of field ${fields.length + 1}`
          while (i < n && text[i] !== '\n' && text[i] !== '\r') i++
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
      }
      fields.push(field)
      if (error || i >= n || text[i] !== ',') break
      i++
    }
    if (i < n && text[i] === '\r') i++
    if (i < n && text[i] === '\n') i++
    line++
    const blank = fields.length === 1 && fields[0].trim() === ''
    if (!blank || error) records.push({ line: start, fields, error })
  }
  return records
}

function csvField(value) {
  return /[",\r\n]|^\s|\s$/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value
}

function cellText(cell) {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  if (typeof cell === 'number') return String(Math.round(cell * 1e9) / 1e9)
  return String(cell)
}

// A sheet (rows of cells, as read-excel-file returns them) as CSV text. Empty rows at the end
// are dropped; rows are padded to the header's width so the server sees one shape.
export function sheetToCsv(rows) {
  const text = rows.map((row) => row.map(cellText))
  while (text.length && text[text.length - 1].every((v) => v.trim() === '')) text.pop()
  const width = text.length ? text[0].length : 0
  return text
    .map((row) => {
      const padded = row.slice(0, Math.max(width, row.length))
      while (padded.length < width) padded.push('')
      return padded.map(csvField).join(',')
    })
    .join('\n') + (text.length ? '\n' : '')
}

// Reads a File: CSV as UTF-8 text, .xlsx through read-excel-file (first sheet). Returns the CSV
// text the server will receive.
export async function fileToCsv(file) {
  const name = (file.name || '').toLowerCase()
  if (name.endsWith('.xlsx')) {
    const { readSheet } = await import('read-excel-file/browser')
    return sheetToCsv(await readSheet(file))
  }
  if (name.endsWith('.xls')) {
    const error = new Error('xls')
    error.code = 'old_excel'
    throw error
  }
  return await file.text()
}

// The preview of a file: its columns (the header's non-blank names, in lower case as the server
// matches them) and its data records as {line, values} keyed by column, with the server's line
// numbers.
export function previewCsv(text) {
  const records = parseCsv(text)
  if (!records.length) return { columns: [], rows: [] }
  const header = records[0].fields.map((f) => f.trim().toLowerCase())
  const rows = records.slice(1).map((record) => {
    const values = {}
    header.forEach((name, index) => {
      if (name) values[name] = record.fields[index] ?? ''
    })
    return { line: record.line, values }
  })
  return { columns: header.filter((h) => h !== ''), rows }
}
