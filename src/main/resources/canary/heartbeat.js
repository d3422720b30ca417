// Quest Platform health canary: one HTTP GET of TARGET_URL (the service URL and its health path), passing on 2xx/3xx.
// Runs on Synthetics Node.js/Puppeteer runtimes from syn-nodejs-puppeteer-13.1 (the @aws/synthetics-* namespaces).
const synthetics = require('@aws/synthetics-puppeteer');
const log = require('@aws/synthetics-logger');

const target = new URL(process.env.TARGET_URL);

const checkStatus = async function (res) {
  return new Promise((resolve, reject) => {
    if (res.statusCode < 200 || res.statusCode > 399) {
      reject(new Error(`${target.href} answered ${res.statusCode} ${res.statusMessage}`));
      return;
    }
    res.on('data', () => {});
    res.on('end', () => resolve());
  });
};

const heartbeat = async function () {
  const request = {
    hostname: target.hostname,
    method: 'GET',
    path: target.pathname + target.search,
    port: target.port || (target.protocol === 'https:' ? 443 : 80),
    protocol: target.protocol,
    headers: { 'User-Agent': synthetics.getCanaryUserAgentString() },
  };
  log.info(`GET ${target.href}`);
  await synthetics.executeHttpStep('health', request, checkStatus, {
    includeRequestHeaders: false,
    includeResponseHeaders: true,
    includeRequestBody: false,
    includeResponseBody: false,
    continueOnHttpStepFailure: false,
  });
};

exports.handler = async () => {
  return await heartbeat();
};
