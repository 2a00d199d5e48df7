#!/usr/bin/python3
"""The PyTorch twin of org.musicoder.model.MusiCoderModel, built from torch.nn.TransformerEncoderLayer.

Runs with Debian 12's python3-torch (torch 1.13) and numpy; no safetensors package (the format is parsed here).

  twin.py forward MODEL.safetensors INPUT.npy LENGTHS OUTDIR
      INPUT: float32 [B, T, 324] (padded batch); LENGTHS: comma-separated valid frames per clip.
      Loads the model (strict state_dict), runs it in eval mode (dropout off) with src_key_padding_mask
      and writes OUTDIR/hidden.npy [B, T, H] and OUTDIR/head.npy [B, T, 324] (float32).
  twin.py grad MODEL.safetensors INPUT.npy TARGET.npy MASK.npy LENGTHS OUTDIR
      One training-mode step's gradients (use a model whose config has dropout 0, so both engines agree):
      the masked Huber loss (delta 1) of the head's output against TARGET over the cells where MASK is 1,
      divided by the number of such cells; prints "loss VALUE" and writes every parameter's gradient to
      OUTDIR/grads.safetensors under its state_dict name.
  twin.py classify MODEL.safetensors INPUT.npy TARGET.npy LENGTHS TASK LR OUTDIR
      The fine-tuning classifier (org.musicoder.model.MusiCoderClassifier): the twin plus "classifier", an
      nn.Linear(P, C) on the last layer pooled over each clip's unpadded frames (after nn.Dropout, with the config's
      rate; use dropout 0): MODEL's metadata "pooling" mean (P = H; the default) or mean+std (the mean, then
      sqrt(population variance + 1e-6); P = 2H). TASK genre: cross_entropy against TARGET's argmax; tags:
      binary_cross_entropy_with_logits against TARGET [B, C]. Writes OUTDIR/logits.npy (before the step), prints
      "loss VALUE", takes one torch.optim.Adam step (betas 0.9/0.999, eps 1e-6) at LR and writes the updated
      parameters to OUTDIR/after.safetensors.
  twin.py train MODEL.safetensors STEPS_DIR N
      N pretraining steps from MODEL's weights on the batches in STEPS_DIR/0 .. N-1, each input.npy, target.npy,
      mask.npy (float32 [B, T, 324]), padding.npy (float32 [B, T], 1 = padded) and step.json ({"lr": .., "offset":
      ..}: the step's learning rate and first position): forward in training mode with positions offset..offset+T-1,
      the masked Huber loss as in grad, backward, torch.optim.Adam (0.9, 0.999, eps 1e-6) at the step's lr. Prints
      "loss VALUE" per step (use a config with dropout 0).
  twin.py count CONFIG.json...
      Prints "name count" per configuration: the number of parameters of the twin built from it.
"""
import json
import struct
import sys

import numpy as np
import torch
from torch import nn


def positions(frames, hidden):
    """Paper eq. (1): PE[pos, 2i] = sin(pos / 10000^(2i/H)), PE[pos, 2i+1] = cos(pos / 10000^(2i/H))."""
    pos = torch.arange(frames, dtype=torch.float64).unsqueeze(1)
    div = torch.pow(10000.0, torch.arange(0, hidden, 2, dtype=torch.float64) / hidden)
    pe = torch.zeros(frames, hidden, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos / div)
    pe[:, 1::2] = torch.cos(pos / div)
    return pe.float()


class Head(nn.Module):
    def __init__(self, hidden, out):
        super().__init__()
        self.dense = nn.Linear(hidden, hidden)
        self.norm = nn.LayerNorm(hidden, eps=1e-5)
        self.out = nn.Linear(hidden, out)

    def forward(self, h):
        return self.out(self.norm(nn.functional.gelu(self.dense(h))))


