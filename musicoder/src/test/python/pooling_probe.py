#!/usr/bin/python3
"""Linear probe on pooled hidden states of an encoder (the PyTorch twin) and on CMVN-surviving clip statistics:
scikit-learn's LogisticRegression on standardised inputs, C chosen on validation, demo corpus split
(docs/finetuning-and-tables.md).

  pooling_probe.py FEATURES_DIR LABELS_CSV [MODEL.safetensors ...]

FEATURES_DIR holds `bin/musicoder features` output (per-clip CMVN) of the 94 demo clips, <clip>.npy each; LABELS_CSV
is datasets/src/main/resources/org/musicoder/datasets/demo/labels.csv. Without a model: the statistics' probe."""
import csv, json, os, sys
import numpy as np, torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from twin import MusiCoderTwin, read_safetensors
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

rows = list(csv.DictReader(open(sys.argv[2])))
X = {r["clip"]: np.load(os.path.join(sys.argv[1], r["clip"] + ".npy")) for r in rows}

def fit(feats, name):
    sp = {s: [r for r in rows if r["split"] == s] for s in ("train", "validation", "test")}
    get = lambda s: (np.stack([feats[r["clip"]] for r in sp[s]]), [r["class"] for r in sp[s]])
    (a, ya), (b, yb), (c, yc) = get("train"), get("validation"), get("test")
    sc = StandardScaler().fit(a)
    best = None
    for C in (0.01, 0.1, 1, 10):
        m = LogisticRegression(C=C, max_iter=5000).fit(sc.transform(a), ya)
        v = m.score(sc.transform(b), yb)
        if best is None or v > best[0]:
            best = (v, C, m.score(sc.transform(c), yc))
    print(f"{name:40s} C {best[1]:<5} val {best[0]:.2f} test {best[2]:.2f}")

def stats(x):
    d = np.abs(np.diff(x, axis=0)).mean(0)
    return np.concatenate([d, ((x - x.mean(0)) ** 3).mean(0), ((x - x.mean(0)) ** 4).mean(0)])

if len(sys.argv) == 3:
    fit({k: stats(v) for k, v in X.items()}, "CMVN-surviving stats")
for path in sys.argv[3:]:
    tensors, meta = read_safetensors(path)
    net = MusiCoderTwin(json.loads(meta["config"]))
    net.load_state_dict(tensors, strict=True)
    net.eval()
    layers = {}
    with torch.no_grad():
        for k, v in X.items():
            x = torch.from_numpy(v.astype(np.float32))[None]
            h = net.encode(x)[0].numpy()
            layers[k] = h
    fit({k: h.mean(0) for k, h in layers.items()}, path[-30:] + " mean")
    fit({k: np.concatenate([h.mean(0), h.std(0)]) for k, h in layers.items()}, path[-30:] + " mean+std")
    fit({k: np.concatenate([h.mean(0), h.std(0), stats(h)]) for k, h in layers.items()}, path[-30:] + " mean+std+stats")
