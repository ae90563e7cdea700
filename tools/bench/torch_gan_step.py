#!/usr/bin/env python3
"""PyTorch eager replica of one GAN training step of this project's trainer (train/.../Trainer.java, ganStep), for
timing it side by side with the DJL trainer (tools/bench/gan-step-vs-pytorch.sh runs both).

It reads the same training configuration JSON as the Java side (TrainConfig: the fields of its "recipe", default
sound-aware, overridden by those given; "network" a preset name or an object) and builds, in fp32 on the CPU:

  G  the generator (tools/reference/make_fixtures.py's paper layers; FiLM as tools/bench/torch_generator.py)
  A  the audio encoder (make_fixtures.AudioModel: nnAudio-style STFT front end, ResNet-18 variant, proj)
  D  the PatchGAN discriminator over cat(spectrogram x3, image) with the projection term (PatchDiscriminator.java)
  F  the PatchNCE heads, one Linear-ReLU-Linear per encoder layer (PatchSampleHeads.java)
  C  the audio-visual critic (AudioVisualCritic.java), when avCritic > 0

with the Java state-dict keys and shapes, the Java initialisation schemes, one torch.optim.Adam per group, and runs
the step in the Java order: spectrogram, D inputs and audio descriptor (no grad); PatchNCE keys from the encoder on
the real images (no grad); audio embedding (batch norm in training mode) and G forward; D on real, on detached fake
and (matching-aware) on real with rolled sounds, D backward, Adam D; then with D frozen: LSGAN G term, PatchNCE
queries from the encoder on G's output, the audio-visual G term (critic frozen), colour moments, scene statistics,
the critic's loss on real pairs, one backward, Adam G, A, F, C. Inputs are generated (noise images at the load size,
random crops and flips; 48,000-sample windows of noise "sounds"), as StepBenchmark.java does.

Parameter counts: printed per network ("params X N"). They were checked against the Java side for
tools/train/default-model.json (G 405,795; A 717,040; D 892,897; F 388,352; C 756,064) and
default-model-v3-finetune.json with org.audiostyle.train.StepDump, which builds a Trainer, runs one step, prints
ParameterGroup.parameterCount() of each group and dumps every array with its key and shape; --check loads such a
dump (weights, batch, patch ids) into these networks, requiring every Java key to exist here with the same shape,
and compares the losses of that step with the ones Java reported (gan-step-vs-pytorch.sh --check runs both).

--java-ops replaces the PyTorch layers by the formulations the Java side uses for the same numbers (reflection
padding and the anti-aliased blur/resample as two matrix products, instance norm + FiLM as one batch norm on the
(1, N*C, H, W) view, convolutions with an output width not a multiple of 16 padded with zero filters to the next
multiple while gradients are recorded, area resize as matrix products), to tell the cost of those choices apart from
the cost of the engine.

Usage: torch_gan_step.py CONFIG.json [STEPS] [--threads N] [--profile] [--java-ops] [--check DIR]
Prints one line per network with its parameter count, each measured step, and last
"pytorch GAN step median S s over N steps" (after one warm-up step).
"""

import argparse
import copy
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # no __pycache__ in the work tree for the modules imported below
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, '..', 'reference'))
from make_fixtures import AudioModel, Downsample, ResnetGenerator, Upsample  # noqa: E402
from torch_generator import FilmGenerator  # noqa: E402

# ------------------------------------------------------------------------------------------------------------------
# Configuration (TrainConfig.java)
# ------------------------------------------------------------------------------------------------------------------

PRESETS = {
    'paper': dict(ngf=64, residualBlocks=9, audioWidth=64, embeddingDim=256, conditioning='concat'),
    'small': dict(ngf=32, residualBlocks=6, audioWidth=32, embeddingDim=256, conditioning='film'),
    'tiny': dict(ngf=8, residualBlocks=2, audioWidth=8, embeddingDim=32, conditioning='film'),
}

SOUND_AWARE = dict(
    recipe='sound-aware', network=dict(PRESETS['small']), crop=128, load=0, batch=4, steps=3000, decayFraction=0.4,
    lr=2e-4, beta1=0.5, beta2=0.999, lambdaGan=1.0, lambdaNce=1.0, nceIdentity=True, ncePatches=256, nceTau=0.07,
    nceLayers=None, nceHeadWidth=256, discriminatorWidth=64, spectrogramScale='log', matchingAware=True,
    projection=True, avGenerator=0.5, avCritic=1.0, avTau=0.1, criticWidth=32, criticDim=128, colourMoments=0.0,
    sceneStatistics=0.0, pretrainSteps=300, pretrainBatch=0, specAugment=False, randomAudioWindow=True, flip=True,
    seed=1, sampleEvery=250, checkpointEvery=250, keepCheckpoints=2,
    # how the Java side runs the generator's passes (eager layers or TorchScript): an execution detail, the same
    # numbers; accepted so that a configuration naming it reads here too
    generatorPasses='scripted')

PAPER = dict(SOUND_AWARE, recipe='paper', spectrogramScale='linear', matchingAware=False, projection=False,
    avGenerator=0.0, avCritic=0.0, pretrainSteps=0, randomAudioWindow=False)


