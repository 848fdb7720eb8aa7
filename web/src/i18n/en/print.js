export default {
  print: {
    printedOn: 'Printed {date}',
    pageOf: 'Page {page} of {pages}',
  },
}
