// End-to-end check of the real `opendesk mcp` server with the official MCP TypeScript SDK client.
//
//   node mcp-e2e.mjs <npm-prefix> <command> [args…]
//
// Spawns <command> over stdio (StdioClientTransport, with this process's whole environment, so
// DISPLAY and PATH reach the server), runs the tool calls, prints ONE JSON line on stdout, then waits
// for a line (or EOF) on stdin before closing the client: the server owns the clipboard, so the Java
// test reads it with xclip while the server is still alive.
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const [prefix, command, ...args] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(prefix), 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');

// StdioClientTransport forwards only a few variables by default: pass them all explicitly.
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
delete env.WAYLAND_DISPLAY;
const transport = new StdioClientTransport({ command, args, env, stderr: 'inherit' });

const errors = [];
const client = new Client({ name: 'opendesk-e2e-test', version: '1.0.0' });
client.onerror = (e) => errors.push(String(e?.message ?? e));

function pngSize(base64) {
  const b = Buffer.from(base64, 'base64');
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !sig.every((v, i) => b[i] === v) || b.toString('ascii', 12, 16) !== 'IHDR') {
    return { valid: false, bytes: b.length };
  }
  return { valid: true, bytes: b.length, width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
const texts = (r) => (r?.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
async function call(name, a) {
  try {
    const r = await client.callTool({ name, arguments: a });
    return { isError: r.isError === true, text: texts(r), content: r.content };
  } catch (e) {
    return { thrown: String(e?.message ?? e) };
  }
}
const summary = (r) => ({ isError: r.isError, text: r.text, thrown: r.thrown });

const report = { calls: {} };
const started = performance.now();
await client.connect(transport);
const list = await client.listTools();
report.startToToolsListMillis = Math.round(performance.now() - started);
report.serverInfo = client.getServerVersion();
report.tools = Object.fromEntries(list.tools.map((t) => [t.name, {
  properties: Object.keys(t.inputSchema?.properties ?? {}),
  required: t.inputSchema?.required ?? [],
}]));

// screenshot: first one reported in full, then 5 timed calls for the p50
const shot = await call('screenshot', {});
const image = (shot.content ?? []).find((c) => c.type === 'image');
report.calls.screenshot = { ...summary(shot), mimeType: image?.mimeType, png: image ? pngSize(image.data) : null };
const times = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = await call('screenshot', {});
  times.push(performance.now() - t0);
  if (r.isError || r.thrown) report.calls[`screenshot${i}`] = summary(r);
}
times.sort((a, b) => a - b);
report.screenshotMillis = times.map((t) => Math.round(t));
report.screenshotP50Millis = Math.round(times[2]);

// mouse: the centre of a downscaled screenshot, in that image's coordinates (so the server must scale)
const small = await call('screenshot', { max_edge: 640 });
const smallImage = (small.content ?? []).find((c) => c.type === 'image');
report.calls.smallScreenshot = { ...summary(small), png: smallImage ? pngSize(smallImage.data) : null };
const w = report.calls.smallScreenshot.png?.width ?? 0;
const h = report.calls.smallScreenshot.png?.height ?? 0;
report.mouseTarget = { x: Math.round(w / 2), y: Math.round(h / 2), image_width: w, image_height: h };
report.calls.mouse = summary(await call('mouse', { action: 'move', ...report.mouseTarget, settle_ms: 0 }));
report.calls.clipboard = summary(await call('clipboard', { action: 'write', text: 'héllo' }));
report.calls.clipboardRead = summary(await call('clipboard', { action: 'read' }));
report.calls.keyboard = summary(await call('keyboard', { action: 'press', key: 'shift', settle_ms: 0 }));
report.calls.status = summary(await call('opendesk_status', {}));
report.calls.badArguments = summary(await call('mouse', { action: 'fly', x: 'left' }));
report.errors = [...errors];

process.stdout.write(JSON.stringify(report) + '\n');

// wait for the test to say it has looked (a line, or EOF), then close
const rl = readline.createInterface({ input: process.stdin });
await new Promise((resolve) => { rl.once('line', resolve); rl.once('close', resolve); });
rl.close();
await client.close();
process.exit(0);
