#!/usr/bin/env python3
"""Reference PyTorch networks of AVStyle and the fixtures that prove the Java checkpoint importer matches them.

Builds the paper's generator (ResnetGenerator with model_down / model_up, anti-aliased Downsample / Upsample, ResNet
blocks, embedding concatenated at the bottleneck) and audio network (AudioModel: nnAudio-0.2.2-style STFT buffers, a
ResNet-18 whose stem conv has padding 1, proj Linear) from the facts in shared/research/avstyle.md, sections 1, 2 and 7,
with the official state-dict key names. Then:

  (a) paper configuration: writes paper_keys.json (every state-dict key and shape, in order) and checks the parameter
      counts 12,493,699 (G) and 11,301,568 (Audio);
  (b) a reduced-width configuration: seeded random weights saved with torch.save (zip format) as tiny_net_G.pth and
      tiny_net_Audio.pth, variants (float16, non-contiguous views, DataParallel 'module.' prefixes, legacy format), a
      crafted malicious pickle, and inputs / outputs (waveform -> embedding; image + embedding -> generator output) as
      raw little-endian float32 files, described by tiny_manifest.json.

Needs PyTorch (Debian: apt-get install python3-torch; tested with 1.13) and numpy. CI does not run this; the outputs are
committed under engine/src/test/resources/pth/. Usage:

    /usr/bin/python3 tools/reference/make_fixtures.py [--out engine/src/test/resources/pth]
"""

import argparse
import io
import json
import math
import os
import zipfile

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# ------------------------------------------------------------------------------------------------------------------
# Generator (avstyle.md section 1)
# ------------------------------------------------------------------------------------------------------------------


def binomial_2d(row):
    a = torch.tensor(row, dtype=torch.float64)
    f = a[:, None] * a[None, :]
    return (f / f.sum()).float()


class Downsample(nn.Module):
    """Reflect-pad 1, depthwise [1,2,1]x[1,2,1]/16 blur, stride 2. 'filt' is a registered buffer (C x 1 x 3 x 3)."""

    def __init__(self, channels):
        super().__init__()
        self.register_buffer('filt', binomial_2d([1., 2., 1.])[None, None].repeat(channels, 1, 1, 1))

    def forward(self, x):
        return F.conv2d(F.pad(x, (1, 1, 1, 1), mode='reflect'), self.filt, stride=2, groups=x.shape[1])


class Upsample(nn.Module):
    """Replicate-pad 1, depthwise transposed conv with [1,3,3,1]^2/64*4, stride 2, padding 2, crop [1:,1:][:-1,:-1]."""

    def __init__(self, channels):
        super().__init__()
        self.register_buffer('filt', (binomial_2d([1., 3., 3., 1.]) * 4)[None, None].repeat(channels, 1, 1, 1))

    def forward(self, x):
        y = F.conv_transpose2d(F.pad(x, (1, 1, 1, 1), mode='replicate'), self.filt, stride=2, padding=2,
            groups=x.shape[1])[:, :, 1:, 1:]
        return y[:, :, :-1, :-1]


def instance_norm(c):
    return nn.InstanceNorm2d(c, affine=False, track_running_stats=False)


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), instance_norm(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), instance_norm(dim))

    def forward(self, x):
        return x + self.conv_block(x)


