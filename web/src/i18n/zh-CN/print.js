// On paper: the running head and foot of every printed page (src/printing.js).
export default {
  print: {
    printedOn: '打印日期：{date}',
    pageOf: '第 {page} 页 / 共 {pages} 页',
  },
}
