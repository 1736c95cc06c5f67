#!/usr/bin/env python3
"""Runs shared/eval/score.py on a built advisor and fails below the acceptance bars of issue 2."""
import json, os, subprocess, sys, tempfile

BARS = {"intent_acc": 0.95, "slot_acc": 0.95, "fact_rate": 0.95, "dialogue_turn_acc": 0.90,
        "oos_precision": 0.90, "oos_recall": 0.90}

def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/advisor"
    here = os.path.dirname(os.path.abspath(__file__))
    score = os.path.join(here, "..", "..", "shared", "eval", "score.py")
    if not os.path.exists(score):
        print(f"score_gate: {score} not found (shared/ must sit beside the repository)")
        return 1
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run = subprocess.run([sys.executable, score, binary, "--json-out", out.name], capture_output=True, text=True)
        print(run.stdout.strip())
        if run.returncode != 0:
            print(run.stderr[-2000:])
            return 1
        summary = json.load(open(out.name))["summary"]
    failed = [f"{k} {summary.get(k) or 0:.3f} < {bar}" for k, bar in BARS.items() if (summary.get(k) or 0) < bar]
    if failed:
        print("score_gate: below the bars: " + "; ".join(failed))
        return 1
    print("score_gate: all bars met")
    return 0

if __name__ == "__main__":
    sys.exit(main())
