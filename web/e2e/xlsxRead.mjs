// Reads the first sheet of an .xlsx file in Node, with no spreadsheet library: a ZIP central
// directory walk, zlib for the deflated parts, and regular expressions over the sheet's XML.
// Enough for the files our server writes (inline or shared strings, numbers); dates come back as
// their serial numbers. Test code: a check of the server's files by a reader it did not write.
import { inflateRawSync } from 'node:zlib'

function entries(buffer) {
  let end = buffer.length - 22
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--
  if (end < 0) throw new Error('not a ZIP archive')
  const count = buffer.readUInt16LE(end + 10)
  let at = buffer.readUInt32LE(end + 16)
  const files = {}
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const method = buffer.readUInt16LE(at + 10)
    const size = buffer.readUInt32LE(at + 20)
    const nameLength = buffer.readUInt16LE(at + 28)
    const extraLength = buffer.readUInt16LE(at + 30)
    const commentLength = buffer.readUInt16LE(at + 32)
    const local = buffer.readUInt32LE(at + 42)
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength)
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28)
    const data = buffer.subarray(start, start + size)
    files[name] = () => (method === 8 ? inflateRawSync(data) : data).toString('utf8')
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}

const unescape = (text) =>
  text.replace(/&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);/g, (_, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]
  })

const texts = (xml) => [...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1])).join('')

function column(reference) {
  let n = 0
  for (const c of reference.replace(/\d+$/, '')) n = n * 26 + (c.charCodeAt(0) - 64)
  return n - 1
}

// The first sheet's rows as arrays of cell texts (missing cells as '').
export function readXlsx(buffer) {
  const files = entries(buffer)
  const shared = files['xl/sharedStrings.xml']
    ? [...files['xl/sharedStrings.xml']().matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]))
    : []
  const sheet = files['xl/worksheets/sheet1.xml']()
  const rows = []
  for (const row of sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = []
    for (const cell of row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1]
      const body = cell[2] || ''
      const index = column(/r="([A-Z]+\d+)"/.exec(attributes)[1])
      const type = (/ t="(\w+)"/.exec(' ' + attributes) || [])[1]
      const value = (/<v>([\s\S]*?)<\/v>/.exec(body) || [])[1]
      let text = ''
      if (type === 'inlineStr') text = texts(body)
      else if (type === 's') text = shared[Number(value)]
      else if (value !== undefined) text = unescape(value)
      while (cells.length < index) cells.push('')
      cells[index] = text
    }
    rows.push(cells)
  }
  return rows
}
