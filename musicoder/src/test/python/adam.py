"""torch.optim.Adam on given gradients: the oracle of AdamTest.

Reads one JSON object from stdin: {"param": [...], "grads": [[...], ...], "lr": [...], "betas": [b1, b2],
"eps": e}; runs one Adam step per gradient (float32) and prints the parameter after each step as a JSON list.
"""
import json
import sys

import torch


def main():
    spec = json.load(sys.stdin)
    p = torch.nn.Parameter(torch.tensor(spec["param"], dtype=torch.float32))
    opt = torch.optim.Adam([p], lr=spec["lr"][0], betas=tuple(spec["betas"]), eps=spec["eps"])
    out = []
    for g, lr in zip(spec["grads"], spec["lr"]):
        for group in opt.param_groups:
            group["lr"] = lr
        p.grad = torch.tensor(g, dtype=torch.float32)
        opt.step()
        out.append(p.detach().tolist())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
