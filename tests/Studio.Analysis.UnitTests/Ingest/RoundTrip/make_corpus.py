"""Writes the round-trip corpus (real-world-shaped files) and expected.json with reference figures.

Run with /usr/bin/python3 (pandas, openpyxl) from this folder: python3 make_corpus.py
Deterministic (seeded); the files and expected.json are committed, tests never run Python.
"""
import datetime as dt
import json
import random

import openpyxl
import pandas as pd

random.seed(20)
expected = {}

# 1. money.csv: a money column whose first cents appear after row 10,000; 'none' tier; NA / - / empty missing;
#    quoted thousands separators; UTF-8 BOM; CRLF line ends.
rows = []
for i in range(1, 12_001):
    amount = str(random.choice([0, 0, 0, 5, 10, 20])) if i <= 10_400 else f"{random.randint(0, 99)}.{random.randint(0, 99):02d}"
    tier = random.choice(["none", "silver", "gold", "none"])
    note = random.choice(["NA", "-", "", "call back", "none"])
    revenue = f"\"{random.randint(1, 9)},{random.randint(0, 999):03d}.{random.randint(0, 99):02d}\""
    rows.append(f"{i},{amount},{tier},{note},{revenue}")
with open("money.csv", "w", encoding="utf-8-sig", newline="") as f:
    f.write("order_id,amount,loyalty_tier,note,revenue\r\n" + "\r\n".join(rows) + "\r\n")
df = pd.read_csv("money.csv", encoding="utf-8-sig", na_values=["NA", "-", ""], keep_default_na=False, thousands=",")
expected["money.csv"] = {
    "rows": len(df),
    "amount_sum": round(float(df.amount.sum()), 2),
    "amount_first_fraction_line": int(df.index[df.amount != df.amount.round()][0]) + 2,
    "tier_none": int((df.loyalty_tier == "none").sum()),
    "note_missing": int(df.note.isna().sum()),
    "note_none": int((df.note == "none").sum()),
    "revenue_sum": round(float(df.revenue.sum()), 2),
}

# 2. dates.csv: ISO dates with a few day-first ones mixed in (dd/MM/yyyy with day > 12, so unambiguous).
lines = []
for i in range(1, 501):
    day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 300)
    text = day.strftime("%d/%m/%Y") if i % 50 == 0 and day.day > 12 else day.isoformat()
    lines.append(f"{i},{text}")
with open("dates.csv", "w", encoding="utf-8", newline="") as f:
    f.write("event_id,occurred_on\n" + "\n".join(lines) + "\n")
d = pd.read_csv("dates.csv", dtype=str)
iso = d.occurred_on.str.contains("-")
parsed = pd.concat([pd.to_datetime(d.occurred_on[iso], format="%Y-%m-%d"), pd.to_datetime(d.occurred_on[~iso], format="%d/%m/%Y")])
expected["dates.csv"] = {
    "rows": len(d),
    "day_first": int((~iso).sum()),
    "day_first_lines": [int(i) + 2 for i in d.index[~iso]],
    "max": parsed.max().strftime("%Y-%m-%dT%H:%M:%SZ"),
    "min": parsed.min().strftime("%Y-%m-%dT%H:%M:%SZ"),
}

# 3. workbook.xlsx made with openpyxl: two sheets, numbers, real dates, booleans, a text code with leading zeros,
#    a 'none' category and an empty cell.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Orders"
ws.append(["order_id", "amount", "ordered_at", "paid", "code", "tier"])
total = 0.0
for i in range(1, 201):
    amount = round(random.uniform(1, 500), 2) if i % 7 else None
    total += amount or 0
    ws.append([i, amount, dt.datetime(2024, 3, 1, 9, 30) + dt.timedelta(hours=i * 5), i % 3 == 0, f"{i:05d}",
               random.choice(["none", "gold", "silver"])])
notes = wb.create_sheet("Notes")
notes.append(["key", "text"])
notes.append([1, "first, with a comma"])
notes.append([2, 'says "hi"'])
sparse = wb.create_sheet("Sparse")  # trailing empty cells, an empty row and a formatted empty cell
sparse.append(["a", "b", "c"])
sparse.append([1, "x", None])
sparse.append([])
sparse.append([2, None, None])
sparse.append([3, "y", "z"])
sparse["D5"].number_format = "0.00"
wb.save("workbook.xlsx")
x = pd.read_excel("workbook.xlsx", sheet_name="Orders", dtype={"code": str})
expected["workbook.xlsx"] = {
    "rows": len(x),
    "amount_sum": round(float(x.amount.sum()), 2),
    "amount_missing": int(x.amount.isna().sum()),
    "paid_true": int(x.paid.sum()),
    "first_ordered_at": x.ordered_at.iloc[0].strftime("%Y-%m-%dT%H:%M:%SZ"),
    "last_ordered_at": x.ordered_at.iloc[-1].strftime("%Y-%m-%dT%H:%M:%SZ"),
    "tier_none": int((x.tier == "none").sum()),
    "code_first": x.code.iloc[0],
}

with open("expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(expected, indent=2, sort_keys=True))
