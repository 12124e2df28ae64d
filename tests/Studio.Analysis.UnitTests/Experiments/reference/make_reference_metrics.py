#!/usr/bin/python3
"""Reference values for issue 11: ratio metrics (delta method), summary-statistics input, daily cumulative aggregates and
an SRM at p ~ 0.009. Run from this folder: /usr/bin/python3 make_reference_metrics.py

Writes dataset_ratio.csv (variant, visits, converted, revenue: one row per unit, NO unit id and NO assignment time) and
reference_metrics.json. The C# tests (MetricReferenceTests) compare every number to 1e-6 (absolute, or relative above 1).
Conventions (the C# XML comments say the same):
  * ratio metric R = sum(revenue) / sum(visits) per arm; Var(R) = (s_y^2 - 2 R s_xy + R^2 s_x^2) / (n mean_x^2), ddof = 1
    (first-order delta method); difference: z-test and normal CI with Var(R_T) + Var(R_C); relative lift: delta method
  * proportions: statsmodels proportions_ztest / confint_proportions_2indep(wald) / proportion_confint(wilson)
  * means: scipy ttest_ind / ttest_ind_from_stats (equal_var=False), CI with the Welch-Satterthwaite df
  * one Holm family over every metric x treatment: statsmodels multipletests(method="holm")
  * always-valid interval: Howard et al. normal mixture, rho^2 = (-2 ln a + ln(-2 ln a + 1)) / N*, N* = 5000
  * SRM: scipy.stats.chisquare
"""
import csv
import json
import math

import numpy as np
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint, proportions_ztest

ALPHA = 0.05
Z = stats.norm.ppf(1 - ALPHA / 2)
TUNING = 5000.0


def rel_lift(mt, vt, mc, vc):
    ratio = mt / mc
    var = vt / mc ** 2 + mt ** 2 * vc / mc ** 4
    half = Z * math.sqrt(var)
    return {"value": ratio - 1, "low": ratio - 1 - half, "high": ratio - 1 + half}


def welch_from_stats(mt, st, nt, mc, sc, nc):
    t, p = stats.ttest_ind_from_stats(mt, st, nt, mc, sc, nc, equal_var=False)
    vt, vc = st ** 2 / nt, sc ** 2 / nc
    df = (vt + vc) ** 2 / (vt ** 2 / (nt - 1) + vc ** 2 / (nc - 1))
    half = stats.t.ppf(1 - ALPHA / 2, df) * math.sqrt(vt + vc)
    d = mt - mc
    return {"t": float(t), "p": float(p), "df": float(df), "diff": d, "diff_low": d - half, "diff_high": d + half,
            "relative": rel_lift(mt, vt, mc, vc)}


def proportion(xt, nt, xc, nc):
    z, p = proportions_ztest([xt, xc], [nt, nc])
    low, high = confint_proportions_2indep(xt, nt, xc, nc, compare="diff", method="wald")
    pt, pc = xt / nt, xc / nc
    return {"z": float(z), "p": float(p), "diff": pt - pc, "diff_low": float(low), "diff_high": float(high),
            "relative": rel_lift(pt, pt * (1 - pt) / nt, pc, pc * (1 - pc) / nc)}


def always_valid_half(variance, n):
    l = -2 * math.log(ALPHA)
    rho2 = (l + math.log(l + 1)) / TUNING
    s2 = variance * n
    return math.sqrt(s2) * math.sqrt(2 * (n * rho2 + 1) / (n * n * rho2) * math.log(math.sqrt(n * rho2 + 1) / ALPHA))


# ---------------------------------------------------------------- ratio metric on unit rows (no unit id, no time)
rng = np.random.default_rng(2026)
arms = [("control", 900, 2.0, 0.20, 30.0), ("B", 950, 2.3, 0.22, 31.0), ("C", 870, 2.0, 0.20, 36.0)]
rows = []
for variant, n, visit_mean, conv, value in arms:
    visits = rng.poisson(visit_mean, n) + 1
    converted = (rng.random(n) < conv).astype(int)
    revenue = np.round(converted * rng.exponential(value, n) * (0.5 + 0.25 * visits), 2)
    rows += [(variant, int(v), int(c), float(r)) for v, c, r in zip(visits, converted, revenue)]
