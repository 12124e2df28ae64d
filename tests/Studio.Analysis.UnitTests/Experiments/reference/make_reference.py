#!/usr/bin/python3
"""Reference values for the experiment statistics engine (Studio.Analysis.Experiments).

Writes small fixed datasets (dataset_*.csv, numpy seed fixed) and, for each, the statistics computed by
scipy / statsmodels / numpy into reference_*.json. The C# unit tests load both and compare every number to 1e-6
(absolute, or relative for values above 1). Run from this folder with Debian's python (apt python3-scipy python3-statsmodels):  /usr/bin/python3 make_reference.py
Conventions match the C# code (see the XML comments there):
  * conversion CI per arm: statsmodels proportion_confint (wilson and normal)
  * z-test: statsmodels proportions_ztest (pooled SE); difference CI: confint_proportions_2indep wald (unpooled)
  * relative lift: delta method, computed here by its formula with numpy
  * revenue: scipy ttest_ind(equal_var=False); CI with the Welch-Satterthwaite df t quantile; per-arm t interval
  * SRM: scipy.stats.chisquare against the intended split
  * CUPED: numpy, theta pooled over all arms, Y' = Y - theta (X - mean X)
  * Bayesian conversion: Beta(1+x, 1+n-x), P(T>C) and expected losses with scipy.integrate.quad
  * multiple testing: statsmodels multipletests holm and fdr_bh
  * power: statsmodels NormalIndPower.power (solved by brentq) + proportion_effectsize (Cohen's h)
"""
import csv
import json
import math
from datetime import datetime, timedelta, timezone

import numpy as np
from scipy import integrate, optimize, stats
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_confint,
                                          proportion_effectsize, proportions_ztest)

ALPHA = 0.05
TUNING = 5000.0
Z = stats.norm.ppf(1 - ALPHA / 2)

DATASETS = {
    # name: (seed, arms [(variant, n, conversion rate, revenue scale, lift in pre-covariate slope)], split weights)
    "two_arm": (11, [("control", 412, 0.10, 20.0), ("treatment", 437, 0.135, 23.0)], {"control": 1, "treatment": 1}),
    "three_arm": (23, [("control", 305, 0.20, 10.0), ("B", 128, 0.24, 11.0), ("C", 161, 0.17, 9.5)], {"control": 2, "B": 1, "C": 1}),
    "tiny": (37, [("control", 25, 0.12, 5.0), ("treatment", 31, 0.25, 6.0)], {"control": 1, "treatment": 1}),
}
COUNTRIES = ["DE", "FR", "US", "GB", "NL"]


