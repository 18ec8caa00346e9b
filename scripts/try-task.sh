#!/usr/bin/env bash
# Authoring aid until `ts-dojo dev check` covers it: run a task's tests against one subject.
# usage: scripts/try-task.sh curriculum/phase-1/1.3-async-channel [starter|solution|bad/<name>]
set -euo pipefail
task=$(cd "$1" && pwd); subject=${2:-solution}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$task/starter/." "$tmp/"
[ "$subject" != starter ] && cp -R "$task/$subject/." "$tmp/"
cp -R "$task/tests/." "$tmp/"
# The same node_modules view verify uses, so tests can import ts-dojo/harness and ts-dojo/kit.
view=$(cd "$root" && node -e 'import("./dist/runner/modules-view.js").then(async (m) => console.log(await m.modulesView()))')
ln -s "$view" "$tmp/node_modules"
echo '{ "type": "module" }' > "$tmp/package.json"
cat > "$tmp/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext",
  "strict": true, "noEmit": true, "allowImportingTsExtensions": true, "skipLibCheck": true,
  "types": ["node"], "lib": ["es2023"] }, "include": ["**/*.ts"], "exclude": ["node_modules"] }
JSON
echo "== tsc ($subject)"; (cd "$tmp" && "$root/node_modules/.bin/tsc" -p . ) && echo "types ok" || echo "TYPE ERRORS"
echo "== tests ($subject)"
cd "$tmp" && node --import tsx --test --test-force-exit --test-reporter=spec $(find . -name '*.test.ts' -not -path './node_modules/*')
