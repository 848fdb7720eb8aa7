// The text of each page of a PDF that Chromium printed (page.pdf()), so a test can check what is
// on paper without poppler or pdf.js. Enough for Chromium's (Skia's) output: objects written
// plainly (no object streams), FlateDecode streams, Type0 fonts with a ToUnicode CMap, text shown
// with Tj / TJ, directly or in form XObjects. Not a general PDF reader.
//
//   const pages = pdfPages(buffer)   // [{ text, width, height }, ...] one per page, in points
//   (text: one line per text run, as drawn; width × height: the page's MediaBox)
import { inflateSync } from 'node:zlib'

function readObjects(pdf) {
  const text = pdf.toString('latin1')
  const objects = new Map()
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g
  for (let m; (m = pattern.exec(text)); ) {
    let body = m[2]
    let stream = null
    const start = body.indexOf('stream')
    if (start !== -1 && /^stream\r?\n/.test(body.slice(start))) {
      const dataStart = start + body.slice(start).match(/^stream\r?\n/)[0].length
      const length = Number((body.match(/\/Length (\d+)(?! 0 R)/) || [])[1])
      const raw = Buffer.from(body.slice(dataStart, dataStart + length), 'latin1')
      stream = /\/FlateDecode/.test(body.slice(0, start)) ? inflateSync(raw) : raw
      body = body.slice(0, start)
    }
    objects.set(Number(m[1]), { dict: body, stream })
  }
  return objects
}

const ref = (dict, key) => {
  const m = dict.match(new RegExp(`/${key}\\s+(\\d+) 0 R`))
  return m ? Number(m[1]) : null
}

function hexBytes(hex) {
  const clean = hex.replace(/\s+/g, '')
  return Buffer.from(clean.length % 2 ? clean + '0' : clean, 'hex')
}

function utf16(hex) {
  return hexBytes(hex).swap16().toString('utf16le')
}

// code (number) -> unicode text, from a ToUnicode CMap.
function toUnicodeMap(cmap) {
  const map = new Map()
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(parseInt(src, 16), utf16(dst))
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const from = parseInt(lo, 16)
      const to = parseInt(hi, 16)
      if (dst.startsWith('[')) {
        const list = [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => utf16(x[1]))
        for (let c = from; c <= to; c++) map.set(c, list[c - from] ?? '')
      } else {
        const base = hexBytes(dst.slice(1, -1))
        for (let c = from; c <= to; c++) {
          const out = Buffer.from(base)
          out.writeUInt16BE((out.readUInt16BE(out.length - 2) + c - from) & 0xffff, out.length - 2)
          map.set(c, out.swap16().toString('utf16le'))
        }
      }
    }
  }
  return map
}

// The fonts (name -> {map, twoBytes}) and form XObjects (name -> object number) of a page or a
// form XObject, from its /Resources (inline or referenced).
function resourcesOf(objects, dict) {
  let resources = dict
  const resourcesRef = ref(dict, 'Resources')
  if (resourcesRef !== null) resources = objects.get(resourcesRef).dict
  const entries = (key) => {
    let inner = (resources.match(new RegExp(`/${key}\\s*<<([\\s\\S]*?)>>`)) || [])[1]
    const indirect = ref(resources, key)
    if (!inner && indirect !== null) inner = objects.get(indirect).dict
    return [...(inner || '').matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)].map(([, name, number]) => [name, Number(number)])
  }
  const fonts = new Map()
  for (const [name, number] of entries('Font')) {
    const font = objects.get(number)
    const cmapRef = font && ref(font.dict, 'ToUnicode')
    const map = cmapRef !== null && cmapRef !== undefined ? toUnicodeMap(objects.get(cmapRef).stream.toString('latin1')) : new Map()
    fonts.set(name, { map, twoBytes: !!font && /\/Type0/.test(font.dict) })
  }
  const forms = new Map(entries('XObject').filter(([, number]) => /\/Subtype\s*\/Form/.test(objects.get(number)?.dict || '')))
  return { fonts, forms }
}

function decodeString(token, font) {
  let bytes
  if (token.startsWith('<')) bytes = hexBytes(token.slice(1, -1))
  else {
    const inner = token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e) =>
      /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e,
    )
    bytes = Buffer.from(inner, 'latin1')
  }
  if (!font) return bytes.toString('latin1')
  let out = ''
  const step = font.twoBytes ? 2 : 1
  for (let i = 0; i + step <= bytes.length; i += step) {
    const code = step === 2 ? bytes.readUInt16BE(i) : bytes[i]
    out += font.map.get(code) ?? (step === 1 ? String.fromCharCode(code) : '')
  }
  return out
}

function contentText(objects, content, resources, depth = 0) {
  const { fonts, forms } = resources
  let out = ''
  let font = null
  const tokens = content.match(/\/[^\s/<>[\]()]+|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|[^\s/<>[\]()]+/g) || []
  const operands = []
  for (const token of tokens) {
    if (token === 'Tf') {
      font = fonts.get(operands[operands.length - 2]?.slice(1)) || null
      operands.length = 0
    } else if (token === 'Tj' || token === "'" || token === '"') {
      out += decodeString(operands[operands.length - 1] || '()', font)
      operands.length = 0
    } else if (token === 'TJ') {
      for (const item of operands) if (item.startsWith('<') || item.startsWith('(')) out += decodeString(item, font)
      operands.length = 0
    } else if (token === 'ET') {
      out += '\n'
      operands.length = 0
    } else if (token === 'Do') {
      const form = forms.get(operands[operands.length - 1]?.slice(1))
      if (form !== undefined && depth < 8) {
        const xobject = objects.get(form)
        out += contentText(objects, xobject.stream.toString('latin1'), resourcesOf(objects, xobject.dict), depth + 1)
      }
      operands.length = 0
    } else if (/^[A-Za-z*]+$/.test(token) && !token.startsWith('/')) {
      operands.length = 0
    } else {
      operands.push(token)
    }
  }
  return out
}

function pageRefs(objects, nodeNumber) {
  const node = objects.get(nodeNumber)
  if (/\/Type\s*\/Page\b(?!s)/.test(node.dict)) return [nodeNumber]
  const kids = (node.dict.match(/\/Kids\s*\[([^\]]*)\]/) || [])[1] || ''
  return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => pageRefs(objects, Number(k[1])))
}

export function pdfPages(buffer) {
  const objects = readObjects(Buffer.from(buffer))
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))
  if (!catalog) throw new Error('not a PDF this reader understands: no catalog')
  return pageRefs(objects, ref(catalog.dict, 'Pages')).map((number) => {
    const page = objects.get(number).dict
    const resources = resourcesOf(objects, page)
    const contents = (page.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/) || [])[1] || ''
    const text = [...contents.matchAll(/(\d+) 0 R/g)]
      .map((c) => contentText(objects, objects.get(Number(c[1])).stream.toString('latin1'), resources))
      .join('\n')
    const box = (page.match(/\/MediaBox\s*\[([^\]]*)\]/) || [, '0 0 0 0'])[1].trim().split(/\s+/).map(Number)
    return { text, width: Math.round(box[2] - box[0]), height: Math.round(box[3] - box[1]) }
  })
}
