#!/usr/bin/env python3
"""PyTorch eager side of `audiostyle bench --vs-pytorch`: the project's generator, rebuilt in PyTorch with the weights
the Java side exported, timed one forward at a time on request so that the two engines run interleaved.

The network is tools/reference/make_fixtures.py's ResnetGenerator (the paper's layers and state-dict keys), plus the
project's FiLM conditioning (per-channel scale and shift from Linear layers film.0, film.1 after model_up 2 and 6).

Protocol (one line each way, on stdin/stdout):
  load DIR  -> reads DIR/config.json, DIR/weights.f32 (+ index in config.json), DIR/image.f32, DIR/embedding.f32;
               answers "ready"
  run       -> one forward under torch.inference_mode(); answers "time SECONDS"
  save PATH -> writes the last output as raw float32; answers "saved"
  train DIR -> loads DIR/train.json and DIR/batch.f32, DIR/batch_embedding.f32, DIR/batch_target.f32; answers "ready"
  step      -> one generator training step (forward, L1 loss to the target, backward, gradients cleared);
               answers "time SECONDS"
  quit
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'reference'))
from make_fixtures import ResnetGenerator  # noqa: E402


class FilmGenerator(nn.Module):
    """The paper's generator without the concatenated embedding, modulated by FiLM after two decoder norms."""

    def __init__(self, ngf, n_blocks, emb):
        super().__init__()
        base = ResnetGenerator(ngf, n_blocks, 0)
        self.model_down, self.model_up = base.model_down, base.model_up
        self.film = nn.ModuleList([nn.Linear(emb, 2 * 4 * ngf), nn.Linear(emb, 2 * 2 * ngf)])

    def forward(self, x, embedding):
        x = self.model_down(x)
        films = {2: 0, 6: 1}
        for i, layer in enumerate(self.model_up):
            x = layer(x)
            if i in films:
                both = self.film[films[i]](embedding)
                c = both.shape[1] // 2
                x = x * (1 + both[:, :c, None, None]) + both[:, c:, None, None]
        return x


def load(directory):
    with open(os.path.join(directory, 'config.json')) as f:
        cfg = json.load(f)
    torch.set_num_threads(int(cfg['threads']))
    if cfg['conditioning'] == 'film':
        g = FilmGenerator(cfg['ngf'], cfg['residualBlocks'], cfg['embeddingDim'])
    else:
        g = ResnetGenerator(cfg['ngf'], cfg['residualBlocks'], cfg['embeddingDim'])
    flat = np.fromfile(os.path.join(directory, 'weights.f32'), dtype='<f4')
    state, offset = {}, 0
    for entry in cfg['tensors']:
        n = int(np.prod(entry['shape']))
        state[entry['key']] = torch.from_numpy(flat[offset:offset + n].copy()).reshape(entry['shape'])
        offset += n
    g.load_state_dict(state, strict=True)
    g.eval()
    h, w = cfg['height'], cfg['width']
    image = torch.from_numpy(np.fromfile(os.path.join(directory, 'image.f32'), dtype='<f4')).reshape(1, 3, h, w)
    embedding = torch.from_numpy(np.fromfile(os.path.join(directory, 'embedding.f32'), dtype='<f4')).reshape(1, -1)
    return g, image, embedding


def load_batch(directory, g):
    with open(os.path.join(directory, 'train.json')) as f:
        cfg = json.load(f)
    n, s, e = cfg['batch'], cfg['crop'], cfg['embeddingDim']

    def floats(name, shape):
        return torch.from_numpy(np.fromfile(os.path.join(directory, name), dtype='<f4')).reshape(shape)
    return floats('batch.f32', (n, 3, s, s)), floats('batch_embedding.f32', (n, e)), floats('batch_target.f32',
        (n, 3, s, s))


def train_step(g, batch):
    x, e, t = batch
    g.train()
    t0 = time.perf_counter()
    loss = (g(x, e) - t).abs().mean()
    loss.backward()
    g.zero_grad(set_to_none=True)
    return time.perf_counter() - t0


def main():
    g = image = embedding = out = batch = None
    for line in sys.stdin:
        cmd, _, arg = line.strip().partition(' ')
        if cmd == 'load':
            g, image, embedding = load(arg)
            with torch.inference_mode():
                out = g(image, embedding)  # warm-up
            print('ready', flush=True)
        elif cmd == 'run':
            with torch.inference_mode():
                t0 = time.perf_counter()
                out = g(image, embedding)
                seconds = time.perf_counter() - t0
            print('time %.6f' % seconds, flush=True)
        elif cmd == 'save':
            out.contiguous().numpy().astype('<f4').tofile(arg)
            print('saved', flush=True)
        elif cmd == 'train':
            batch = load_batch(arg, g)
            train_step(g, batch)  # warm-up
            print('ready', flush=True)
        elif cmd == 'step':
            print('time %.6f' % train_step(g, batch), flush=True)
        elif cmd == 'quit':
            break
        else:
            print('error unknown command ' + cmd, flush=True)


if __name__ == '__main__':
    main()
