"""Offline sanity check of the planted structure (not run by the test suite).

usage: /usr/bin/python3 offline_check_planted.py DIR
Needs python3-pandas and python3-sklearn (Debian packages). Prints the figures quoted in
sample-datasets/retail-demo/README.md.
"""
import sys
import numpy as np
import pandas as pd
from scipy import stats
from sklearn.cluster import KMeans
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import adjusted_rand_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

d = sys.argv[1]
cust = pd.read_csv(f"{d}/customers.csv")
truth = pd.read_csv(f"{d}/truth/customers_truth.csv")
prod = pd.read_csv(f"{d}/products.csv")
ev = pd.read_csv(f"{d}/events.csv", parse_dates=["timestamp"])
ex = pd.read_csv(f"{d}/experiments.csv")
trig = pd.read_csv(f"{d}/truth/triggers.csv")

ev = ev.merge(prod[["product_id", "category", "price"]], on="product_id")
ev["hour"] = ev.timestamp.dt.hour
ev["logprice"] = np.log(ev.price)
views = ev[ev.event_type == "view"]

# Behavioural profile per customer -> k-means -> ARI against the planted segment.
cat = pd.crosstab(views.customer_id, views.category, normalize="index")
hr = pd.crosstab(views.customer_id, views.hour // 3, normalize="index").add_prefix("h")
dev = pd.crosstab(views.customer_id, views.device, normalize="index")
lp = views.groupby("customer_id").logprice.mean().rename("lp")
feat = cat.join(hr).join(dev).join(lp).fillna(0)
seg = truth.set_index("customer_id").loc[feat.index, "segment"]
x = StandardScaler().fit_transform(feat)
km = KMeans(6, n_init=10, random_state=0).fit_predict(x)
print("customers with views", len(feat), "ARI kmeans(behaviour profile)", round(adjusted_rand_score(seg, km), 3))

# Static attributes only -> how much of the segment is visible without behaviour.
static = pd.get_dummies(cust.set_index("customer_id")[["gender", "region", "city_tier", "channel", "income_band", "loyalty_tier"]].astype(str))
static["age"] = cust.set_index("customer_id").age / 10
xs = StandardScaler().fit_transform(static.loc[feat.index])
print("ARI kmeans(static attributes)", round(adjusted_rand_score(seg, KMeans(6, n_init=10, random_state=0).fit_predict(xs)), 3))

# Favourite-category share per segment.
v = views.merge(truth, on="customer_id")
print(pd.crosstab(v.segment, v.category, normalize="index").round(3))

# Propensity: label mean vs truth, and linear vs non-linear model on attributes + behaviour.
print("label mean", cust.purchased_next_30d.mean(), "mean true propensity", truth.true_propensity.mean())
purch = ev[ev.event_type == "purchase"]
end = ev.timestamp.max().normalize() + pd.Timedelta(days=1)
agg = pd.DataFrame({
    "purchases": purch.groupby("customer_id").size(),
    "recency": (end - purch.groupby("customer_id").timestamp.max()).dt.days,
    "sessions30": ev[ev.timestamp >= end - pd.Timedelta(days=30)].groupby("customer_id").size(),
})
c = cust.set_index("customer_id").join(agg).fillna({"purchases": 0, "recency": 365, "sessions30": 0})
X = pd.get_dummies(c.drop(columns=["purchased_next_30d", "signup_date"]).astype({"city_tier": str}), dtype=float)
y = c.purchased_next_30d
p_true = truth.set_index("customer_id").loc[c.index, "true_propensity"]
xtr, xte, ytr, yte, ptr, pte = train_test_split(X, y, p_true, test_size=0.3, random_state=0)
lr = LogisticRegression(max_iter=3000).fit(StandardScaler().fit(xtr).transform(xtr), ytr)
sc = StandardScaler().fit(xtr)
auc_lr = roc_auc_score(yte, lr.predict_proba(sc.transform(xte))[:, 1])
gb = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0).fit(xtr, ytr)
auc_gb = roc_auc_score(yte, gb.predict_proba(xte)[:, 1])
print("AUC logistic", round(auc_lr, 3), "AUC boosted trees", round(auc_gb, 3), "AUC of true propensity", round(roc_auc_score(yte, pte), 3))

# Triggers: share of trigger interactions followed by the target within the next 5 views vs baseline.
seq = views.sort_values(["customer_id", "timestamp"]).groupby("customer_id").product_id.apply(list)
lifts = []
for _, t in trig.iterrows():
    after_trig = hits = base_n = base_hits = 0
    for s in seq:
        for i, p in enumerate(s):
            nxt = s[i + 1:i + 6]
            hit = t.target_product_id in nxt
            if p == t.trigger_product_id:
                after_trig += 1
                hits += hit
            else:
                base_n += 1
                base_hits += hit
    lifts.append((hits / max(after_trig, 1)) / max(base_hits / base_n, 1e-9))
print("trigger empirical lift: median", round(float(np.median(lifts)), 1), "min", round(min(lifts), 1), "max", round(max(lifts), 1))

# Experiments: SRM and CUPED.
for name, g in ex.groupby("experiment"):
    counts = g.variant.value_counts().sort_index()
    chi = stats.chisquare(counts)
    r = np.corrcoef(g.pre_period_spend, g.revenue)[0, 1]
    print(name, dict(counts), "SRM p", f"{chi.pvalue:.2e}", "corr(pre, revenue)", round(r, 3), "CUPED variance reduction", round(r * r, 3))
