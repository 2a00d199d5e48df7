"""scikit-learn oracle for org.musicoder.eval tests (run by Debian's /usr/bin/python3 with python3-sklearn).

Usage: sklearn_metrics.py tags SCORES.npy LABELS.npy
       sklearn_metrics.py genre PREDICTED_OR_SCORES.npy TRUTH.npy CLASSES
       sklearn_metrics.py logreg TRAIN_X.npy TRAIN_Y.npy TEST_X.npy C

tags: scores and labels are clips x tags; labels 0/1. Prints
  roc  <one value per tag>       roc_auc_score of the column, NaN when the column has one class (sklearn raises)
  ap   <one value per tag>       average_precision_score of the column, NaN under the same rule
  macro_roc <v>  macro_ap <v>    roc_auc_score / average_precision_score(average='macro') on the columns that
                                 have both classes (the project's undefined-tag rule), NaN if there is none
genre: predicted is 1-d class ids, or clips x classes scores (numpy's argmax per clip); truth is 1-d class ids.
Prints "accuracy <v>" (accuracy_score) and "confusion <row-major counts>" (confusion_matrix(truth, predicted,
labels=range(CLASSES))).
logreg: the hand-crafted baseline's classifier, StandardScaler fitted on TRAIN_X then LogisticRegression(C=C,
solver lbfgs, tol 1e-12, max_iter 100000: the optimum, not sklearn's early stop). Prints "proba <row-major
TEST_X class probabilities>" and "predict <class ids>".
Values are printed with repr (17 significant digits), NaN as NaN.
"""
import sys

import numpy as np
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix,
                             roc_auc_score)


def fmt(values):
    return " ".join("NaN" if np.isnan(v) else repr(float(v)) for v in values)


def tags(scores_path, labels_path):
    s = np.load(scores_path)
    y = np.load(labels_path).astype(int)
    both = [j for j in range(y.shape[1]) if 0 < y[:, j].sum() < y.shape[0]]
    roc = [roc_auc_score(y[:, j], s[:, j]) if j in both else np.nan for j in range(y.shape[1])]
    ap = [average_precision_score(y[:, j], s[:, j]) if j in both else np.nan for j in range(y.shape[1])]
    print("roc", fmt(roc))
    print("ap", fmt(ap))
    if len(both) == 0:
        macro_roc = macro_ap = np.nan
    elif len(both) == 1:
        # one column is a binary problem for sklearn; its macro mean is the column's value
        macro_roc = roc_auc_score(y[:, both[0]], s[:, both[0]], average="macro")
        macro_ap = average_precision_score(y[:, both[0]], s[:, both[0]], average="macro")
    else:
        macro_roc = roc_auc_score(y[:, both], s[:, both], average="macro")
        macro_ap = average_precision_score(y[:, both], s[:, both], average="macro")
    print("macro_roc", fmt([macro_roc]))
    print("macro_ap", fmt([macro_ap]))


def genre(predicted_path, truth_path, classes):
    p = np.load(predicted_path)
    p = (p.argmax(axis=1) if p.ndim == 2 else p).astype(int)
    t = np.load(truth_path).astype(int)
    print("accuracy", fmt([accuracy_score(t, p)]))
    print("confusion", " ".join(str(c) for c in confusion_matrix(t, p, labels=list(range(classes))).ravel()))


def logreg(train_x, train_y, test_x, c):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x, y, t = np.load(train_x), np.load(train_y).astype(int), np.load(test_x)
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, solver="lbfgs", tol=1e-12, max_iter=100000).fit(scaler.transform(x), y)
    print("proba", fmt(model.predict_proba(scaler.transform(t)).ravel()))
    print("predict", " ".join(str(v) for v in model.predict(scaler.transform(t))))


if __name__ == "__main__":
    if sys.argv[1] == "tags":
        tags(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "logreg":
        logreg(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    elif sys.argv[1] == "genre":
        genre(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit("unknown mode " + sys.argv[1])
