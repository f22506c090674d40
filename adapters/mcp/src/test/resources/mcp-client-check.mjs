// Drives an opendesk MCP server with the official MCP TypeScript SDK client and prints what it saw
// as one JSON object on stdout; the Java test makes the assertions.
//
//   node mcp-client-check.mjs <npm-prefix> stdio <command> [args…]
//   node mcp-client-check.mjs <npm-prefix> http <url> [bearer-token]
//
// <npm-prefix> is the directory whose node_modules holds @modelcontextprotocol/sdk (the test
// script installs it into <repo>/.cache/npm). An ES module resolves bare imports from its own
// location, so the SDK is loaded through a require() rooted at that prefix instead.
import { createRequire } from 'node:module';
import path from 'node:path';

const [prefix, mode, ...rest] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(prefix), 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');

let transport;
if (mode === 'stdio') {
  const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
  transport = new StdioClientTransport({ command: rest[0], args: rest.slice(1), stderr: 'inherit' });
} else if (mode === 'http') {
  const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
  const options = rest[1] ? { requestInit: { headers: { Authorization: `Bearer ${rest[1]}` } } } : {};
  transport = new StreamableHTTPClientTransport(new URL(rest[0]), options);
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}

const errors = [];
const client = new Client({ name: 'opendesk-interop-test', version: '1.0.0' });
client.onerror = (e) => errors.push(String(e?.message ?? e));

const started = Date.now();
await client.connect(transport);
const report = {
  serverInfo: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
  tools: (await client.listTools()).tools,
  firstListMillis: Date.now() - started,
  calls: {},
};
const calls = [['echo', { text: 'hi' }], ['snap', {}], ['fail', {}], ['explode', {}], ['quiet', {}], ['nope', { a: 1 }]];
for (const [name, args] of calls) {
  try {
    report.calls[name] = await client.callTool({ name, arguments: args });
  } catch (e) {
    report.calls[name] = { thrown: String(e?.message ?? e) };
  }
}
// several calls at once: each answer must reach its own request
const parallel = await Promise.all([1, 2, 3, 4, 5].map((i) => client.callTool({ name: 'echo', arguments: { text: `p${i}` } })));
report.parallel = parallel.map((r) => r.content[0].text);
report.errors = [...errors]; // before close: closing aborts the client's own listening stream
await client.close();
process.stdout.write(JSON.stringify(report));
