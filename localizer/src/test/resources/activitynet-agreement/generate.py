"""Writes the agreement fixtures: inputs, and the numbers the official ActivityNet evaluator
computes for them.

Usage: /usr/bin/python3 generate.py DIR_WITH_OFFICIAL_EVAL_DETECTION_PY

README.md in this folder says which evaluator, which patch and which numpy/pandas. This script is
lofi's; it only calls the evaluator (ANETdetection) and writes one CASE.json per case here.
"""
import json
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, sys.argv[1])
from eval_detection import ANETdetection  # noqa: E402

ACTIVITYNET = "0.5:0.95:10"
THUMOS = "0.3:0.7:5"


def thresholds(spec):
    start, stop, num = spec.split(":")
    return np.linspace(float(start), float(stop), int(num))


def gt_file(videos):
    """videos: list of (id, subset, [(label, start, end), ...])."""
    return {"version": "fixture", "taxonomy": [],
            "database": {vid: {"subset": subset, "annotations": [{"label": l, "segment": [s, e]} for l, s, e in anns]}
                         for vid, subset, anns in videos}}


def pred_file(videos):
    """videos: list of (id, [(label, start, end, score), ...])."""
    return {"version": "fixture", "external_data": {},
            "results": {vid: [{"label": l, "score": sc, "segment": [s, e]} for l, s, e, sc in preds]
                        for vid, preds in videos}}


def check_deterministic(detection):
    """numpy's default argsort is stable (then reversed by the evaluator) only up to 16 values; a case
    whose ties fall into a longer array would record numpy's partitioning, not a rule."""
    for cidx in detection.activity_index.values():
        scores = detection.prediction[detection.prediction["label"] == cidx]["score"].values.astype(float)
        if not np.array_equal(scores.argsort(), scores.argsort(kind="stable")):
            return False
    gt = detection.ground_truth
    for (_, _), group in gt.groupby(["label", "video-id"]):
        if len(group) > 16:
            return False
    return True


def official(gt, preds, subset, spec):
    with tempfile.TemporaryDirectory() as tmp:
        gt_path, pred_path = os.path.join(tmp, "gt.json"), os.path.join(tmp, "pred.json")
        with open(gt_path, "w") as f:
            json.dump(gt, f)
        classes = {a["label"] for v in gt["database"].values() if v["subset"] == subset for a in v["annotations"]}
        known = {vid: [p for p in ps if p["label"] in classes] for vid, ps in preds["results"].items()}
        if known != preds["results"]:
            # The evaluator stops on a label it does not know; prove it, then score the file without them.
            with open(pred_path, "w") as f:
                json.dump(preds, f)
            try:
                ANETdetection(gt_path, pred_path, subset=subset, tiou_thresholds=thresholds(spec), check_status=False)
                raise AssertionError("the evaluator accepted an unknown label")
            except KeyError:
                pass
        with open(pred_path, "w") as f:
            json.dump(dict(preds, results=known), f)
        detection = ANETdetection(gt_path, pred_path, subset=subset, tiou_thresholds=thresholds(spec), check_status=False)
        detection.evaluate()
        if not check_deterministic(detection):
            return None
        labels = {cidx: label for label, cidx in detection.activity_index.items()}
        return {"tiou": detection.tiou_thresholds.tolist(),
                "mAP": detection.mAP.tolist(),
                "average_mAP": float(detection.average_mAP),
                "per_class": {labels[c]: detection.ap[:, c].tolist() for c in sorted(labels)}}


def write(name, description, gt, preds, subset="validation", spec=ACTIVITYNET):
    expected = official(gt, preds, subset, spec)
    if expected is None:
        return False
    case = {"description": description, "subset": subset, "tiou": spec,
            "ground_truth": gt, "predictions": preds, "expected": expected}
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(case, f, separators=(",", ":"))
        f.write("\n")
    return True