with open("dataset_ratio.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["variant", "visits", "converted", "revenue"])
    w.writerows(rows)

data = {v: np.array([(r[1], r[2], r[3]) for r in rows if r[0] == v], dtype=float) for v, *_ in arms}


def ratio_stats(a):
    x, y = a[:, 0], a[:, 2]
    n = len(a)
    r = y.sum() / x.sum()
    sx2, sy2 = x.var(ddof=1), y.var(ddof=1)
    sxy = np.cov(x, y, ddof=1)[0, 1]
    var = (sy2 - 2 * r * sxy + r * r * sx2) / (n * x.mean() ** 2)
    return float(r), float(var)


ratio = {"arms": {}, "comparisons": []}
for v in data:
    r, var = ratio_stats(data[v])
    ratio["arms"][v] = {"n": len(data[v]), "ratio": r, "variance": var, "low": r - Z * math.sqrt(var), "high": r + Z * math.sqrt(var)}
raw = []
rc, vc = ratio_stats(data["control"])
for v in ["B", "C"]:
    t, c = data[v], data["control"]
    conv = proportion(int(t[:, 1].sum()), len(t), int(c[:, 1].sum()), len(c))
    conv["metric"], conv["treatment"] = "converted", v
    tt, tp = stats.ttest_ind(t[:, 2], c[:, 2], equal_var=False)
    rev = welch_from_stats(t[:, 2].mean(), t[:, 2].std(ddof=1), len(t), c[:, 2].mean(), c[:, 2].std(ddof=1), len(c))
    assert abs(rev["t"] - tt) < 1e-9
    rev["metric"], rev["treatment"] = "revenue", v
    rt, vt = ratio_stats(t)
    zz = (rt - rc) / math.sqrt(vt + vc)
    rat = {"metric": "revenue / visits", "treatment": v, "z": zz, "p": float(2 * stats.norm.sf(abs(zz))), "diff": rt - rc,
           "diff_low": rt - rc - Z * math.sqrt(vt + vc), "diff_high": rt - rc + Z * math.sqrt(vt + vc), "relative": rel_lift(rt, vt, rc, vc)}
    raw += [conv, rev, rat]
adjusted = multipletests([c["p"] for c in raw], method="holm")[1]
for c, a in zip(raw, adjusted):
    c["adjusted_p"] = float(a)
ratio["comparisons"] = raw
ratio["srm_p"] = float(stats.chisquare([len(data[v]) for v in data]).pvalue)

# ---------------------------------------------------------------- per-arm totals (n, conversions; n, mean, sd)
totals = {
    "arms": [
        {"variant": "control", "n": 20311, "conversions": 2103, "mean": 12.41, "sd": 41.7},
        {"variant": "treatment", "n": 20154, "conversions": 2262, "mean": 13.02, "sd": 44.9},
    ]
}
c, t = totals["arms"]
conv = proportion(t["conversions"], t["n"], c["conversions"], c["n"])
rev = welch_from_stats(t["mean"], t["sd"], t["n"], c["mean"], c["sd"], c["n"])
adj = multipletests([conv["p"], rev["p"]], method="holm")[1]
conv["adjusted_p"], rev["adjusted_p"] = float(adj[0]), float(adj[1])
wl, wh = proportion_confint(t["conversions"], t["n"], method="wilson")
totals["converted"], totals["spend"] = conv, rev
totals["treatment_wilson"] = {"low": float(wl), "high": float(wh)}
totals["srm_p"] = float(stats.chisquare([c["n"], t["n"]]).pvalue)

# ---------------------------------------------------------------- daily cumulative aggregates (n, mean, variance)
rng = np.random.default_rng(7)
days = []
cum = {"control": np.array([]), "treatment": np.array([])}
for d in range(10):
    for v, lift in (("control", 0.0), ("treatment", 1.5)):
        n = int(rng.integers(180, 260))
        cum[v] = np.concatenate([cum[v], rng.gamma(2.0, 10.0 + lift, n)])
    ct, cc = cum["treatment"], cum["control"]
    row = {"day": f"2026-03-{d + 1:02d}"}
    for v in ("control", "treatment"):
        row[v] = {"n": len(cum[v]), "mean": float(cum[v].mean()), "variance": float(cum[v].var(ddof=1))}
    var = ct.var(ddof=1) / len(ct) + cc.var(ddof=1) / len(cc)
    diff = ct.mean() - cc.mean()
    row["lift"] = diff
    row["fixed_half"] = Z * math.sqrt(var)
    row["always_valid_half"] = always_valid_half(var, len(ct) + len(cc))
    days.append(row)
last = days[-1]
daily = {"days": days, "final": welch_from_stats(last["treatment"]["mean"], math.sqrt(last["treatment"]["variance"]), last["treatment"]["n"],
                                                last["control"]["mean"], math.sqrt(last["control"]["variance"]), last["control"]["n"])}
tt, tp = stats.ttest_ind(cum["treatment"], cum["control"], equal_var=False)
assert abs(tt - daily["final"]["t"]) < 1e-8

# ---------------------------------------------------------------- SRM at p ~ 0.009 (49.6 % / 50.4 % of 90,189)
srm_counts = [44700, 45489]
srm = {"counts": srm_counts, "chi2": float(stats.chisquare(srm_counts).statistic), "p": float(stats.chisquare(srm_counts).pvalue)}

with open("reference_metrics.json", "w") as f:
    json.dump({"ratio": ratio, "totals": totals, "daily": daily, "srm": srm}, f, indent=1)
print("srm p", srm["p"], "ratio comparisons", len(raw))
