#!/usr/bin/env python3
"""Check the notification payloads the Swift tests wrote (swift test writes .build/notify-payloads/).

- Every Teams message (teams-*.json, e2e-teams.json, and a fleet run's fleet-teams*.json,
  e2e-fleet-teams.json, e2e-fleet-hostile-teams.json): the message envelope Teams Workflows expects,
  and its card validated with `jsonschema` against the Adaptive Card 1.5 JSON schema
  (Tests/V360AuditTests/Fixtures/adaptive-cards/adaptive-card-1.5.json, MIT, from
  microsoft/AdaptiveCards), and at most 20,000 bytes.
- Every Slack message (slack-*.json, e2e-slack.json, and the fleet's *fleet*slack*.json): at most
  50 blocks, section texts of at most 3,000 characters, and no `<!` that would ping anyone.
- The signed webhooks (e2e-webhook.json with e2e-webhook.signed.json, a single scan's; and
  e2e-fleet-webhook.json with e2e-fleet-webhook.signed.json, a fleet run's): the Standard Webhooks
  signature recomputed with Python's own hmac and base64, independently of swift-crypto, and the
  envelope's `kind` (`scan` or `fleet`).

    pip install jsonschema
    python3 scripts/check-notify-payloads.py .build/notify-payloads

Exit status: 0 when every check passes; 1 when one fails or an expected file is missing (so the
check cannot pass because the tests did not run).
"""
import base64
import hashlib
import hmac
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "Tests/V360AuditTests/Fixtures/adaptive-cards/adaptive-card-1.5.json"
EXPECTED = ["teams-hostile.json", "teams-large.json", "e2e-teams.json", "slack-hostile.json", "slack-large.json",
            "e2e-slack.json", "e2e-webhook.json", "e2e-webhook.signed.json",
            # A fleet run's one summary (scan --tenants --notify).
            "fleet-teams.json", "fleet-teams-hostile.json", "fleet-teams-large.json", "e2e-fleet-teams.json",
            "e2e-fleet-hostile-teams.json", "fleet-slack-hostile.json", "fleet-slack-large.json", "e2e-fleet-slack.json",
            "e2e-fleet-hostile-slack.json", "e2e-fleet-webhook.json", "e2e-fleet-webhook.signed.json"]
# The signed webhook bodies, each with its signature file, and the envelope kind it must be.
SIGNED = [("e2e-webhook", "scan"), ("e2e-fleet-webhook", "fleet")]


def check_teams(path, validator, problems):
    raw = path.read_bytes()
    message = json.loads(raw)
    if len(raw) > 20_000:
        problems.append(f"{path.name}: {len(raw)} bytes, over 20,000")
    attachments = message.get("attachments") or []
    if message.get("type") != "message" or len(attachments) != 1:
        problems.append(f"{path.name}: not a message with one attachment")
        return
    attachment = attachments[0]
    if attachment.get("contentType") != "application/vnd.microsoft.card.adaptive" or "contentUrl" not in attachment:
        problems.append(f"{path.name}: the attachment is not an Adaptive Card")
    card = attachment.get("content")
    if not isinstance(card, dict) or card.get("version") != "1.5":
        problems.append(f"{path.name}: no Adaptive Card 1.5 content")
        return
    from jsonschema.exceptions import best_match
    error = best_match(validator.iter_errors(card))
    if error is not None:
        # The schema is anyOf at every element; best_match names the deepest, most specific cause.
        problems.append(f"{path.name}: schema: {error.message[:200]} at {list(error.absolute_path)}")


def check_slack(path, problems):
    message = json.loads(path.read_bytes())
    blocks = message.get("blocks") or []
    if not isinstance(message.get("text"), str) or not blocks or len(blocks) > 50:
        problems.append(f"{path.name}: needs text and 1 to 50 blocks, has {len(blocks)}")
    texts = [message.get("text", "")]
    for block in blocks:
        text = (block.get("text") or {}).get("text")
        if block.get("type") == "section" and len(text.encode("utf-16-le")) // 2 > 3000:
            problems.append(f"{path.name}: a section text over 3,000 characters")
        texts.append(text or "")
        texts += [element.get("text", "") for element in block.get("elements") or []]
    # Every `<` must open one of the tool's own links: tenant data has its `<` escaped, so nothing
    # in it can form `<!channel>`, `<@user>` or a link (Python compares code points, so a `<`
    # followed by a combining mark is still found).
    for text in texts:
        for index, char in enumerate(text):
            if char == "<" and not text.startswith("<http", index):
                problems.append(f"{path.name}: an unescaped < in {text[max(0, index - 20):index + 20]!r}")


def check_signature(directory, name, kind, problems):
    body = (directory / f"{name}.json").read_bytes()
    signed = json.loads((directory / f"{name}.signed.json").read_bytes())
    key = base64.b64decode(signed["secret"].removeprefix("whsec_"))
    content = f'{signed["webhook-id"]}.{signed["webhook-timestamp"]}.'.encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(expected, signed["webhook-signature"]):
        problems.append(f"{name}.json: the webhook-signature does not verify")
    envelope = json.loads(body)
    if envelope.get("schemaVersion") != 1 or envelope.get("source") != "v360audit" or envelope.get("kind") != kind:
        problems.append(f"{name}.json: not a v360audit envelope of schemaVersion 1 and kind {kind}")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 1
    directory = Path(sys.argv[1])
    from jsonschema import Draft6Validator
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft6Validator(schema)
    # The validator must be able to fail: a card with an unknown element is refused.
    if validator.is_valid({"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "Blink", "text": "x"}]}):
        print("the Adaptive Card schema accepted an invalid card; is it the right file?")
        return 1
    problems = [f"{name}: missing (run swift test first)" for name in EXPECTED if not (directory / name).is_file()]
    if problems:
        print("\n".join(problems))
        return 1
    teams = sorted(directory.glob("*teams*.json"))
    slack = sorted(directory.glob("*slack*.json"))
    for path in teams:
        check_teams(path, validator, problems)
    for path in slack:
        check_slack(path, problems)
    for name, kind in SIGNED:
        check_signature(directory, name, kind, problems)
    if problems:
        print("\n".join(problems))
        return 1
    print(f"notification payloads OK: {len(teams)} Teams cards valid against Adaptive Card 1.5, "
          f"{len(slack)} Slack messages within limits, {len(SIGNED)} webhook signatures verified")
    return 0


if __name__ == "__main__":
    sys.exit(main())