def read_config(path):
    with open(path) as f:
        given = json.load(f)
    recipe = str(given.get('recipe', 'sound-aware')).strip().lower()
    if recipe not in ('paper', 'sound-aware'):
        raise SystemExit("Unknown recipe '%s': use 'paper' or 'sound-aware'." % recipe)
    c = copy.deepcopy(PAPER if recipe == 'paper' else SOUND_AWARE)
    for k, v in given.items():
        if k not in c:
            raise SystemExit("Unknown training setting '%s'. Known: %s" % (k, sorted(c)))
        if k == 'network':
            if isinstance(v, str):
                v = dict(PRESETS[v.strip().lower()])
            else:
                base = dict(PRESETS[v.get('preset', 'small').strip().lower()])
                for nk, nv in v.items():
                    if nk == 'preset':
                        continue
                    if nk not in base:
                        raise SystemExit("Unknown network setting '%s'" % nk)
                    base[nk] = nv
                v = base
        c[k] = v
    c['recipe'] = recipe
    c['network']['conditioning'] = c['network']['conditioning'].strip().lower()
    if c['spectrogramScale'] not in ('log', 'linear'):
        raise SystemExit("spectrogramScale must be 'linear' or 'log'")
    return c


def load_size(c):
    return c['load'] if c['load'] > 0 else int(math.floor(c['crop'] * 286.0 / 256.0 + 0.5))


def nce_layers(c):
    """StyleNetworks.defaultNceLayers: {0, 4, 8, 12, 16} capped at the last residual block, duplicates dropped."""
    if c['nceLayers'] is not None:
        return list(c['nceLayers'])
    last = 11 + c['network']['residualBlocks']
    out = []
    for layer in (0, 4, 8, 12, 16):
        layer = min(layer, last)
        if layer not in out:
            out.append(layer)
    return out


# ------------------------------------------------------------------------------------------------------------------
# The Java side's formulations (--java-ops)
# ------------------------------------------------------------------------------------------------------------------

JAVA_OPS = False
BLOCK = 16  # GradSafeConv.BLOCK


def reflect_index(i, n, p):
    j = abs(i - p)
    return 2 * (n - 1) - j if j >= n else j


def axis_matrix(n, out, entries):
    m = np.zeros((n, out), dtype=np.float64)
    for src, dst, w in entries:
        m[src, dst] += w
    return torch.tensor(m, dtype=torch.float32)


_matrices = {}


def cached(key, make):
    m = _matrices.get(key)
    if m is None:
        m = _matrices[key] = make()
    return m


def reflect_pad_matrix(n, p):
    return cached(('pad', n, p), lambda: axis_matrix(n, n + 2 * p, [(reflect_index(i, n, p), i, 1.0)
        for i in range(n + 2 * p)]))


def blur_down_matrix(n):
    out = (n - 1) // 2 + 1
    taps = (0.25, 0.5, 0.25)
    return cached(('down', n), lambda: axis_matrix(n, out, [(reflect_index(2 * o + t, n, 1), o, taps[t])
        for o in range(out) for t in range(3)]))


def blur_up_matrix(n):
    f = [1 / 4, 3 / 4, 3 / 4, 1 / 4]  # CUT's filter outer([1,3,3,1], [1,3,3,1]) / 16, split per axis as separable()
    k = ((f[3], f[1], 0.0), (0.0, f[2], f[0]))
    rep = lambda i: max(0, min(n - 1, i - 1))  # noqa: E731
    return cached(('up', n), lambda: axis_matrix(n, 2 * n, [(rep(o + t), 2 * o + a, k[a][t])
        for o in range(n) for a in range(2) for t in range(3)]))


def area_matrix(n, out):
    """Ops.areaMatrix as an n x out column-form matrix."""
    def make():
        m = np.zeros((n, out), dtype=np.float64)
        scale = n / out
        for i in range(out):
            a, b = i * scale, (i + 1) * scale
            for j in range(int(math.floor(a)), min(n, int(math.ceil(b)))):
                overlap = min(b, j + 1) - max(a, j)
                if overlap > 0:
                    m[j, i] = overlap / scale
        return torch.tensor(m, dtype=torch.float32)
    return cached(('area', n, out), make)


def axis_apply(x, rows, cols):
    """AxisMatrices.apply: R (outH x H) x (x C), columns first."""
    return rows.t().matmul(x.matmul(cols))


class MatrixReflectionPad(nn.Module):
    def __init__(self, p):
        super().__init__()
        self.p = p

    def forward(self, x):
        return axis_apply(x, reflect_pad_matrix(x.shape[2], self.p), reflect_pad_matrix(x.shape[3], self.p))


class MatrixDownsample(nn.Module):
    def __init__(self, original):
        super().__init__()
        self.register_buffer('filt', original.filt)

    def forward(self, x):
        return axis_apply(x, blur_down_matrix(x.shape[2]), blur_down_matrix(x.shape[3]))


class MatrixUpsample(nn.Module):
    def __init__(self, original):
        super().__init__()
        self.register_buffer('filt', original.filt)

    def forward(self, x):
        return axis_apply(x, blur_up_matrix(x.shape[2]), blur_up_matrix(x.shape[3]))


