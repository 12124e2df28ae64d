"""PyTorch peer of `bench train-throughput`: the same architecture and loop on random data of the same shape.

8 categorical fields (cardinalities 50000, 2000, 50, 20, 10, 7, 24, 5), 16-dim embeddings each, concatenated,
MLP 256-128 with ReLU, one logit, BCEWithLogits, Adam 1e-3, batch 1024, shuffled index_select batches.
Prints one line: RESULT {"train_samples_per_s": ..., "peak_mb": ...}
"""
import argparse
import json
import resource
import time

import torch
from torch import nn

CARDINALITIES = [50000, 2000, 50, 20, 10, 7, 24, 5]

parser = argparse.ArgumentParser()
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--epochs", type=int, default=2)
parser.add_argument("--threads", type=int, default=2)
args = parser.parse_args()
torch.set_num_threads(args.threads)
torch.manual_seed(42)

train_rows = round(args.rows * 0.9)
x = torch.stack([torch.randint(0, c, (train_rows,)) for c in CARDINALITIES], dim=1)
y = (torch.rand(train_rows) < 0.2).float()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(c, 16) for c in CARDINALITIES])
        self.mlp = nn.Sequential(nn.Linear(16 * len(CARDINALITIES), 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 1))

    def forward(self, codes):
        return self.mlp(torch.cat([e(codes[:, f]) for f, e in enumerate(self.embeddings)], dim=1)).squeeze(1)


net = Net()
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.BCEWithLogitsLoss()
start = time.perf_counter()
for _ in range(args.epochs):
    permutation = torch.randperm(train_rows)
    for offset in range(0, train_rows, 1024):
        index = permutation[offset:offset + 1024]
        optimizer.zero_grad()
        loss = loss_fn(net(x.index_select(0, index)), y.index_select(0, index))
        loss.backward()
        optimizer.step()
elapsed = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("RESULT " + json.dumps({"train_samples_per_s": train_rows * args.epochs / elapsed, "peak_mb": peak_mb}))