def make_dataset(name, seed, arms):
    rng = np.random.default_rng(seed)
    start = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    rows = []
    uid = 0
    for variant, n, rate, scale in arms:
        pre = rng.gamma(2.0, scale / 2.0, size=n).round(4)
        converted = (rng.random(n) < rate + 0.002 * (pre - scale)).astype(int)
        revenue = np.where(converted == 1, (0.6 * pre + rng.exponential(scale, size=n)).round(2), 0.0)
        country = rng.choice(COUNTRIES, size=n, p=[0.35, 0.25, 0.2, 0.15, 0.05])
        for i in range(n):
            uid += 1
            rows.append({"unit_id": f"{name}-u{uid:05d}", "variant": variant, "converted": int(converted[i]),
                         "revenue": float(revenue[i]), "pre_covariate": float(pre[i]), "country": str(country[i])})
    order = rng.permutation(len(rows))
    rows = [rows[i] for i in order]
    seconds = np.sort(rng.uniform(0, 7 * 86400, size=len(rows)))
    for row, s in zip(rows, seconds):
        row["assigned_at"] = (start + timedelta(seconds=float(round(s)))).isoformat()
    with open(f"dataset_{name}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["unit_id", "variant", "assigned_at", "converted", "revenue", "pre_covariate", "country"])
        w.writeheader()
        w.writerows(rows)
    return rows


def welch(yt, yc):
    t, p = stats.ttest_ind(yt, yc, equal_var=False)
    vt, vc = yt.var(ddof=1) / len(yt), yc.var(ddof=1) / len(yc)
    df = (vt + vc) ** 2 / (vt ** 2 / (len(yt) - 1) + vc ** 2 / (len(yc) - 1))
    se = math.sqrt(vt + vc)
    diff = yt.mean() - yc.mean()
    q = stats.t.ppf(1 - ALPHA / 2, df)
    return {"t": t, "df": df, "p": p, "diff": diff, "low": diff - q * se, "high": diff + q * se}


def delta_relative(mt, vmt, mc, vmc):
    r = mt / mc - 1
    var = vmt / mc ** 2 + mt ** 2 * vmc / mc ** 4
    return {"value": r, "low": r - Z * math.sqrt(var), "high": r + Z * math.sqrt(var)}


def beta_binomial(xt, nt, xc, nc):
    at, bt, ac, bc = 1 + xt, 1 + nt - xt, 1 + xc, 1 + nc - xc
    ft = stats.beta(at, bt)
    fc = stats.beta(ac, bc)
    prob = integrate.quad(lambda t: ft.pdf(t) * fc.cdf(t), 0, 1, epsabs=1e-13, epsrel=1e-12, limit=200)[0]
    # expected loss of shipping treatment: E[max(pC - pT, 0)] as a double integral (inner quad over pC)
    inner = lambda t: integrate.quad(lambda c: (c - t) * fc.pdf(c), t, 1, epsabs=1e-13, epsrel=1e-12, limit=200)[0]
    loss_t = integrate.quad(lambda t: ft.pdf(t) * inner(t), 0, 1, epsabs=1e-13, epsrel=1e-12, limit=200)[0]
    inner_c = lambda c: integrate.quad(lambda t: (t - c) * ft.pdf(t), c, 1, epsabs=1e-13, epsrel=1e-12, limit=200)[0]
    loss_c = integrate.quad(lambda c: fc.pdf(c) * inner_c(c), 0, 1, epsabs=1e-13, epsrel=1e-12, limit=200)[0]
    return {"probability": prob, "loss_treatment": loss_t, "loss_control": loss_c}


def bayes_normal(yt, yc):
    d = yt.mean() - yc.mean()
    s = math.sqrt(yt.var(ddof=1) / len(yt) + yc.var(ddof=1) / len(yc))
    prob = stats.norm.cdf(d / s)
    # E[max(-D,0)] and E[max(D,0)] for D ~ N(d, s^2), by quadrature of the normal density
    loss_t = integrate.quad(lambda x: max(-x, 0) * stats.norm.pdf(x, d, s), d - 40 * s, d + 40 * s, points=[0.0], limit=200)[0]
    loss_c = integrate.quad(lambda x: max(x, 0) * stats.norm.pdf(x, d, s), d - 40 * s, d + 40 * s, points=[0.0], limit=200)[0]
    return {"probability": prob, "loss_treatment": loss_t, "loss_control": loss_c}


def cuped(y_all, x_all, arms_idx, t, c):
    theta = np.cov(y_all, x_all, ddof=1)[0, 1] / x_all.var(ddof=1)
    adj = y_all - theta * (x_all - x_all.mean())
    at, ac = adj[arms_idx == t], adj[arms_idx == c]
    rt, rc = y_all[arms_idx == t], y_all[arms_idx == c]
    var_adj = at.var(ddof=1) / len(at) + ac.var(ddof=1) / len(ac)
    var_raw = rt.var(ddof=1) / len(rt) + rc.var(ddof=1) / len(rc)
    diff = at.mean() - ac.mean()
    z = diff / math.sqrt(var_adj)
    rel = delta_relative(at.mean(), at.var(ddof=1) / len(at), ac.mean(), ac.var(ddof=1) / len(ac))
    return {"theta": theta, "treatment_mean": at.mean(), "control_mean": ac.mean(), "diff": diff,
            "low": diff - Z * math.sqrt(var_adj), "high": diff + Z * math.sqrt(var_adj),
            "z": z, "p": 2 * stats.norm.sf(abs(z)), "variance_reduction": 1 - var_adj / var_raw, "relative": rel}


def sequential_halfwidth(variance, n):
    rho2 = (-2 * math.log(ALPHA) + math.log(-2 * math.log(ALPHA) + 1)) / TUNING
    s2 = variance * n
    return math.sqrt(s2) * math.sqrt(2 * (n * rho2 + 1) / (n ** 2 * rho2) * math.log(math.sqrt(n * rho2 + 1) / ALPHA))


def reference(name, rows, arms, split):
    variants = [a[0] for a in arms]
    v = np.array([r["variant"] for r in rows])
    conv = np.array([r["converted"] for r in rows], dtype=float)
    rev = np.array([r["revenue"] for r in rows], dtype=float)
    pre = np.array([r["pre_covariate"] for r in rows], dtype=float)
    idx = np.array([variants.index(x) for x in v])
    out = {"dataset": f"dataset_{name}.csv", "control": variants[0], "split": split, "alpha": ALPHA, "tuning": TUNING,
           "arms": [], "comparisons": []}
    for k, variant in enumerate(variants):
        y, r = conv[idx == k], rev[idx == k]
        n, x = len(y), int(y.sum())
        wl, wh = proportion_confint(x, n, alpha=ALPHA, method="wilson")
        nl, nh = proportion_confint(x, n, alpha=ALPHA, method="normal")
        tl, th = stats.t.interval(1 - ALPHA, n - 1, loc=r.mean(), scale=stats.sem(r))
        out["arms"].append({"variant": variant, "n": n, "conversions": x, "rate": x / n, "wilson_low": wl, "wilson_high": wh,
                            "normal_low": nl, "normal_high": nh, "revenue_mean": r.mean(), "revenue_sd": r.std(ddof=1),
                            "revenue_low": tl, "revenue_high": th})
    counts = [int((idx == k).sum()) for k in range(len(variants))]
    weights = np.array([split[x] for x in variants], dtype=float)
    chi2, p = stats.chisquare(counts, f_exp=np.array(counts).sum() * weights / weights.sum())
    out["srm"] = {"chi2": chi2, "p": p}
    pvalues = []
    for k in range(1, len(variants)):
        yt, yc = conv[idx == k], conv[idx == 0]
        xt, nt, xc, nc = int(yt.sum()), len(yt), int(yc.sum()), len(yc)
        z, pz = proportions_ztest([xt, xc], [nt, nc])
        dl, dh = confint_proportions_2indep(xt, nt, xc, nc, method="wald", compare="diff", alpha=ALPHA)
        pt, pc = xt / nt, xc / nc
        conversion = {"metric": "Conversion", "treatment": variants[k], "z": z, "p": pz, "diff": pt - pc, "low": dl, "high": dh,
                      "relative": delta_relative(pt, pt * (1 - pt) / nt, pc, pc * (1 - pc) / nc),
                      "bayes": beta_binomial(xt, nt, xc, nc),
                      "cuped": cuped(conv, pre, idx, k, 0)}
        rt, rc = rev[idx == k], rev[idx == 0]
        w = welch(rt, rc)
        revenue = {"metric": "Revenue", "treatment": variants[k], "t": w["t"], "df": w["df"], "p": w["p"], "diff": w["diff"],
                   "low": w["low"], "high": w["high"],
                   "relative": delta_relative(rt.mean(), rt.var(ddof=1) / len(rt), rc.mean(), rc.var(ddof=1) / len(rc)),
                   "bayes": bayes_normal(rt, rc),
                   "cuped": cuped(rev, pre, idx, k, 0)}
        out["comparisons"] += [conversion, revenue]
        pvalues += [pz, w["p"]]
    out["holm"] = list(multipletests(pvalues, alpha=ALPHA, method="holm")[1])
    out["bh"] = list(multipletests(pvalues, alpha=ALPHA, method="fdr_bh")[1])

    cap = np.percentile(rev, 90)
    capped = np.minimum(rev, cap)
    out["winsorized_pooled_90"] = {"cap": cap, **{f"welch_{variants[k]}": welch(capped[idx == k], capped[idx == 0]) for k in range(1, len(variants))}}
    caps = [np.percentile(rev[idx == k], 90) for k in range(len(variants))]
    capped_arm = np.minimum(rev, np.array(caps)[idx])
    out["winsorized_per_arm_90"] = {"caps": caps, **{f"welch_{variants[k]}": welch(capped_arm[idx == k], capped_arm[idx == 0]) for k in range(1, len(variants))}}

    # Always-valid interval on the full data (the last timeline point), first treatment, both metrics.
    yt, yc = conv[idx == 1], conv[idx == 0]
    pt, pc = yt.mean(), yc.mean()
    var_c = pt * (1 - pt) / len(yt) + pc * (1 - pc) / len(yc)
    rt, rc = rev[idx == 1], rev[idx == 0]
    var_r = rt.var(ddof=1) / len(rt) + rc.var(ddof=1) / len(rc)
    n = len(yt) + len(yc)
    out["sequential_last"] = {"conversion_halfwidth": sequential_halfwidth(var_c, n), "revenue_halfwidth": sequential_halfwidth(var_r, n)}

    # Segment: the largest country, conversion z-test of the first treatment.
    country = np.array([r["country"] for r in rows])
    m = country == "DE"
    yt, yc = conv[m & (idx == 1)], conv[m & (idx == 0)]
    z, pz = proportions_ztest([int(yt.sum()), int(yc.sum())], [len(yt), len(yc)])
    out["segment_DE"] = {"units": int(m.sum()), "z": z, "p": pz}
    return out


def power_reference():
    # statsmodels' power function, solved with brentq at xtol 1e-15: NormalIndPower.solve_power stops early
    # (e.g. h off by 1.2e-6 for n=400, alpha=0.01), which is looser than the 1e-6 comparison.
    analysis = NormalIndPower()

    def solve_effect(n, alpha, power):
        return optimize.brentq(lambda d: analysis.power(d, nobs1=n, alpha=alpha, ratio=1.0) - power, 1e-8, 10, xtol=1e-15)

    def solve_n(d, alpha, power):
        return optimize.brentq(lambda n: analysis.power(d, nobs1=n, alpha=alpha, ratio=1.0) - power, 2, 1e9, xtol=1e-12, rtol=1e-15)

    cases = []
    for n, p0, alpha, power in [(1000, 0.10, 0.05, 0.8), (25000, 0.03, 0.05, 0.9), (400, 0.5, 0.01, 0.8)]:
        h = solve_effect(n, alpha, power)
        p1 = math.sin(math.asin(math.sqrt(p0)) + h / 2) ** 2
        cases.append({"kind": "proportion_mde", "n": n, "baseline": p0, "alpha": alpha, "power": power, "h": h, "treatment_rate": p1})
    for p0, mde, alpha, power in [(0.10, 0.01, 0.05, 0.8), (0.03, 0.003, 0.05, 0.9), (0.5, -0.05, 0.01, 0.8)]:
        h = proportion_effectsize(p0 + mde, p0)
        n = solve_n(h, alpha, power)
        cases.append({"kind": "proportion_n", "baseline": p0, "mde": mde, "alpha": alpha, "power": power, "h": h, "n": n})
    for n, sd, alpha, power in [(500, 12.0, 0.05, 0.8), (20000, 3.5, 0.05, 0.9)]:
        d = solve_effect(n, alpha, power)
        cases.append({"kind": "mean_mde", "n": n, "sd": sd, "alpha": alpha, "power": power, "mde": d * sd})
    for sd, mde, alpha, power in [(12.0, 1.5, 0.05, 0.8), (3.5, 0.1, 0.05, 0.9)]:
        n = solve_n(mde / sd, alpha, power)
        cases.append({"kind": "mean_n", "sd": sd, "mde": mde, "alpha": alpha, "power": power, "n": n})
    return cases


def plain(o):
    if isinstance(o, dict):
        return {k: plain(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [plain(v) for v in o]
    if isinstance(o, (np.floating, np.integer)):
        return o.item()
    if isinstance(o, np.ndarray):
        return [plain(v) for v in o.tolist()]
    return o


if __name__ == "__main__":
    for name, (seed, arms, split) in DATASETS.items():
        rows = make_dataset(name, seed, arms)
        with open(f"reference_{name}.json", "w") as f:
            json.dump(plain(reference(name, rows, arms, split)), f, indent=1)
    with open("reference_power.json", "w") as f:
        json.dump(plain(power_reference()), f, indent=1)
    print("wrote", ", ".join(f"dataset_{n}.csv" for n in DATASETS), "and reference_*.json")