class ResnetGenerator(nn.Module):
    """The paper's widths for ngf=64, emb=256. The decoder input is 4*ngf + emb wide (the official code writes 8*ngf,
    equal when emb = 4*ngf); its convs go to 4*ngf, then 2*ngf, then 3."""

    def __init__(self, ngf=64, n_blocks=9, emb=256):
        super().__init__()
        down = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7, padding=0, bias=True), instance_norm(ngf), nn.ReLU(True)]
        for mult in (1, 2):
            down += [nn.Conv2d(ngf * mult, ngf * mult * 2, 3, stride=1, padding=1, bias=True),
                instance_norm(ngf * mult * 2), nn.ReLU(True), Downsample(ngf * mult * 2)]
        down += [ResnetBlock(4 * ngf) for _ in range(n_blocks)]
        cat = 4 * ngf + emb
        up = [Upsample(cat), nn.Conv2d(cat, 4 * ngf, 3, padding=1, bias=True), instance_norm(4 * ngf), nn.ReLU(True),
            Upsample(4 * ngf), nn.Conv2d(4 * ngf, 2 * ngf, 3, padding=1, bias=True), instance_norm(2 * ngf),
            nn.ReLU(True), nn.ReflectionPad2d(3), nn.Conv2d(2 * ngf, 3, 7, padding=0), nn.Tanh()]
        self.model_down = nn.Sequential(*down)
        self.model_up = nn.Sequential(*up)

    def forward(self, x, embedding):
        """Full-image mode: the embedding (B x emb) is tiled to the bottleneck's H/4 x W/4 (the released code fixes
        64x64, which is the same thing for 256x256 inputs)."""
        b = self.model_down(x)
        e = embedding[:, :, None, None].expand(-1, -1, b.shape[2], b.shape[3])
        return self.model_up(torch.cat((b, e), dim=1))


# ------------------------------------------------------------------------------------------------------------------
# Audio network (avstyle.md section 2)
# ------------------------------------------------------------------------------------------------------------------


