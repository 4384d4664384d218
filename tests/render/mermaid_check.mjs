// Parse every ```mermaid block of a Markdown file with mermaid's own parser (jsdom for DOMPurify).
import { JSDOM } from "jsdom";
import fs from "node:fs";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window; globalThis.document = dom.window.document;
globalThis.DOMPurify = undefined;
const { default: mermaid } = await import("mermaid");
const md = fs.readFileSync(process.argv[2], "utf8");
const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
let bad = 0;
for (const b of blocks) {
  try { await mermaid.parse(b); } catch (e) { bad++; console.error("PARSE ERROR", String(e).slice(0, 300)); }
}
console.log(`${blocks.length} blocks, ${bad} bad`);
process.exit(bad ? 1 : 0);