def hand_made():
    two = [("v1", "validation", [("jump", 10, 20), ("run", 30, 50)]), ("v2", "validation", [("jump", 0, 8)])]
    write("perfect", "every instance predicted exactly", gt_file(two),
          pred_file([("v1", [("jump", 10, 20, 0.9), ("run", 30, 50, 0.8)]), ("v2", [("jump", 0, 8, 0.7)])]))
    write("unmatched-videos", "predictions on a video without ground truth, and on a video of another subset (false positives)",
          gt_file(two + [("t1", "training", [("jump", 0, 10)])]),
          pred_file([("t1", [("jump", 0, 10, 0.95)]), ("v1", [("jump", 10, 20, 0.9), ("run", 31, 50, 0.6)]),
                     ("nowhere", [("jump", 0, 8, 0.85), ("run", 30, 50, 0.99)]), ("v2", [("jump", 1, 8, 0.7)])]))
    write("unknown-labels", "labels not in the ground truth: the evaluator raises KeyError; lofi leaves them out",
          gt_file(two), pred_file([("v1", [("swim", 10, 20, 0.99), ("jump", 10, 20, 0.5), ("Jump", 10, 20, 0.9)]),
                                   ("v2", [("jump", 0, 8, 0.4), ("run", 0, 8, 0.3)])]))
    write("class-without-predictions", "a ground-truth class nobody predicted: AP 0, still in the mean",
          gt_file(two), pred_file([("v1", [("jump", 10, 20, 0.9)]), ("v2", [("jump", 2, 9, 0.8)])]))
    write("empty-predictions", "a prediction file with no result at all", gt_file(two), pred_file([]))
    write("empty-videos", "subset videos without annotations, a video of no subset (null), a video with an empty prediction list",
          {"version": "fixture", "taxonomy": [], "database": {
              "v1": {"subset": "validation", "annotations": [{"label": "jump", "segment": [5, 15]}]},
              "v2": {"subset": "validation", "annotations": []},
              "v3": {"subset": None, "annotations": [{"label": "jump", "segment": [0, 4]}]},
              "v4": {"subset": "testing", "annotations": []}}},
          pred_file([("v2", [("jump", 5, 15, 0.9)]), ("v1", [("jump", 5, 14, 0.8)]), ("v3", [("jump", 0, 4, 0.7)]), ("v4", [])]))
    write("score-ties", "equal scores across and within videos, -0.0 against 0.0: the later prediction ranks first",
          gt_file([("v1", "validation", [("jump", 0, 10), ("jump", 20, 30)]), ("v2", "validation", [("jump", 0, 10)])]),
          pred_file([("v1", [("jump", 0, 10, 0.5), ("jump", 40, 50, 0.5), ("jump", 20, 30, 0.0), ("jump", 60, 61, -0.0)]),
                     ("v2", [("jump", 50, 60, 0.5), ("jump", 0, 10, 0.5), ("jump", 1, 2, 0.5)]),
                     ("v3", [("jump", 0, 10, 0.5)])]))
    write("tiou-ties", "a prediction overlapping two instances equally takes the later one",
          gt_file([("v1", "validation", [("jump", 0, 4), ("jump", 6, 10), ("jump", 20, 24), ("jump", 26, 30)])]),
          pred_file([("v1", [("jump", 2, 8, 0.9), ("jump", 6, 10, 0.8), ("jump", 22, 28, 0.7), ("jump", 20, 24, 0.6)])]),
          spec="0.2:0.6:3")
    write("zero-length", "zero-length instances and predictions: two empty intervals match at every threshold (0/0 is NaN in the evaluator)",
          gt_file([("v1", "validation", [("jump", 5, 5), ("jump", 10, 20), ("run", 3, 3)]),
                   ("v2", "validation", [("run", 0, 10)])]),
          pred_file([("v1", [("jump", 7, 7, 0.9), ("jump", 12, 12, 0.8), ("run", 40, 40, 0.6), ("jump", 10, 20, 0.5)]),
                     ("v2", [("run", 5, 5, 0.95), ("run", 0, 10, 0.1)])]))
    write("duplicates", "the same prediction several times and the same instance twice",
          gt_file([("v1", "validation", [("jump", 0, 10), ("jump", 0, 10), ("jump", 30, 40)])]),
          pred_file([("v1", [("jump", 0, 10, 0.9), ("jump", 0, 10, 0.9), ("jump", 0, 10, 0.9), ("jump", 31, 40, 0.8),
                             ("jump", 31, 40, 0.8)])]))
    write("taken-instance", "a prediction whose best instance is taken falls to the next one above the threshold",
          gt_file([("v1", "validation", [("jump", 0, 10), ("jump", 1, 11), ("jump", 3, 13)])]),
          pred_file([("v1", [("jump", 0, 10, 0.9), ("jump", 0, 10, 0.8), ("jump", 0, 10, 0.7), ("jump", 0, 10, 0.6)])]))
    write("thumos-protocol", "THUMOS14 thresholds 0.3:0.7:5 on the test subset",
          gt_file([("video_test_1", "test", [("CliffDiving", 10, 14), ("Diving", 10, 14), ("CliffDiving", 30, 33.5)]),
                   ("video_test_2", "test", [("Diving", 1.5, 3.2)])]),
          pred_file([("video_test_1", [("CliffDiving", 10.5, 14.5, 0.8), ("Diving", 9, 13, 0.7), ("CliffDiving", 29, 31, 0.6)]),
                     ("video_test_2", [("Diving", 1.6, 3.0, 0.9), ("Diving", 1.5, 3.2, 0.2)])]),
          subset="test", spec=THUMOS)
    write("threshold-extremes", "thresholds 0 (any prediction in the video matches, even disjoint) to 1 (identical only)",
          gt_file([("v1", "validation", [("jump", 0, 10), ("jump", 50, 60)])]),
          pred_file([("v1", [("jump", 80, 90, 0.9), ("jump", 0, 10, 0.8), ("jump", 51, 60, 0.7)])]), spec="0:1:11")


