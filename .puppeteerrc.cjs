// A system Chromium (Debian's `chromium`, or PUPPETEER_EXECUTABLE_PATH) makes puppeteer's own download
// unnecessary; a machine without one still gets puppeteer's browser on install.
const { existsSync } = require('node:fs');

const systemBrowser =
  process.env.PUPPETEER_EXECUTABLE_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'].find((file) =>
    existsSync(file),
  );

module.exports = { skipDownload: Boolean(systemBrowser) };