class MusiCoderTwin(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        h = cfg["hidden"]
        self.input_proj = nn.Linear(cfg["input_dim"], h)
        self.dropout = nn.Dropout(cfg["dropout"])
        layer = nn.TransformerEncoderLayer(
            d_model=h, nhead=cfg["heads"], dim_feedforward=cfg["ffn"], dropout=cfg["dropout"],
            activation="gelu", layer_norm_eps=1e-5, batch_first=True, norm_first=False)
        self.encoder = nn.TransformerEncoder(layer, cfg["layers"], enable_nested_tensor=False)
        self.head = Head(h, cfg["input_dim"])
        self.heads = cfg["heads"]
        self.position = cfg.get("position", "sinusoidal")
        if self.position not in ("sinusoidal", "alibi"):
            raise SystemExit(f"unknown position {self.position}")
        self.register_buffer("pe", positions(cfg["max_frames"], h), persistent=False)

    def encode(self, x, padding=None, offset=0):
        """The last layer's hidden states, positions offset..offset+T-1."""
        t = x.shape[1]
        if self.position == "sinusoidal":
            h = self.dropout(self.input_proj(x) + self.pe[offset : offset + t])
            return self.encoder(h, src_key_padding_mask=padding)
        # ALiBi: score of query i on key j gets -m_h |i - j|, m_h = 2^(2 - 8 (h + 1) / A); padded keys get -inf
        slopes = torch.tensor([2.0 ** (2 - 8.0 * (k + 1) / self.heads) for k in range(self.heads)])
        pos = torch.arange(t, dtype=torch.float32)
        bias = -slopes[:, None, None] * (pos[:, None] - pos[None, :]).abs()[None]
        b = x.shape[0]
        mask = bias[None].expand(b, self.heads, t, t).clone()
        if padding is not None:
            mask = mask.masked_fill(padding[:, None, None, :], float("-inf"))
        h = self.dropout(self.input_proj(x))
        return self.encoder(h, mask=mask.reshape(b * self.heads, t, t))

    def forward(self, x, padding=None):
        h = self.encode(x, padding)
        return h, self.head(h)


def read_safetensors(path):
    """Returns ({name: float32 tensor}, metadata) of a safetensors file (F32 only)."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = bytearray(raw[8 + n :])
    tensors = {}
    for name, t in header.items():
        if t["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} has dtype {t['dtype']}")
        b, e = t["data_offsets"]
        arr = torch.frombuffer(data, dtype=torch.float32, count=(e - b) // 4, offset=b)
        tensors[name] = arr.reshape(t["shape"]).clone()
    return tensors, meta


def forward(model_path, input_path, lengths, outdir):
    tensors, meta = read_safetensors(model_path)
    cfg = json.loads(meta["config"])
    model = MusiCoderTwin(cfg)
    model.load_state_dict(tensors, strict=True)
    model.eval()
    x = torch.from_numpy(np.load(input_path).astype(np.float32))
    lengths = [int(v) for v in lengths.split(",")]
    padding = torch.arange(x.shape[1]).unsqueeze(0) >= torch.tensor(lengths).unsqueeze(1)
    # Gradients stay enabled so that nn.TransformerEncoderLayer takes its documented Python path
    # (the fused inference fast path needs torch.no_grad()).
    hidden, head = model(x, padding)
    np.save(f"{outdir}/hidden.npy", hidden.detach().numpy())
    np.save(f"{outdir}/head.npy", head.detach().numpy())
    print("params", sum(p.numel() for p in model.parameters()))


def write_safetensors(path, tensors):
    """Writes {name: float32 tensor} as a safetensors file."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        b = t.detach().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode("utf-8")
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def grad(model_path, input_path, target_path, mask_path, lengths, outdir):
    tensors, meta = read_safetensors(model_path)
    model = MusiCoderTwin(json.loads(meta["config"]))
    model.load_state_dict(tensors, strict=True)
    model.train()
    x = torch.from_numpy(np.load(input_path).astype(np.float32))
    y = torch.from_numpy(np.load(target_path).astype(np.float32))
    mask = torch.from_numpy(np.load(mask_path).astype(np.float32))
    lengths = [int(v) for v in lengths.split(",")]
    padding = torch.arange(x.shape[1]).unsqueeze(0) >= torch.tensor(lengths).unsqueeze(1)
    _, head = model(x, padding)
    huber = nn.functional.huber_loss(head, y, reduction="none", delta=1.0)
    loss = (huber * mask).sum() / mask.sum()
    loss.backward()
    write_safetensors(f"{outdir}/grads.safetensors", {n: p.grad for n, p in model.named_parameters()})
    print("loss", repr(loss.item()))


def train(model_path, steps_dir, steps):
    tensors, meta = read_safetensors(model_path)
    model = MusiCoderTwin(json.loads(meta["config"]))
    model.load_state_dict(tensors, strict=True)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=0.0, betas=(0.9, 0.999), eps=1e-6)
    for k in range(int(steps)):
        d = f"{steps_dir}/{k}"
        x, y, mask = (torch.from_numpy(np.load(f"{d}/{n}.npy")) for n in ("input", "target", "mask"))
        padding = torch.from_numpy(np.load(f"{d}/padding.npy")) > 0.5
        with open(f"{d}/step.json") as f:
            step = json.load(f)
        for g in opt.param_groups:
            g["lr"] = step["lr"]
        out = model.head(model.encode(x, padding, step["offset"]))
        loss = (nn.functional.huber_loss(out, y, reduction="none", delta=1.0) * mask).sum() / mask.sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print("loss", repr(loss.item()), flush=True)


