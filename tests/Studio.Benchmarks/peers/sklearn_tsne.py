#!/usr/bin/python3
"""scikit-learn's t-SNE on the same points as Studio's projection benchmark (run by ProjectionBenchmarks.cs).

usage: sklearn_tsne.py POINTS.f64 ROWS COLUMNS
POINTS.f64 holds ROWS x COLUMNS little-endian float64 values, row-major. Prints one JSON line with the fit's wall time,
the process CPU time of the fit, and trustworthiness at k = 10 (computed outside the timed region).
Settings match Studio's defaults: 2-D, perplexity 30, 1000 iterations, early exaggeration 12, learning rate "auto",
PCA initialisation, Barnes-Hut with angle 0.5.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.manifold import TSNE, trustworthiness

path, rows, columns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x = np.fromfile(path, dtype="<f8").reshape(rows, columns)

wall, cpu = time.perf_counter(), time.process_time()
embedding = TSNE(n_components=2, perplexity=30.0, n_iter=1000, early_exaggeration=12.0, learning_rate="auto",
                 init="pca", method="barnes_hut", angle=0.5, random_state=1).fit_transform(x)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

print(json.dumps({
    "version": sklearn.__version__,
    "seconds": wall,
    "cpu_seconds": cpu,
    "trustworthiness": float(trustworthiness(x, embedding, n_neighbors=10)),
}))
