"""scikit-learn peers of `bench bank` on exactly the same split (written by `bench bank --split-out split.json`).

Run: /usr/bin/python3 bank_sklearn.py bank-full.csv split.json   (Debian 12: apt-get install -y python3-sklearn)
Features as in the benchmark: duration dropped, pdays = -1 treated as missing. Trees get the validation rows as
extra training rows (they early-stop on their own internal split); logistic regression is one-hot + standardized.
"""
import csv
import json
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["job", "marital", "education", "default", "housing", "loan", "contact", "month", "poutcome"]
NUMERIC = ["age", "balance", "day", "campaign", "pdays", "previous"]

with open(sys.argv[1], newline="") as f:
    rows = list(csv.DictReader(f, delimiter=";"))
split = json.load(open(sys.argv[2]))
fit_rows = np.array(split["train"] + split["validation"])
test_rows = np.array(split["test"])

y = np.array([r["y"] == "yes" for r in rows], dtype=int)
cat = np.array([[r[c] for c in CATEGORICAL] for r in rows])
num = np.array([[float(r[c]) for c in NUMERIC] for r in rows])
pdays = NUMERIC.index("pdays")
num_nan = num.copy()
num_nan[num_nan[:, pdays] < 0, pdays] = np.nan

codes = np.zeros(cat.shape)
for j in range(cat.shape[1]):
    _, codes[:, j] = np.unique(cat[:, j], return_inverse=True)
x_tree = np.hstack([codes, num_nan])
results = {}
for name, params in [("trees (HistGradientBoosting, defaults)", {"random_state": 42}),
                     ("trees (HistGradientBoosting, lr 0.05, 500 iters, early stop)",
                      {"learning_rate": 0.05, "max_iter": 500, "early_stopping": True, "random_state": 42})]:
    model = HistGradientBoostingClassifier(categorical_features=list(range(len(CATEGORICAL))), **params)
    model.fit(x_tree[fit_rows], y[fit_rows])
    results[name] = roc_auc_score(y[test_rows], model.predict_proba(x_tree[test_rows])[:, 1])

one_hot = OneHotEncoder(handle_unknown="ignore").fit(cat[fit_rows])
scaler = StandardScaler().fit(num[fit_rows])
x_lr = lambda idx: np.hstack([one_hot.transform(cat[idx]).toarray(), scaler.transform(num[idx])])
lr = LogisticRegression(max_iter=2000).fit(x_lr(fit_rows), y[fit_rows])
results["logistic regression (one-hot + standardized)"] = roc_auc_score(y[test_rows], lr.predict_proba(x_lr(test_rows))[:, 1])
for name, auc in results.items():
    print(f"{name:62s} test AUC {auc:.4f}")