def random_case(rng, index, ties, large):
    labels = [f"action {i}" for i in range(int(rng.integers(2, 6)))]
    videos, gt_index = [], {}
    for v in range(int(rng.integers(30, 40) if large else rng.integers(4, 12))):
        subset = "validation" if rng.random() < 0.8 else "training"
        anns = []
        for _ in range(int(rng.integers(0, 5))):
            start = float(rng.integers(0, 60))
            length = 0.0 if rng.random() < 0.05 else float(rng.integers(1, 30))
            anns.append((str(rng.choice(labels)), start, start + length))
            if rng.random() < 0.05:
                anns.append(anns[-1])
        videos.append((f"v{v}", subset, anns))
        gt_index[f"v{v}"] = anns
    if not any(anns for _, subset, anns in videos if subset == "validation"):
        return False  # no class to evaluate: the evaluator fails (Parallel(n_jobs=0)), lofi refuses the file
    ids = list(gt_index) + [f"extra{i}" for i in range(int(rng.integers(0, 3)))]
    scores = [0.1, 0.25, 0.5, 0.75, 0.9] if ties else None
    preds = []
    for vid in ids:
        out = []
        for _ in range(int(rng.integers(0, 9 if large else 6))):
            anns = gt_index.get(vid, [])
            if anns and rng.random() < 0.7:
                label, s, e = anns[int(rng.integers(len(anns)))]
                if rng.random() < 0.15:
                    label = str(rng.choice(labels))
                s, e = s + float(rng.integers(-3, 4)), e + float(rng.integers(-3, 4))
                s, e = min(s, e), max(s, e)
            else:
                label = str(rng.choice(labels))
                s = float(rng.integers(0, 60))
                e = s + (0.0 if rng.random() < 0.05 else float(rng.integers(1, 30)))
            if rng.random() < 0.05:
                label = "not in ground truth"
            score = float(rng.choice(scores)) if ties else round(float(rng.random()), 6)
            out.append((label, s, e, score))
            if rng.random() < 0.05:
                out.append(out[-1])
        preds.append((vid, out))
    order = rng.permutation(len(preds))
    preds = [preds[i] for i in order]
    spec = [ACTIVITYNET, THUMOS, "0.1:0.9:9"][index % 3]
    kind = "large" if large else "ties" if ties else "distinct"
    return write(f"random-{kind}-{index:02d}",
                 f"random: {len(videos)} videos, {len(labels)} classes, scores {'from five values' if ties else 'mostly distinct'}",
                 gt_file(videos), pred_file(preds), spec=spec)


def random_cases(count, ties, seed, large=False):
    rng = np.random.default_rng(seed)
    written = 0
    while written < count:
        if random_case(rng, written, ties, large):
            written += 1


if __name__ == "__main__":
    for name in os.listdir(HERE):
        if name.endswith(".json"):
            os.remove(os.path.join(HERE, name))
    hand_made()
    random_cases(10, ties=True, seed=5)
    random_cases(4, ties=False, seed=6)
    random_cases(1, ties=False, seed=7, large=True)