class STFT(nn.Module):
    """nnAudio 0.2.2 STFT(n_fft=512, win_length=400, hop_length=160, output_format='Magnitude'), trainable=False:
    wsin/wcos (257 x 1 x 512) = Fourier kernels * window, window_mask (1 x 512 x 1) = periodic Hann(400) zero-padded
    and centred to 512; reflect padding 256; sqrt(re^2 + im^2) with no epsilon."""

    def __init__(self, n_fft=512, win_length=400, hop_length=160):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop_length
        n = np.arange(win_length, dtype=np.float64)
        hann = 0.5 - 0.5 * np.cos(2.0 * np.pi * n / win_length)  # scipy get_window('hann', fftbins=True)
        window = np.zeros(n_fft, dtype=np.float64)
        left = (n_fft - win_length) // 2
        window[left:left + win_length] = hann
        s = np.arange(n_fft, dtype=np.float64)
        k = np.arange(n_fft // 2 + 1, dtype=np.float64)
        kernel_sin = torch.tensor(np.sin(2 * np.pi * np.outer(k, s) / n_fft)[:, None, :].astype(np.float32))
        kernel_cos = torch.tensor(np.cos(2 * np.pi * np.outer(k, s) / n_fft)[:, None, :].astype(np.float32))
        window = torch.tensor(window.astype(np.float32))
        self.register_buffer('wsin', kernel_sin * window)
        self.register_buffer('wcos', kernel_cos * window)
        self.register_buffer('window_mask', window[None, :, None])

    def forward(self, x):
        x = F.pad(x[:, None, :], (self.n_fft // 2, self.n_fft // 2), mode='reflect')
        im = F.conv1d(x, self.wsin, stride=self.hop)
        re = F.conv1d(x, self.wcos, stride=self.hop)
        return torch.sqrt(re.pow(2) + im.pow(2))


class BasicBlock(nn.Module):
    """torchvision's ResNet BasicBlock (keys conv1, bn1, conv2, bn2, downsample.0, downsample.1)."""

    def __init__(self, inplanes, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = None
        if stride != 1 or inplanes != planes:
            self.downsample = nn.Sequential(nn.Conv2d(inplanes, planes, 1, stride=stride, bias=False),
                nn.BatchNorm2d(planes))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


def res_layer(inplanes, planes, stride):
    return nn.Sequential(BasicBlock(inplanes, planes, stride), BasicBlock(planes, planes, 1))


class AudioModel(nn.Module):
    """ResNet-18 (width w: w, 2w, 4w, 8w) with stem Conv2d(1->w, k7, s2, padding=1), bn1, relu, maxpool(3,2,1); global
    average pool; proj Linear(8w -> emb). Attribute names as in the released code (AudioInconv, AudioLayer1..4,
    AudioAvgpool, stft, proj), so the state-dict keys match the official checkpoints."""

    def __init__(self, width=64, emb=256):
        super().__init__()
        w = width
        self.AudioInconv = nn.Sequential(nn.Conv2d(1, w, 7, stride=2, padding=1, bias=False), nn.BatchNorm2d(w),
            nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, 1))
        self.AudioLayer1 = res_layer(w, w, 1)
        self.AudioLayer2 = res_layer(w, 2 * w, 2)
        self.AudioLayer3 = res_layer(2 * w, 4 * w, 2)
        self.AudioLayer4 = res_layer(4 * w, 8 * w, 2)
        self.AudioAvgpool = nn.AdaptiveAvgPool2d(1)
        self.stft = STFT()
        self.proj = nn.Linear(8 * w, emb)

    def forward(self, wave):
        spec = self.stft(wave)
        x = self.AudioInconv(spec[:, None])
        x = self.AudioLayer4(self.AudioLayer3(self.AudioLayer2(self.AudioLayer1(x))))
        return self.proj(self.AudioAvgpool(x).flatten(1))


# ------------------------------------------------------------------------------------------------------------------
# Fixture helpers
# ------------------------------------------------------------------------------------------------------------------

DTYPE_NAMES = {torch.float32: 'float32', torch.float16: 'float16', torch.bfloat16: 'bfloat16', torch.int64: 'int64'}


def param_count(module):
    return sum(p.numel() for p in module.parameters())


def key_list(state):
    return [{'key': k, 'shape': list(v.shape)} for k, v in state.items()]


def describe(state):
    """Keys, shapes, dtypes, the first values (row-major) and a float64 sum of each tensor, for the Java tests."""
    out = []
    for k, v in state.items():
        flat = v.detach().reshape(-1)
        out.append({'key': k, 'shape': list(v.shape), 'dtype': DTYPE_NAMES[v.dtype],
            'first': [float(x) for x in flat[:4].double()], 'sum': float(flat.double().sum())})
    return out


def dump_json(obj, path):
    """Top-level entries one per line and list items one per line: readable diffs, small files."""
    lines = []
    for i, (k, v) in enumerate(obj.items()):
        end = ',' if i + 1 < len(obj) else ''
        if isinstance(v, list) and v and isinstance(v[0], dict):
            items = ',\n'.join('  ' + json.dumps(x, separators=(',', ':')) for x in v)
            lines.append(' {}: [\n{}\n ]{}'.format(json.dumps(k), items, end))
        else:
            lines.append(' {}: {}{}'.format(json.dumps(k), json.dumps(v, separators=(',', ':')), end))
    with open(path, 'w') as f:
        f.write('{\n' + '\n'.join(lines) + '\n}\n')


def write_f32(path, tensor):
    tensor.detach().float().contiguous().numpy().astype('<f4').tofile(path)


def randomize_generator(g, gen):
    """Default conv init keeps activations sensible; biases get small random values so they matter in the test."""
    with torch.no_grad():
        for m in g.modules():
            if isinstance(m, nn.Conv2d):
                fan_in = m.weight[0].numel()
                m.weight.copy_(torch.randn(m.weight.shape, generator=gen) / math.sqrt(fan_in))
                m.bias.copy_(torch.randn(m.bias.shape, generator=gen) * 0.1)


def randomize_audio(a, gen, calibration_waves):
    """Random conv / linear weights and BN affine parameters; running statistics gathered from calibration audio in
    train mode (cumulative average), so eval-mode activations are of order one, then perturbed a little."""
    with torch.no_grad():
        for m in a.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                fan_in = m.weight[0].numel()
                m.weight.copy_(torch.randn(m.weight.shape, generator=gen) * math.sqrt(2.0 / fan_in))
                if m.bias is not None:
                    m.bias.copy_(torch.randn(m.bias.shape, generator=gen) * 0.1)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.copy_(1 + 0.2 * torch.randn(m.weight.shape, generator=gen))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=gen))
                m.momentum = None
                m.reset_running_stats()
        a.train()
        for w in calibration_waves:
            a(w)
        for m in a.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.mul_(1 + 0.05 * torch.randn(m.running_mean.shape, generator=gen))
                m.running_var.mul_(1 + 0.05 * torch.rand(m.running_var.shape, generator=gen))
                m.momentum = 0.1
    a.eval()


def make_waveform(gen, n=48000, sr=16000):
    """A few chirps and tones plus noise, peak-normalised by 1.1 * max like the released data loader."""
    t = torch.arange(n, dtype=torch.float64) / sr
    x = 0.5 * torch.sin(2 * math.pi * (300 + 400 * t) * t) + 0.3 * torch.sin(2 * math.pi * 1250 * t)
    x = x + 0.2 * torch.randn(n, generator=gen, dtype=torch.float64)
    x = x / (x.abs().max() * 1.1)
    return x.float()


def noncontiguous_copy(state, gen):
    """The same values, stored the way views are: transposed conv weights (permuted strides), biases living inside one
    shared larger storage at offsets, and one tensor taken with a step of 2 (stride 2)."""
    out = {}
    float_keys = [k for k, v in state.items() if v.is_floating_point()]
    shared_len = sum(state[k].numel() for k in float_keys if k.endswith('.bias')) + 7
    shared = torch.randn(shared_len, generator=gen)
    offset = 3
    strided_done = False
    for k, v in state.items():
        if v.dim() == 4:
            out[k] = v.permute(2, 3, 1, 0).contiguous().permute(3, 2, 0, 1)
        elif k.endswith('.bias'):
            n = v.numel()
            shared[offset:offset + n] = v
            out[k] = shared[offset:offset + n]
            offset += n
            if not strided_done:
                big = torch.randn(2 * n, generator=gen)
                big[::2] = v
                out[k] = big[::2]
                strided_done = True
        else:
            out[k] = v
    for k in state:
        assert torch.equal(out[k], state[k]), k
    return out


def torch_save_to_buffer(state):
    """torch.save to an in-memory buffer: the zip's top folder is then 'archive/' (a path gives the file's stem)."""
    buf = io.BytesIO()
    torch.save(state, buf)
    return buf.getvalue()


def write_malicious(path):
    """A zip laid out like a checkpoint whose data.pkl calls os.system('echo pwned') via GLOBAL + REDUCE. Written as
    raw bytes; never unpickled here."""
    s = b'echo pwned'
    pkl = b'\x80\x02' + b'cos\nsystem\n' + b'q\x00' + b'X' + len(s).to_bytes(4, 'little') + s + b'\x85' + b'R' + b'.'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_STORED) as z:
        for name, data in (('archive/data.pkl', pkl), ('archive/version', b'3\n')):
            z.writestr(zipfile.ZipInfo(name, date_time=(2022, 7, 12, 0, 0, 0)), data)


