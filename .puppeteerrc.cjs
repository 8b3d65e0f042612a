// For a checkout only: puppeteer is a devDependency (the tests and scripts/bootstrap.mjs use it). A system
// Chromium (Debian's `chromium`, or PUPPETEER_EXECUTABLE_PATH) makes its download unnecessary; a machine
// without one still gets puppeteer's browser on install. The published package depends on puppeteer-core,
// which downloads nothing, so installing pressroom never needs a browser download (nor this file).
const { existsSync } = require('node:fs');

const systemBrowser =
  process.env.PUPPETEER_EXECUTABLE_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'].find((file) =>
    existsSync(file),
  );

module.exports = { skipDownload: Boolean(systemBrowser) };
