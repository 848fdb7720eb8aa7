// Score files in the browser: CSV parsing with the server's line numbers, .xlsx sheets turned
// into the same CSV text, and the client-side checks of SPEC.md §7 (scores import). The server
// validates again and is the authority; these checks only let the preview mark obvious mistakes
// before a request is made.

export const DIMENSIONS = ['team', 'leader', 'venue', 'routine', 'service', 'members']
export const REQUIRED_COLUMNS = ['code', 'year', ...DIMENSIONS]
export const OPTIONAL_COLUMNS = ['grade', 'reason']
const GRADES = { A: 'A', B: 'B', C: 'C', D: 'D', 优秀: 'A', 良好: 'B', 一般: 'C', 较差: 'D' }

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

function checkNumber(value, field, line, errors) {
  const text = value.trim()
  if (text === '') return errors.push({ line, field, key: 'empty', params: { field } })
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
    return errors.push({ line, field, key: 'notNumber', params: { field, value: text } })
  }
  const number = Number(text)
  if (number < 0 || number > 100) errors.push({ line, field, key: 'outOfRange', params: { field, value: text } })
}

// The preview of a score file: header, rows as objects keyed by column, and client-side errors
// {line, field, key, params} (field absent for a row-wide error; key names an i18n message).
export function checkScoreCsv(text) {
  const records = parseCsv(text)
  const errors = []
  if (!records.length) return { columns: [], rows: [], errors: [{ line: 1, key: 'emptyFile', params: {} }] }
  const header = records[0].fields.map((f) => f.trim())
  const columns = header.filter((h) => h !== '')
  for (const name of REQUIRED_COLUMNS) {
    if (!header.includes(name)) errors.push({ line: records[0].line, field: name, key: 'missingColumn', params: { field: name } })
  }
  const rows = []
  const seen = new Map()
  for (const record of records.slice(1)) {
    const values = {}
    header.forEach((name, index) => { if (name) values[name] = record.fields[index] ?? '' })
    rows.push({ line: record.line, values })
    const line = record.line
    if (record.error) { errors.push({ line, key: 'syntax', params: { message: record.error } }); continue }
    if (record.fields.length !== header.length) {
      errors.push({ line, key: 'width', params: { expected: header.length, got: record.fields.length } })
      continue
    }
    if ('code' in values && values.code.trim() === '') errors.push({ line, field: 'code', key: 'empty', params: { field: 'code' } })
    if ('year' in values) {
      const year = values.year.trim()
      if (!/^\d+$/.test(year) || Number(year) < 1900 || Number(year) > 2200) {
        errors.push({ line, field: 'year', key: 'badYear', params: { value: year } })
      }
    }
    for (const d of DIMENSIONS) if (d in values) checkNumber(values[d], d, line, errors)
    const grade = (values.grade ?? '').trim()
    const reason = (values.reason ?? '').trim()
    if (grade && !GRADES[grade]) errors.push({ line, field: 'grade', key: 'badGrade', params: { value: grade } })
    else if (grade && !reason) errors.push({ line, field: 'reason', key: 'gradeNeedsReason', params: { value: grade } })
    else if (!grade && reason) errors.push({ line, field: 'grade', key: 'reasonWithoutGrade', params: {} })
    const key = `${(values.code ?? '').trim()}\n${(values.year ?? '').trim()}`
    if (seen.has(key)) errors.push({ line, field: 'code', key: 'duplicate', params: { first: seen.get(key) } })
    else seen.set(key, line)
  }
  if (!rows.length && errors.length === 0) errors.push({ line: 1, key: 'noRows', params: {} })
  return { columns, rows, errors }
}

// The column a server row error is about: its `field` when the server names one, else the
// column named at the start of the message ("leader: ..." or 'missing column "venue"').
export function fieldOfServerError(error, columns) {
  if (error.field) return error.field
  const message = error.message || ''
  const prefix = /^([a-z_]+):/.exec(message)
  if (prefix && columns.includes(prefix[1])) return prefix[1]
  const quoted = /column "([^"]+)"/.exec(message)
  if (quoted) return quoted[1]
  const first = /^([a-z_]+) is empty/.exec(message)
  if (first && columns.includes(first[1])) return first[1]
  if (/^(organization|duplicate score of) /.test(message) || /^score of /.test(message)) return 'code'
  if (/grade/.test(message) && columns.includes('grade')) return /needs a reason/.test(message) ? 'reason' : 'grade'
  return undefined
}

// The server's row messages are English (the API's language); the known ones are shown in the
// user's language through the same keys as the client checks, anything else as the server said.
const SERVER_MESSAGES = [
  [/^([a-z_]+): "(.*)" is not a number$/, (m) => ['notNumber', { field: m[1], value: m[2] }]],
  [/^year: "?(.*?)"? is (not a whole number|outside .*)$/, (m) => ['badYear', { value: m[1] }]],
  [/^([a-z_]+): (.+) is outside \[0, 100\]$/, (m) => ['outOfRange', { field: m[1], value: m[2] }]],
  [/^([a-z_]+) is empty$/, (m) => ['empty', { field: m[1] }]],
  [/^missing column "(.+)"$/, (m) => ['missingColumn', { field: m[1] }]],
  [/^unknown grade "(.*)"/, (m) => ['badGrade', { value: m[1] }]],
  [/^grade "(.*)" needs a reason$/, (m) => ['gradeNeedsReason', { value: m[1] }]],
  [/^reason given without a grade$/, () => ['reasonWithoutGrade', {}]],
  [/^organization "(.*)" does not exist$/, (m) => ['unknownOrg', { code: m[1] }]],
  [/^duplicate .* \(first at line (\d+)\)$/, (m) => ['duplicate', { first: m[1] }]],
  [/^expected (\d+) fields as in the header, got (\d+)$/, (m) => ['width', { expected: m[1], got: m[2] }]],
]

// {key, params} for a known server message, else null.
export function serverMessageKey(message) {
  for (const [pattern, make] of SERVER_MESSAGES) {
    const m = pattern.exec(message || '')
    if (m) {
      const [key, params] = make(m)
      return { key, params }
    }
  }
  return null
}
