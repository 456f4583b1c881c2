// Renders the contract the service serves (the file openapi/citylinks.yaml, byte for byte) with
// Redoc, shipped beside this file, so the page needs nothing from another host.
Redoc.init('/q/openapi?format=json', {
  expandResponses: '200,201',
  jsonSampleExpandLevel: 3,
  hideDownloadButton: false,
  requiredPropsFirst: true,
  sortPropsAlphabetically: false,
  pathInMiddlePanel: true,
  theme: { typography: { fontFamily: 'system-ui, sans-serif', headings: { fontFamily: 'system-ui, sans-serif' } } },
}, document.getElementById('reference'));