# ------------------------------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', '..', 'engine', 'src', 'test',
        'resources', 'pth'))
    ap.add_argument('--ngf', type=int, default=4)
    ap.add_argument('--blocks', type=int, default=2)
    ap.add_argument('--audio-width', type=int, default=4)
    ap.add_argument('--emb', type=int, default=16)
    ap.add_argument('--seed', type=int, default=20220512)
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(2)

    # (a) the paper's configuration: key list and parameter counts
    g_paper, a_paper = ResnetGenerator(64, 9, 256), AudioModel(64, 256)
    counts = (param_count(g_paper), param_count(a_paper))
    print('paper parameters: G = {:,}  Audio = {:,}'.format(*counts))
    assert counts == (12493699, 11301568), counts
    paper = {'source': 'tools/reference/make_fixtures.py (torch {})'.format(torch.__version__),
        'config': {'ngf': 64, 'residualBlocks': 9, 'audioWidth': 64, 'embeddingDim': 256, 'conditioning': 'concat'},
        'generatorParameters': counts[0], 'audioParameters': counts[1],
        'generator': key_list(g_paper.state_dict()), 'audio': key_list(a_paper.state_dict())}
    dump_json(paper, os.path.join(out, 'paper_keys.json'))
    del g_paper, a_paper

    # (b) the reduced-width configuration
    gen = torch.Generator().manual_seed(args.seed)
    g = ResnetGenerator(args.ngf, args.blocks, args.emb)
    a = AudioModel(args.audio_width, args.emb)
    randomize_generator(g, gen)
    calibration = [torch.stack([make_waveform(gen) for _ in range(2)]) for _ in range(2)]
    randomize_audio(a, gen, calibration)
    g.eval()

    wave = make_waveform(gen)
    image = torch.rand((1, 3, 20, 28), generator=gen) * 2 - 1
    with torch.no_grad():
        embedding = a(wave[None])
        output = g(image, embedding)
        spectrogram = a.stft(wave[None])
    # self-checks: the conv1d STFT equals torch.stft with the centred periodic Hann window, and files load back
    ref = torch.stft(wave[None].double(), n_fft=512, hop_length=160, win_length=400,
        window=torch.hann_window(400, periodic=True, dtype=torch.float64), center=True, pad_mode='reflect',
        normalized=False, onesided=True, return_complex=True).abs()
    stft_diff = float((ref - spectrogram.double()).abs().max())
    print('STFT vs torch.stft: max abs diff {:.2e} (magnitudes up to {:.1f})'.format(stft_diff, float(ref.max())))
    assert stft_diff < 1e-3 * float(ref.max())
    print('embedding range [{:.3f}, {:.3f}], output range [{:.3f}, {:.3f}]'.format(
        embedding.min(), embedding.max(), output.min(), output.max()))

    gs, as_ = g.state_dict(), a.state_dict()
    torch.save(gs, os.path.join(out, 'tiny_net_G.pth'))
    torch.save(as_, os.path.join(out, 'tiny_net_Audio.pth'))
    half = type(gs)((k, v.half()) for k, v in gs.items())
    with open(os.path.join(out, 'tiny_net_G_fp16.pth'), 'wb') as f:
        f.write(torch_save_to_buffer(half))
    nc = noncontiguous_copy(gs, gen)
    torch.save(nc, os.path.join(out, 'tiny_net_G_noncontig.pth'))
    torch.save(type(gs)(('module.' + k, v) for k, v in gs.items()), os.path.join(out, 'tiny_net_G_module.pth'))
    torch.save(gs, os.path.join(out, 'tiny_net_G_legacy.pth'), _use_new_zipfile_serialization=False)
    write_malicious(os.path.join(out, 'malicious_os_system.pth'))
    for name in ('tiny_net_G.pth', 'tiny_net_G_fp16.pth', 'tiny_net_G_noncontig.pth', 'tiny_net_G_legacy.pth'):
        back = torch.load(os.path.join(out, name))
        assert all(torch.equal(back[k].float(), (half if 'fp16' in name else gs)[k].float()) for k in gs), name

    write_f32(os.path.join(out, 'tiny_wave.f32'), wave)
    write_f32(os.path.join(out, 'tiny_embedding.f32'), embedding)
    write_f32(os.path.join(out, 'tiny_image.f32'), image)
    write_f32(os.path.join(out, 'tiny_output.f32'), output)

    manifest = {'source': paper['source'], 'seed': args.seed,
        'config': {'ngf': args.ngf, 'residualBlocks': args.blocks, 'audioWidth': args.audio_width,
            'embeddingDim': args.emb, 'conditioning': 'concat'},
        'generatorParameters': param_count(g), 'audioParameters': param_count(a),
        'arrays': {'tiny_wave.f32': list(wave.shape), 'tiny_embedding.f32': list(embedding.shape),
            'tiny_image.f32': list(image.shape), 'tiny_output.f32': list(output.shape)},
        'spectrogramShape': list(spectrogram.shape), 'spectrogramSum': float(spectrogram.double().sum()),
        'generator': describe(gs), 'generatorFp16': describe(half), 'audio': describe(as_)}
    dump_json(manifest, os.path.join(out, 'tiny_manifest.json'))

    total = 0
    for name in sorted(os.listdir(out)):
        size = os.path.getsize(os.path.join(out, name))
        total += size
        print('{:>10,}  {}'.format(size, name))
    print('{:>10,}  total'.format(total))


if __name__ == '__main__':
    main()