def fused_instance_norm(x, scale=None, shift=None):
    """InstanceNorm2d.fused / Ops.instanceNorm: batch norm in training mode on the (1, N*C, H, W) view, FiLM as its
    affine weight (1 + scale) and bias."""
    n, c, h, w = x.shape
    nc = n * c
    gamma = torch.ones(nc) if scale is None else (scale + 1).reshape(nc)
    beta = torch.zeros(nc) if shift is None else shift.reshape(nc)
    return F.batch_norm(x.reshape(1, nc, h, w), torch.zeros(nc), torch.ones(nc), gamma, beta, True, 0.1,
        1e-5).reshape(n, c, h, w)


class FusedInstanceNorm(nn.Module):
    def forward(self, x):
        return fused_instance_norm(x)


def conv2d(x, weight, bias, stride, padding):
    """Ops.conv2d / GradSafeConv.conv2d under --java-ops (zero filters up to a multiple of 16 while recording
    gradients), else plain F.conv2d."""
    out = weight.shape[0]
    if not JAVA_OPS or out % BLOCK == 0 or not torch.is_grad_enabled():
        return F.conv2d(x, weight, bias, stride, padding)
    extra = BLOCK - out % BLOCK
    w = torch.cat((weight, weight.new_zeros((extra,) + tuple(weight.shape[1:]))), 0)
    b = None if bias is None else torch.cat((bias, bias.new_zeros(extra)), 0)
    return F.conv2d(x, w, b, stride, padding)[:, :out]


class Conv(nn.Conv2d):
    """nn.Conv2d routed through conv2d() above (same parameters and keys)."""

    def forward(self, x):
        return conv2d(x, self.weight, self.bias, self.stride, self.padding)


def as_java_conv(m):
    c = Conv(m.in_channels, m.out_channels, m.kernel_size, m.stride, m.padding, bias=m.bias is not None)
    c.load_state_dict(m.state_dict())
    return c


def java_ops_network(module):
    """Swaps, in place, every layer that the Java side computes another way for its Java formulation."""
    for name, child in list(module.named_children()):
        if isinstance(child, nn.ReflectionPad2d):
            setattr(module, name, MatrixReflectionPad(child.padding[0]))
        elif isinstance(child, Downsample):
            setattr(module, name, MatrixDownsample(child))
        elif isinstance(child, Upsample):
            setattr(module, name, MatrixUpsample(child))
        elif isinstance(child, nn.InstanceNorm2d):
            setattr(module, name, FusedInstanceNorm())
        elif type(child) is nn.Conv2d:
            setattr(module, name, as_java_conv(child))
        else:
            java_ops_network(child)
    return module


