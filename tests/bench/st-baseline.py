#!/usr/bin/env python3
"""sentence-transformers on PyTorch CPU (2 threads) embedding the same texts
with the same model folder and max_seq_length, for the encoder benchmark.
usage: st-baseline.py MODEL_DIR texts.txt   (prints tokens/s; exit 3 if the
packages are missing: pip install torch sentence-transformers)"""
import sys, time
try:
    import torch
    from sentence_transformers import SentenceTransformer
except Exception as e:  # torch absent or unusable
    print("sentence-transformers unavailable: %s" % str(e).splitlines()[0][:120])
    sys.exit(3)

torch.set_num_threads(2)
model = SentenceTransformer(sys.argv[1], device="cpu")
model.max_seq_length = 256
texts = [l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8")]
tokens = sum(len(x) for x in model.tokenize(texts)["input_ids"].tolist() for x in [[t for t in x if t != 0]])
model.encode(texts[:64], batch_size=32)
best = 1e30
for _ in range(2):
    t0 = time.perf_counter()
    model.encode(texts, batch_size=32)
    best = min(best, time.perf_counter() - t0)
print("sentence-transformers %s, torch %s, 2 threads, batch 32: %.0f tokens/s, %.1f texts/s (%.2f s)"
      % (__import__("sentence_transformers").__version__, torch.__version__, tokens / best, len(texts) / best, best))
print("st_tokens_per_s %.0f" % (tokens / best))
