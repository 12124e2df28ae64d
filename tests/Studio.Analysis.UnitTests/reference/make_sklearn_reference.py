#!/usr/bin/python3
"""Reference values from scikit-learn for the clustering and projection-quality tests.

Run offline (tests never call Python):  /usr/bin/python3 make_sklearn_reference.py > sklearn_reference.json
Debian 12: apt-get install -y python3-sklearn python3-numpy (scikit-learn 1.2.1, numpy 1.24.2).
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.manifold import trustworthiness
from sklearn.metrics import adjusted_rand_score, silhouette_score

rng = np.random.default_rng(20261128)

# Adjusted Rand index: two imperfect labelings of 40 items (different label sets and cluster counts).
truth = rng.integers(0, 4, size=40)
predicted = truth.copy()
flip = rng.choice(40, size=12, replace=False)
predicted[flip] = rng.integers(0, 5, size=12)
predicted = predicted * 7 + 3  # arbitrary label values: ARI depends on the partition only

# Silhouette: 30 points in 3 dims, 3 overlapping groups.
centres = np.array([[0.0, 0.0, 0.0], [2.0, 1.0, 0.0], [0.5, 2.5, 1.0]])
sil_labels = np.repeat([0, 1, 2], 10)
sil_points = centres[sil_labels] + rng.normal(scale=0.8, size=(30, 3))

# Trustworthiness: 40 points in 6 dims and a distorted 2-D view of them, k = 5.
tw_points = rng.normal(size=(40, 6))
tw_embedded = tw_points[:, :2] + rng.normal(scale=0.5, size=(40, 2))

json.dump({
    "generator": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    "ari": {
        "truth": truth.tolist(), "predicted": predicted.tolist(),
        "value": adjusted_rand_score(truth, predicted),
    },
    "silhouette": {
        "points": sil_points.tolist(), "labels": sil_labels.tolist(),
        "euclidean": silhouette_score(sil_points, sil_labels, metric="euclidean"),
        "cosine": silhouette_score(sil_points, sil_labels, metric="cosine"),
    },
    "trustworthiness": {
        "points": tw_points.tolist(), "embedded": tw_embedded.tolist(), "k": 5,
        "value": trustworthiness(tw_points, tw_embedded, n_neighbors=5),
        "cosine": trustworthiness(tw_points, tw_embedded, n_neighbors=5, metric="cosine"),
    },
}, sys.stdout, indent=1)
