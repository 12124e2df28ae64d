"""Reference metric values from scikit-learn for Studio.Ml's Evaluation tests.

Run: /usr/bin/python3 make_reference.py > metrics.json   (Debian 12: apt-get install -y python3-sklearn)
The inputs are generated here (seeded) and written next to the expected values, so the C# test needs no Python.
Scores are rounded to 2 decimals so that ties occur (AUC must use average ranks).
"""
import json
import numpy as np
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve

rng = np.random.default_rng(20261128)

# Binary: 400 rows, scores on a 0.01 grid (many ties), labels correlated with scores.
n = 400
scores = np.round(np.clip(rng.beta(2, 5, n) + 0.0, 0.01, 0.99), 2)
labels = (rng.random(n) < scores * 1.3).astype(int)
threshold = 0.35
pred = (scores >= threshold).astype(int)
fpr, tpr, roc_thr = metrics.roc_curve(labels, scores, drop_intermediate=False)
prec, rec, pr_thr = metrics.precision_recall_curve(labels, scores)
prob_true, prob_pred = calibration_curve(labels, scores, n_bins=10, strategy="uniform")
tn, fp, fn, tp = metrics.confusion_matrix(labels, pred).ravel()
binary = {
    "labels": labels.tolist(),
    "scores": scores.tolist(),
    "threshold": threshold,
    "auc": metrics.roc_auc_score(labels, scores),
    "log_loss": metrics.log_loss(labels, scores),
    "accuracy": metrics.accuracy_score(labels, pred),
    "precision": metrics.precision_score(labels, pred),
    "recall": metrics.recall_score(labels, pred),
    "f1": metrics.f1_score(labels, pred),
    "average_precision": metrics.average_precision_score(labels, scores),
    "confusion": {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)},
    # roc_curve's first point uses a threshold above every score; compare rates only.
    "roc_fpr": fpr.tolist(),
    "roc_tpr": tpr.tolist(),
    # precision_recall_curve lists thresholds ascending and ends with (recall 0, precision 1); Studio lists
    # descending thresholds without that end point, so reverse and drop it here.
    "pr_thresholds": pr_thr[::-1].tolist(),
    "pr_precision": prec[:-1][::-1].tolist(),
    "pr_recall": rec[:-1][::-1].tolist(),
    "calibration_prob_true": prob_true.tolist(),
    "calibration_prob_pred": prob_pred.tolist(),
}

# Multi-class: 300 rows, 5 classes, continuous probabilities (no ties).
k = 5
m = 300
logits = rng.normal(size=(m, k))
probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
truth = np.array([rng.choice(k, p=p) for p in probabilities])
predicted = probabilities.argmax(axis=1)
multiclass = {
    "labels": truth.tolist(),
    "probabilities": probabilities.tolist(),
    "log_loss": metrics.log_loss(truth, probabilities, labels=list(range(k))),
    "accuracy": metrics.accuracy_score(truth, predicted),
    "top2_accuracy": metrics.top_k_accuracy_score(truth, probabilities, k=2, labels=list(range(k))),
    "top3_accuracy": metrics.top_k_accuracy_score(truth, probabilities, k=3, labels=list(range(k))),
    "confusion": metrics.confusion_matrix(truth, predicted, labels=list(range(k))).tolist(),
}

# Regression: 250 rows.
r = 250
actual = rng.normal(100, 25, r)
prediction = actual + rng.normal(0, 10, r)
regression = {
    "actual": actual.tolist(),
    "predicted": prediction.tolist(),
    "rmse": float(np.sqrt(metrics.mean_squared_error(actual, prediction))),
    "mae": metrics.mean_absolute_error(actual, prediction),
    "r2": metrics.r2_score(actual, prediction),
}

print(json.dumps({"sklearn_version": sklearn.__version__, "binary": binary, "multiclass": multiclass,
                  "regression": regression}, indent=1))