def area_resize(x, oh, ow):
    """Ops.areaResize. With an integer ratio this is average pooling, which is what PyTorch code would call."""
    h, w = x.shape[-2], x.shape[-1]
    if h == oh and w == ow:
        return x
    if not JAVA_OPS and h % oh == 0 and w % ow == 0:
        return F.avg_pool2d(x, (h // oh, w // ow))
    return area_matrix(h, oh).t().matmul(x).matmul(area_matrix(w, ow))


def instance_norm(x):
    return fused_instance_norm(x) if JAVA_OPS else F.instance_norm(x, eps=1e-5)


# ------------------------------------------------------------------------------------------------------------------
# Networks
# ------------------------------------------------------------------------------------------------------------------


def xavier(w, gain):
    nn.init.xavier_normal_(w, gain)


class Generator(nn.Module):
    """ResnetGenerator.java: the paper's layers (make_fixtures) with FiLM (torch_generator.FilmGenerator) or the
    concatenated embedding; forward() and encode() as the Java forward() and encode()."""

    def __init__(self, net):
        super().__init__()
        ngf, blocks, emb = net['ngf'], net['residualBlocks'], net['embeddingDim']
        self.film_on = net['conditioning'] == 'film'
        base = FilmGenerator(ngf, blocks, emb) if self.film_on else ResnetGenerator(ngf, blocks, emb)
        self.model_down, self.model_up = base.model_down, base.model_up
        if self.film_on:
            self.film = base.film
        for name, m in self.named_modules():  # WeightInit.XAVIER_002 for G's convs, LECUN_NORMAL * 0.1 for FiLM
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                if name.startswith('film'):
                    nn.init.normal_(m.weight, 0, 0.1 / math.sqrt(m.weight.shape[1]))
                else:
                    xavier(m.weight, 0.02)
                nn.init.zeros_(m.bias)
        for m in self.modules():  # the Java ReLUs are not in place (and encode() keeps outputs)
            if isinstance(m, nn.ReLU):
                m.inplace = False
        if JAVA_OPS:
            java_ops_network(self.model_down)
            java_ops_network(self.model_up)

    def forward(self, x, embedding):
        # SizePadding: none for crops that are multiples of 4 and >= 8 (the trainer's)
        x = self.model_down(x)
        if not self.film_on:
            e = embedding[:, :, None, None].expand(-1, -1, x.shape[2], x.shape[3])
            return self.model_up(torch.cat((x, e), 1))
        films = {2: 0, 6: 1}
        for i, layer in enumerate(self.model_up):
            if i in films:
                both = self.film[films[i]](embedding)
                c = both.shape[1] // 2
                scale, shift = both[:, :c, None, None], both[:, c:, None, None]
                if JAVA_OPS:
                    x = fused_instance_norm(x, scale, shift)
                else:
                    x = layer(x) * (1 + scale) + shift
            else:
                x = layer(x)
        return x

    def encode(self, x, layers):
        found = {}
        for i in range(max(layers) + 1):
            x = self.model_down[i](x)
            found[i] = x
        return [found[i] for i in layers]


class AudioEncoder(nn.Module):
    """AudioEncoder.java: make_fixtures.AudioModel, initialised as the Java side does."""

    def __init__(self, net):
        super().__init__()
        a = AudioModel(net['audioWidth'], net['embeddingDim'])
        self.AudioInconv, self.AudioAvgpool, self.stft, self.proj = a.AudioInconv, a.AudioAvgpool, a.stft, a.proj
        self.AudioLayer1, self.AudioLayer2, self.AudioLayer3, self.AudioLayer4 = (a.AudioLayer1, a.AudioLayer2,
            a.AudioLayer3, a.AudioLayer4)
        for name, m in self.named_modules():  # TORCH_DEFAULT for the stem and proj (kept), KAIMING_FAN_OUT elsewhere
            if isinstance(m, nn.Conv2d) and not name.startswith('AudioInconv'):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
        if JAVA_OPS:
            for name in ('AudioInconv', 'AudioLayer1', 'AudioLayer2', 'AudioLayer3', 'AudioLayer4'):
                java_ops_network(getattr(self, name))

    def spectrogram(self, wav):
        """N x 48,000 -> N x 1 x 257 x 301 linear magnitudes (the nnAudio-style conv1d STFT of StftMagnitude)."""
        return self.stft(wav)[:, None]

    def embed(self, spec):
        x = self.AudioInconv(spec)
        x = self.AudioLayer4(self.AudioLayer3(self.AudioLayer2(self.AudioLayer1(x))))
        return self.proj(self.AudioAvgpool(x).flatten(1))


class PatchDiscriminator(nn.Module):
    """PatchDiscriminator.java (CUT's NLayerDiscriminator, 3 layers, instance norm, anti-aliased) + projection."""

    def __init__(self, in_ch, ndf, descriptor_dim):
        super().__init__()
        conv = lambda i, o: Conv(i, o, 4, 1, 1)  # noqa: E731
        self.model = nn.Sequential(
            conv(in_ch, ndf), nn.LeakyReLU(0.2), Downsample(ndf),
            conv(ndf, 2 * ndf), nn.InstanceNorm2d(2 * ndf), nn.LeakyReLU(0.2), Downsample(2 * ndf),
            conv(2 * ndf, 4 * ndf), nn.InstanceNorm2d(4 * ndf), nn.LeakyReLU(0.2), Downsample(4 * ndf),
            conv(4 * ndf, 8 * ndf), nn.InstanceNorm2d(8 * ndf), nn.LeakyReLU(0.2),
            conv(8 * ndf, 1))
        self.projection = None
        if descriptor_dim > 0:
            self.projection = nn.Sequential(nn.Linear(descriptor_dim, 8 * ndf), nn.ReLU(), nn.Linear(8 * ndf, 8 * ndf))
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                xavier(m.weight, 0.02)
                nn.init.zeros_(m.bias)
        if JAVA_OPS:
            java_ops_network(self.model)

    def forward(self, x, descriptor):
        for i in range(14):
            x = self.model[i](x)
        out = self.model[14](x)
        if self.projection is None:
            return out
        e = self.projection(descriptor)
        inner = (x * e[:, :, None, None]).sum(1, keepdim=True)
        return out + F.avg_pool2d(inner, 2, stride=1)


def l2_normalize_rows(x):
    """Ops.l2NormalizeRows (CUT's Normalize(2) with 1e-14 under the root)."""
    return x / ((x.square().sum(1, keepdim=True) + 1e-14).sqrt() + 1e-7)


class PatchSampleHeads(nn.Module):
    """PatchSampleHeads.java: mlp_<i> = Linear(C, width) - ReLU - Linear(width, width), then L2 normalisation."""

    def __init__(self, channels, width):
        super().__init__()
        for i, c in enumerate(channels):
            mlp = nn.Sequential(nn.Linear(c, width), nn.ReLU(), nn.Linear(width, width))
            for m in (mlp[0], mlp[2]):
                xavier(m.weight, 0.02)
                nn.init.zeros_(m.bias)
            setattr(self, 'mlp_%d' % i, mlp)

    def project(self, i, features):
        return l2_normalize_rows(getattr(self, 'mlp_%d' % i)(features))


class AudioVisualCritic(nn.Module):
    """AudioVisualCritic.java: image side 64 x 64 area resize, 4 stride-2 convs (k4, p1) with LeakyReLU, global mean,
    linear; audio side MLP on the embedding; both L2-normalised. frozen: no gradient for the critic's weights."""

    SIDE = 64

    def __init__(self, width, emb, dim):
        super().__init__()
        layers, cin = {}, 3
        for i in range(4):
            layers[str(i)] = Conv(cin, width << i, 4, 2, 1)
            cin = width << i
        layers['head'] = nn.Linear(cin, dim)
        self.image = nn.ModuleDict(layers)
        self.audio = nn.Sequential(nn.Linear(emb, emb), nn.ReLU(), nn.Linear(emb, dim))
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                xavier(m.weight, 1.0)
                nn.init.zeros_(m.bias)

    def embed_image(self, image, frozen):
        with frozen_weights(self.image, frozen):
            x = area_resize(image, self.SIDE, self.SIDE)
            for i in range(4):
                x = F.leaky_relu(self.image[str(i)](x), 0.2)
            return l2_normalize_rows(self.image['head'](x.flatten(2).mean(2)))

    def embed_audio(self, embedding):
        return l2_normalize_rows(self.audio(embedding))


class frozen_weights:
    """CUT's set_requires_grad(net, False) for the span of a with block (the Java side's stopGradient aliases)."""

    def __init__(self, module, frozen):
        self.params = list(module.parameters()) if frozen else []

    def __enter__(self):
        for p in self.params:
            p.requires_grad_(False)

    def __exit__(self, *exc):
        for p in self.params:
            p.requires_grad_(True)


def param_count(module):
    return sum(p.numel() for p in module.parameters())


def blas_library():
    """The BLAS that torch's matrix products run on. Debian's python3-torch is built with BLAS_INFO=generic: it calls
    whatever libblas.so.3 the loader finds, by default the reference (netlib) BLAS, several times slower than an
    optimised one for the PatchNCE heads and products here (gan-step-vs-pytorch.sh points it at OpenBLAS)."""
    torch.ones(2, 2).matmul(torch.ones(2, 2))
    try:
        with open('/proc/self/maps') as f:
            paths = {line.split()[-1] for line in f if 'blas' in line.lower() and '/' in line}
    except OSError:
        return 'unknown'
    return ', '.join(sorted(paths)) or 'built in'


# ------------------------------------------------------------------------------------------------------------------
# Losses
# ------------------------------------------------------------------------------------------------------------------


def lsgan(prediction, target):
    return (prediction - target).square().mean()


def gather_patches(features, ids):
    """PatchNce.gatherPatches: B x C x H x W at flat positions ids -> (B*P) x C, image 0's patches first."""
    b, c = features.shape[:2]
    return features.reshape(b, c, -1)[:, :, ids].transpose(1, 2).reshape(b * ids.numel(), c)


def patch_nce_losses(q, k, batch, tau):
    """CUT's PatchNCELoss with reduction='none' (PatchNce.patchLosses)."""
    k = k.detach()
    n, dim = q.shape
    p = n // batch
    l_pos = (q * k).sum(1, keepdim=True)
    l_neg = torch.bmm(q.view(batch, p, dim), k.view(batch, p, dim).transpose(2, 1))
    l_neg = l_neg.masked_fill(torch.eye(p, dtype=torch.bool)[None], -10.0).view(n, p)
    logits = torch.cat((l_pos, l_neg), 1) / tau
    return F.cross_entropy(logits, torch.zeros(n, dtype=torch.long), reduction='none')


def info_nce(a, b, tau):
    """InfoNce.loss: each a_i must pick b_i among the rows of b."""
    return F.cross_entropy(a.matmul(b.t()) / tau, torch.arange(a.shape[0]))


def info_nce_symmetric(a, b, tau):
    return 0.5 * (info_nce(a, b, tau) + info_nce(b, a, tau))


def moments_last_axis(x, eps):
    mean = x.mean(2)
    var = (x - mean[:, :, None]).square().mean(2)
    return mean, (var + eps).sqrt()


def colour_moments(generated, target):
    g = moments_last_axis(generated.flatten(2), 1e-6)
    t = moments_last_axis(target.detach().flatten(2), 1e-6)
    return ((g[0] - t[0]).abs() + (g[1] - t[1]).abs()).mean()


LUMA = (0.299, 0.587, 0.114)


def scene_statistics_of(x):
    h = x.shape[2]
    thirds = ((0, h // 3), (h // 3, 2 * h // 3), (2 * h // 3, h))
    layout = torch.stack([x[:, :, a:b].flatten(2).mean(2) for a, b in thirds], 2)
    luma = (x[:, 0] * LUMA[0] + x[:, 1] * LUMA[1] + x[:, 2] * LUMA[2])[:, None]
    across = (luma[:, :, :, 1:] - luma[:, :, :, :-1]).abs()
    down = (luma[:, :, 1:, :] - luma[:, :, :-1, :]).abs()
    return layout, across.flatten(1).mean(1) + down.flatten(1).mean(1)


def scene_statistics(generated, target):
    g = scene_statistics_of(generated)
    t = scene_statistics_of(target.detach())
    return (g[0] - t[0]).abs().mean() + (g[1] - t[1]).abs().mean()


# ------------------------------------------------------------------------------------------------------------------
# Inputs (StepBenchmark's generated data, Batch.draw's crops/flips/windows, SpectrogramMasking)
# ------------------------------------------------------------------------------------------------------------------

WINDOW = 48000


class Data:
    def __init__(self, c, rng):
        self.c, self.rng = c, rng
        pairs, side = max(2, c['batch']), load_size(c)
        self.images = torch.rand(pairs, 3, side, side, generator=rng)
        self.sounds = torch.randn(pairs, 80000, generator=rng) * 0.1

    def draw(self):
        c, rng = self.c, self.rng
        n, crop, side = c['batch'], c['crop'], self.images.shape[2]
        pick = lambda: int(torch.randint(self.images.shape[0], (1,), generator=rng))  # noqa: E731

        def crop_flip(img):
            x0, y0 = (int(torch.randint(side - crop + 1, (1,), generator=rng)) for _ in range(2))
            out = img[:, y0:y0 + crop, x0:x0 + crop]
            if c['flip'] and bool(torch.randint(2, (1,), generator=rng)):
                out = out.flip(2)
            return out * 2 - 1
        content, paired, wav = [], [], []
        for _ in range(n):
            content.append(crop_flip(self.images[pick()]))
            k = pick()
            paired.append(crop_flip(self.images[k]))
            start = int(torch.randint(80000 - WINDOW + 1, (1,), generator=rng)) if c['randomAudioWindow'] else 0
            wav.append(self.sounds[k, start:start + WINDOW])
        return torch.stack(content), torch.stack(paired), torch.stack(wav)


def spec_augment_mask(shape, rng):
    """SpectrogramMasking.apply's mask: per clip two bands of up to 15 % of the bins, two spans of up to 10 % of the
    frames, set to zero."""
    n, _, f, t = shape
    mask = np.ones(shape, dtype=np.float32)
    for i in range(n):
        for _ in range(2):
            width = int(rng.integers(int(0.15 * f) + 1))
            start = int(rng.integers(f - width + 1))
            mask[i, 0, start:start + width, :] = 0
        for _ in range(2):
            width = int(rng.integers(int(0.10 * t) + 1))
            start = int(rng.integers(t - width + 1))
            mask[i, 0, :, start:start + width] = 0
    return torch.from_numpy(mask)


# ------------------------------------------------------------------------------------------------------------------
# The step (Trainer.ganStep)
# ------------------------------------------------------------------------------------------------------------------

CROP = 256  # DiscriminatorInput.CROP


class Profile:
    def __init__(self):
        self.sections, self.lap = {}, time.perf_counter()

    def mark(self, name):
        now = time.perf_counter()
        self.sections[name] = self.sections.get(name, 0.0) + now - self.lap
        self.lap = now


class GanStep:
    def __init__(self, c, seed=1):
        self.c = c
        torch.manual_seed(seed)
        net = c['network']
        self.G = Generator(net)
        self.A = AudioEncoder(net)
        self.A.train()  # batch norm with batch statistics, running averages updated (embed(..., training=true))
        self.D = PatchDiscriminator(6, c['discriminatorWidth'], 2 * CROP if c['projection'] else 0)
        self.layers = nce_layers(c)
        with torch.no_grad():
            probe = self.G.encode(torch.zeros(1, 3, c['crop'], c['crop']), self.layers)
        self.F = PatchSampleHeads([f.shape[1] for f in probe], c['nceHeadWidth'])
        self.C = AudioVisualCritic(c['criticWidth'], net['embeddingDim'], c['criticDim']) if c['avCritic'] > 0 \
            else None
        betas = (c['beta1'], c['beta2'])
        adam = lambda m: torch.optim.Adam(m.parameters(), lr=c['lr'], betas=betas, eps=1e-8)  # noqa: E731
        self.optG, self.optA, self.optD, self.optF = adam(self.G), adam(self.A), adam(self.D), adam(self.F)
        self.optC = adam(self.C) if self.C is not None else None
        self.patch_rng = np.random.default_rng(seed * 1_000_003 + 6)
        self.mask_rng = np.random.default_rng(seed * 1_000_003 + 5)
        self.data = Data(c, torch.Generator().manual_seed(seed))

    def networks(self):
        nets = [('G', self.G), ('A', self.A), ('D', self.D), ('F', self.F)]
        return nets + ([('C', self.C)] if self.C is not None else [])

    def patch_ids(self, hw):
        return torch.from_numpy(self.patch_rng.permutation(hw)[:min(self.c['ncePatches'], hw)].astype(np.int64))

    def step(self, batch=None, fixed_ids=None, fixed_mask=None):
        """One GAN step; returns (losses, section seconds)."""
        c, G, A, D, Fh, C = self.c, self.G, self.A, self.D, self.F, self.C
        prof = Profile()
        content, paired, wav = self.data.draw() if batch is None else batch
        n = content.shape[0]
        prof.mark('batch')
        losses = {}
        identity = c['nceIdentity']
        log_scale = c['spectrogramScale'] == 'log'
        with torch.no_grad():
            spec = A.spectrogram(wav)
            crop = spec[:, :, :CROP, :CROP]
            crop = torch.log1p(crop) if log_scale else crop
            desc = None
            if D.projection is not None:  # DiscriminatorInput.audioDescriptor
                x = (crop if log_scale else torch.log1p(crop)).squeeze(1)
                desc = torch.cat(moments_last_axis(x, 1e-8), 1)
            real_input = self.d_input(crop, paired)
        prof.mark('spectrogram + D inputs')
        sources = torch.cat((content, paired), 0) if identity else content
        with torch.no_grad():
            feats = G.encode(sources, self.layers)
            ids, keys = [], []
            for i, f in enumerate(feats):
                ids.append(fixed_ids[i] if fixed_ids is not None else self.patch_ids(f.shape[2] * f.shape[3]))
                keys.append(Fh.project(i, gather_patches(f, ids[i])))
            del feats
        prof.mark('NCE keys (encoder on real, no grad)')

        spec_in = spec
        if c['specAugment']:
            spec_in = spec * (fixed_mask if fixed_mask is not None else spec_augment_mask(tuple(spec.shape),
                self.mask_rng))
        emb = A.embed(spec_in)
        prof.mark('audio embed')
        generated = G(sources, torch.cat((emb, emb), 0) if identity else emb)
        fake = generated[:n] if identity else generated
        prof.mark('G forward')
        pred_real = D(real_input, desc)
        pred_fake = D(self.d_input(crop, fake.detach()), desc)
        if c['matchingAware']:
            roll = lambda x: torch.cat((x[1:], x[:1]), 0)  # noqa: E731
            pred_wrong = D(self.d_input(roll(crop), paired), None if desc is None else roll(desc))
            loss_d = 0.5 * (lsgan(pred_real, 1.0) + 0.5 * (lsgan(pred_fake, 0.0) + lsgan(pred_wrong, 0.0)))
        else:
            loss_d = 0.5 * (lsgan(pred_real, 1.0) + lsgan(pred_fake, 0.0))
        loss_d.backward()
        prof.mark('D forward + backward')
        losses['d'] = loss_d.item()
        self.optD.step()
        self.optD.zero_grad(set_to_none=True)
        prof.mark('Adam D')

        with frozen_weights(D, True):
            gan = lsgan(D(self.d_input(crop, fake), desc), 1.0)
        prof.mark('D forward (frozen, G loss)')
        queries = G.encode(generated, self.layers)
        per_image = None
        for i, f in enumerate(queries):
            q = Fh.project(i, gather_patches(f, ids[i]))
            layer = patch_nce_losses(q, keys[i], keys[i].shape[0] // ids[i].numel(), c['nceTau'])
            layer = layer.view(-1, ids[i].numel()).mean(1)
            per_image = layer if per_image is None else per_image + layer
        per_image = per_image / len(queries)
        prof.mark('NCE queries (encoder on generated)')
        nce_x = per_image[:n].mean()
        total = gan * c['lambdaGan']
        if identity:
            nce_y = per_image[n:].mean()
            total = total + (nce_x + nce_y) * (0.5 * c['lambdaNce'])
            losses['nceY'] = nce_y.item()
        else:
            total = total + nce_x * c['lambdaNce']
        if c['avGenerator'] > 0:
            with torch.no_grad():
                audio_side = C.embed_audio(emb)
            av = info_nce(C.embed_image(fake, True), audio_side, c['avTau'])
            total = total + av * c['avGenerator']
            losses['avGenerator'] = av.item()
        if c['colourMoments'] > 0:
            moments = colour_moments(fake, paired)
            total = total + moments * c['colourMoments']
            losses['colourMoments'] = moments.item()
        if c['sceneStatistics'] > 0:
            scene = scene_statistics(fake, paired)
            total = total + scene * c['sceneStatistics']
            losses['sceneStatistics'] = scene.item()
        prof.mark('NCE loss + audio-visual G term + colour moments + scene statistics')
        if C is not None:
            real = info_nce_symmetric(C.embed_image(paired, False), C.embed_audio(emb), c['avTau'])
            total = total + real * c['avCritic']
            losses['avCritic'] = real.item()
            prof.mark('critic on real pairs')
        total.backward()
        prof.mark('G loss backward (G, A, F, C)')
        losses['gan'] = gan.item()
        losses['nceX'] = nce_x.item()
        for opt in (self.optG, self.optA, self.optF, self.optC):
            if opt is not None:
                opt.step()
                opt.zero_grad(set_to_none=True)
        prof.mark('Adam G, A, F, C')
        return losses, prof.sections

    @staticmethod
    def d_input(crop, image):
        """DiscriminatorInput.build: cat(crop area-resized to the image size, x3, image)."""
        s = area_resize(crop, image.shape[2], image.shape[3])
        return torch.cat((s, s, s, image), 1)


# ------------------------------------------------------------------------------------------------------------------
# --check: the Java side's weights, batch and patch ids; compare the step's losses
# ------------------------------------------------------------------------------------------------------------------


def check(step, directory):
    c = step.c
    with open(os.path.join(directory, 'index.json')) as f:
        index = json.load(f)
    flat = np.fromfile(os.path.join(directory, 'weights.f32'), dtype='<f4')
    modules = dict(step.networks())
    offset, problems = 0, []
    java_counts = {}
    for e in index:
        size = int(np.prod(e['shape']))
        value = torch.from_numpy(flat[offset:offset + size].copy()).reshape(e['shape'])
        offset += size
        if e['parameter']:
            java_counts[e['group']] = java_counts.get(e['group'], 0) + size
        state = modules[e['group']].state_dict()
        if e['key'] not in state:
            problems.append('%s/%s missing here' % (e['group'], e['key']))
            continue
        if tuple(state[e['key']].shape) != tuple(e['shape']):
            problems.append('%s/%s shape %s here, %s in Java' % (e['group'], e['key'], tuple(state[e['key']].shape),
                e['shape']))
            continue
        with torch.no_grad():
            dict(modules[e['group']].named_parameters()).get(e['key'], dict(modules[e['group']].named_buffers())
                .get(e['key'])).copy_(value)
    for g, m in modules.items():
        print('check params %s: java %d, pytorch %d%s' % (g, java_counts.get(g, 0), param_count(m),
            '' if java_counts.get(g, 0) == param_count(m) else '  MISMATCH'))
    if problems:
        raise SystemExit('check: ' + '; '.join(problems))
    crop, n = c['crop'], c['batch']

    def floats(name, shape):
        return torch.from_numpy(np.fromfile(os.path.join(directory, name), dtype='<f4').copy()).reshape(shape)
    batch = floats('content.f32', (n, 3, crop, crop)), floats('paired.f32', (n, 3, crop, crop)), floats('wav.f32',
        (n, WINDOW))
    mask = floats('mask.f32', (n, 1, 257, 301)) if c['specAugment'] else None
    with open(os.path.join(directory, 'ids.json')) as f:
        ids = [torch.tensor(i, dtype=torch.int64) for i in json.load(f)]
    for opt in (step.optG, step.optA, step.optD, step.optF, step.optC):
        if opt is not None:
            for g in opt.param_groups:
                g['lr'] = 0.0  # the Java dump ran with lr 1e-30: every loss from the initial weights
    losses, _ = step.step(batch, ids, mask)
    with open(os.path.join(directory, 'losses.json')) as f:
        java = json.load(f)
    worst = 0.0
    for k, v in java.items():
        if v is None:
            continue
        mine = losses.get(k, float('nan'))
        rel = abs(mine - v) / max(abs(v), 1e-12)
        worst = max(worst, rel)
        print('check loss %-16s java %.7f pytorch %.7f rel diff %.1e' % (k, v, mine, rel))
    print('check worst relative difference %.1e' % worst)
    if not worst <= 1e-4:  # also fails on NaN
        raise SystemExit('check: the replica is not the same step (worst relative loss difference %.1e)' % worst)


# ------------------------------------------------------------------------------------------------------------------


def main():
    global JAVA_OPS
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('config')
    p.add_argument('steps', nargs='?', type=int, default=5, help='measured steps after one warm-up step')
    p.add_argument('--threads', type=int, default=2, help='intra-op threads (the JVM side: libtorch default, '
        'all cores)')
    p.add_argument('--profile', action='store_true', help='print the median seconds of each section of the step')
    p.add_argument('--java-ops', action='store_true', help="use the Java side's formulations of padding, blur, "
        'instance norm + FiLM, area resize and grad-safe convolutions')
    p.add_argument('--check', metavar='DIR', help="compare one step's losses with a dump of the Java side")
    a = p.parse_args()
    JAVA_OPS = a.java_ops
    torch.set_num_threads(a.threads)
    torch.set_num_interop_threads(1)
    c = read_config(a.config)
    step = GanStep(c, c['seed'])
    net = c['network']
    print('pytorch %s, threads %d (interop %d), %s ops; ngf=%d, residualBlocks=%d, audioWidth=%d, embeddingDim=%d, '
        'conditioning=%s crop %d batch %d %s' % (torch.__version__, torch.get_num_threads(),
        torch.get_num_interop_threads(), 'java' if JAVA_OPS else 'pytorch', net['ngf'], net['residualBlocks'],
        net['audioWidth'], net['embeddingDim'], net['conditioning'], c['crop'], c['batch'], c['recipe']))
    print('pytorch blas %s' % blas_library())
    for name, m in step.networks():
        print('params %s %d' % (name, param_count(m)))
    if a.check:
        check(step, a.check)
        return
    step.step()  # warm-up
    times, sections = [], {}
    for i in range(a.steps):
        t0 = time.perf_counter()
        _, prof = step.step()
        times.append(time.perf_counter() - t0)
        for k, v in prof.items():
            sections.setdefault(k, []).append(v)
        print('step %d %.3f s' % (i + 1, times[-1]), flush=True)
    if a.profile:
        print('sections (median over the measured steps):')
        for k, v in sections.items():
            print('  %-70s %7.3f s' % (k, statistics.median(v)))
    print('pytorch GAN step median %.3f s over %d steps' % (statistics.median(times), len(times)))


if __name__ == '__main__':
    main()
