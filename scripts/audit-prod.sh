#!/usr/bin/env bash
# npm audit of the production dependencies (what `npm ci --omit=dev` would install): fails on a
# high or critical advisory. The advisory service is a separate endpoint of the registry; when
# it cannot be reached (offline, a mirror or proxy without it — this workplace's registry answers
# 405) the step says so on a line of its own and does not fail: a CI that cannot land anything
# while npm's advisory service is away is worse than a loud "not checked". See docs/security.md.
set -uo pipefail
cd "$(dirname "$0")/.."

# AUDIT_JSON=FILE: judge a saved `npm audit --json` answer instead (to check this script).
if [ -n "${AUDIT_JSON:-}" ]; then out=$(cat "$AUDIT_JSON"); else out=$(npm audit --omit=dev --json 2>/dev/null); fi
# npm audit exits non-zero for any advisory, even a low one: the verdict below is the one that counts.
printf '%s' "$out" | node -e '
let text = "";
process.stdin.on("data", (c) => (text += c));
process.stdin.on("end", () => {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? report?.error?.summary ?? (text.trim().split("\n")[0] || "no answer");
    console.log(`npm audit: NOT CHECKED - the advisory service could not be reached (${why})`);
    process.exit(0);
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const line = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ");
  if (serious > 0) {
    console.log(`npm audit: ${serious} high or critical advisories in production dependencies (${line})`);
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
      if (v.severity === "high" || v.severity === "critical") console.log(`  ${v.severity}: ${name} ${v.range ?? ""}`);
    }
    console.log("Fix: npm audit fix --omit=dev, or update the package; see docs/dependencies.md");
    process.exit(1);
  }
  console.log(`npm audit: no high or critical advisories in production dependencies (${line})`);
});
'