class ClassifierTwin(MusiCoderTwin):
    def __init__(self, cfg, classes, pooling="mean"):
        super().__init__(cfg)
        self.pooling = pooling
        self.head_dropout = nn.Dropout(cfg["dropout"])
        self.classifier = nn.Linear(cfg["hidden"] * (2 if pooling == "mean+std" else 1), classes)

    def forward(self, x, padding):
        h = self.encode(x, padding)
        valid = (~padding).float().unsqueeze(2)
        n = valid.sum(1)
        mean = (h * valid).sum(1) / n
        if self.pooling == "mean+std":
            var = (((h - mean.unsqueeze(1)) ** 2) * valid).sum(1) / n
            mean = torch.cat([mean, torch.sqrt(var + 1e-6)], 1)
        return self.classifier(self.head_dropout(mean))


def classify(model_path, input_path, target_path, lengths, task, lr, outdir):
    tensors, meta = read_safetensors(model_path)
    cfg = json.loads(meta["config"])
    model = ClassifierTwin(cfg, int(meta["classes"]), meta.get("pooling", "mean"))
    model.load_state_dict(tensors, strict=True)
    model.train()
    x = torch.from_numpy(np.load(input_path).astype(np.float32))
    y = torch.from_numpy(np.load(target_path).astype(np.float32))
    lengths = [int(v) for v in lengths.split(",")]
    padding = torch.arange(x.shape[1]).unsqueeze(0) >= torch.tensor(lengths).unsqueeze(1)
    logits = model(x, padding)
    np.save(f"{outdir}/logits.npy", logits.detach().numpy())
    if task == "genre":
        loss = nn.functional.cross_entropy(logits, y.argmax(1))
    else:
        loss = nn.functional.binary_cross_entropy_with_logits(logits, y)
    opt = torch.optim.Adam(model.parameters(), lr=float(lr), betas=(0.9, 0.999), eps=1e-6)
    opt.zero_grad()
    loss.backward()
    opt.step()
    write_safetensors(f"{outdir}/after.safetensors", dict(model.named_parameters()))
    print("loss", repr(loss.item()))


def count(paths):
    for p in paths:
        with open(p) as f:
            cfg = json.load(f)
        print(cfg["name"], sum(p.numel() for p in MusiCoderTwin(cfg).parameters()))


if __name__ == "__main__":
    torch.set_num_threads(1)
    if len(sys.argv) == 6 and sys.argv[1] == "forward":
        forward(*sys.argv[2:])
    elif len(sys.argv) == 8 and sys.argv[1] == "grad":
        grad(*sys.argv[2:])
    elif len(sys.argv) == 9 and sys.argv[1] == "classify":
        classify(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "train":
        train(*sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "count":
        count(sys.argv[2:])
    else:
        raise SystemExit(__doc__)
