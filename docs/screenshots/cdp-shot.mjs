// Drives a headless Chromium over the DevTools protocol: opens URL, waits until the page shows every text given,
// and saves a PNG. Node 20 needs --experimental-websocket (Node 22 has WebSocket built in).
//   node --experimental-websocket cdp-shot.mjs DEVTOOLS_PORT URL OUT.png WIDTH HEIGHT TEXT...
import { writeFileSync } from 'node:fs';

const [port, url, out, width, height, ...texts] = process.argv.slice(2);
const pages = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const page = pages.find(p => p.type === 'page');
if (!page) throw new Error('chromium has no page open');

const socket = new WebSocket(page.webSocketDebuggerUrl);
await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
let next = 0;
const waiting = new Map();
socket.onmessage = event => {
  const message = JSON.parse(event.data);
  const pending = waiting.get(message.id);
  if (!pending) return;
  waiting.delete(message.id);
  message.error ? pending.reject(new Error(JSON.stringify(message.error))) : pending.resolve(message.result);
};
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = ++next;
  waiting.set(id, { resolve, reject });
  socket.send(JSON.stringify({ id, method, params }));
});
const sleep = ms => new Promise(r => setTimeout(r, ms));

await send('Emulation.setDeviceMetricsOverride', { width: +width, height: +height, deviceScaleFactor: 1, mobile: false });
await send('Page.enable');
await send('Page.navigate', { url });
const deadline = Date.now() + 90_000;
let missing = texts;
while (Date.now() < deadline) {
  const { result } = await send('Runtime.evaluate', { expression: 'document.body ? document.body.innerText : ""', returnByValue: true });
  missing = texts.filter(t => !String(result.value).includes(t));
  if (missing.length === 0) break;
  await sleep(500);
}
if (missing.length > 0) throw new Error(`the page never showed: ${missing.join(', ')}`);
await sleep(2000); // let the grid settle (icons, state colours)
const { data } = await send('Page.captureScreenshot', { format: 'png' });
writeFileSync(out, Buffer.from(data, 'base64'));
socket.close();
