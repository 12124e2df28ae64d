#!/usr/bin/python3
"""Reference PCA for tests/Studio.Ml.UnitTests/Projections/PcaTests.cs, computed with numpy's SVD.

Run offline (tests never call Python):  /usr/bin/python3 make_pca_reference.py > pca_reference.json
Debian 12: apt-get install -y python3-numpy (numpy 1.24.2).
"""
import json
import sys

import numpy as np

rng = np.random.default_rng(61)
n, d, k = 300, 8, 3
# Correlated columns with distinct variances, so the axes are well defined.
mixing = rng.normal(size=(d, d)) * np.linspace(3.0, 0.2, d)[:, None]
x = rng.normal(size=(n, d)) @ mixing + rng.normal(size=d) * 5

mean = x.mean(axis=0)
u, s, vh = np.linalg.svd(x - mean, full_matrices=False)
# Same sign convention as Studio: each axis's largest-magnitude loading is positive.
signs = np.sign(vh[np.arange(len(vh)), np.abs(vh).argmax(axis=1)])
vh = vh * signs[:, None]
u = u * signs
squared = s ** 2

json.dump({
    "generator": f"numpy {np.__version__} linalg.svd",
    "rows": n, "columns": d, "components": k,
    "data": x.ravel().tolist(),
    "axes": vh[:k].ravel().tolist(),
    "explained_variance": (squared[:k] / (n - 1)).tolist(),
    "explained_variance_ratio": (squared[:k] / squared.sum()).tolist(),
    "coordinates": (u[:, :k] * s[:k]).ravel().tolist(),
}, sys.stdout)
