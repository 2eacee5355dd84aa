#!/usr/bin/env python3
"""The work of calculus.backprop.bench.Benchmark, done by PyTorch: the yardstick for the reference's figures.

Same networks, data sizes, steps, optimizer and precision (float64), on one thread:

  moons   a 2-16-16-2 tanh network, 1,000 two-moons points (noise 0.1), 1,000 full-batch steps of gradient descent
          with momentum (rate 0.5, momentum 0.9) on the softmax cross-entropy: milliseconds in all, of CPU and wall
  ratio   10-h-h-10 ReLU and tanh networks, h = 24, 64, 128, 300, a batch of 64: the CPU time of forward (network
          and loss, building the graph as training does) and of forward + backward, and their ratio

Run it with any Python that has PyTorch (Debian: apt-get install python3-torch; then /usr/bin/python3):

  python3 solutions/06-backprop/bench/pytorch_bench.py            # prints a table
  python3 solutions/06-backprop/bench/pytorch_bench.py moons      # one part: ratio or moons
  python3 solutions/06-backprop/bench/pytorch_bench.py --machine  # one figure per line, for the Java benchmark

The Java benchmark (./mvnw -q verify -Pbenchmark -pl solutions/06-backprop -am) runs this script itself when
PyTorch is there, and prints both sets of figures side by side. Every figure is the median of several timed runs
after a warm-up; the data are drawn as the Java benchmark draws them (not the same random numbers: the same
sizes and distributions).
"""
import math
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

WIDTHS = (24, 64, 128, 300)
BATCH = 64
FEATURES = 10
CLASSES = 10
WARMUP_SECONDS = 2.0
MEASUREMENT_SECONDS = 0.05
REPEATS = 7


def medians_ms(task, repeats=REPEATS):
    """Warms the task up, then `repeats` timed runs (each repeated to last 50 ms): the median wall time and the
    median CPU time of this thread (PyTorch computes on it, with one thread), in ms."""
    start = time.perf_counter()
    warmups = 0
    while time.perf_counter() - start < WARMUP_SECONDS or warmups < 2:
        task()
        warmups += 1
    per_run = (time.perf_counter() - start) / warmups
    inner = max(1, math.ceil(MEASUREMENT_SECONDS / per_run))
    wall, cpu = [], []
    for _ in range(repeats):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        for _ in range(inner):
            task()
        wall.append((time.perf_counter() - t0) * 1000 / inner)
        cpu.append((time.thread_time() - c0) * 1000 / inner)
    return statistics.median(wall), statistics.median(cpu)


def paired_ms(a, b, pairs=15):
    """Two tasks timed in turn, A B A B ..., after a warm-up: the median CPU time of each (ms) and the median of
    the pairs' ratios B / A, as the Java benchmark measures them."""
    inner = []
    for task in (a, b):
        start = time.perf_counter()
        warmups = 0
        while time.perf_counter() - start < WARMUP_SECONDS or warmups < 2:
            task()
            warmups += 1
        inner.append(max(1, math.ceil(MEASUREMENT_SECONDS / ((time.perf_counter() - start) / warmups))))
    times_a, times_b, ratios = [], [], []
    for _ in range(pairs):
        measured = []
        for task, n in zip((a, b), inner):
            c0 = time.thread_time()
            for _ in range(n):
                task()
            measured.append((time.thread_time() - c0) * 1000 / n)
        times_a.append(measured[0])
        times_b.append(measured[1])
        ratios.append(measured[1] / measured[0])
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def moons(n, noise, generator):
    """Two interleaved half circles, n points, label 0 on the upper one: as calculus.oracles.Datasets.moons."""
    upper = n // 2
    rows, labels = [], []
    for i in range(n):
        first = i < upper
        k = i if first else i - upper
        count = upper if first else n - upper
        t = 0.0 if count == 1 else math.pi * k / (count - 1)
        px = math.cos(t) if first else 1 - math.cos(t)
        py = math.sin(t) if first else 0.5 - math.sin(t)
        rows.append([px, py])
        labels.append(0 if first else 1)
    x = torch.tensor(rows) + noise * torch.randn(n, 2, generator=generator)
    return x, torch.tensor(labels)


def moons_run():
    """1,000 full-batch momentum steps of a 2-16-16-2 tanh network on 1,000 points; returns (ms, accuracy)."""
    generator = torch.Generator().manual_seed(3)
    x, y = moons(1000, 0.1, generator)
    accuracy = [0.0]

    def train():
        torch.manual_seed(4)
        net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 16),
                                  torch.nn.Tanh(), torch.nn.Linear(16, 2))
        # PyTorch's momentum keeps v = mu v + g and steps p -= rate v: the same path as v = mu v - rate g, p += v
        optimizer = torch.optim.SGD(net.parameters(), lr=0.5, momentum=0.9)
        loss_fn = torch.nn.CrossEntropyLoss()
        for _ in range(1000):
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(net(x), y)
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            accuracy[0] = (net(x).argmax(dim=1) == y).double().mean().item()

    wall, cpu = medians_ms(train, 5)
    return wall, cpu, accuracy[0]


def ratio(activation, width):
    """(forward + backward) / forward of a 10-h-h-10 network on a batch of 64, timed in turn; returns (forward ms,
    both ms, median ratio)."""
    torch.manual_seed(width)
    act = torch.nn.ReLU if activation == "relu" else torch.nn.Tanh
    net = torch.nn.Sequential(torch.nn.Linear(FEATURES, width), act(), torch.nn.Linear(width, width), act(),
                              torch.nn.Linear(width, CLASSES))
    x = torch.rand(BATCH, FEATURES) * 4 - 2
    y = torch.randint(0, CLASSES, (BATCH,))
    loss_fn = torch.nn.CrossEntropyLoss()
    params = list(net.parameters())

    def forward():
        return loss_fn(net(x), y)

    def forward_backward():
        for p in params:
            p.grad = None
        loss_fn(net(x), y).backward()

    return paired_ms(forward, forward_backward)


def main():
    machine = "--machine" in sys.argv
    parts = [a for a in sys.argv[1:] if a in ("ratio", "moons")] or ["ratio", "moons"]
    out = []
    if "ratio" in parts:
        for activation in ("relu", "tanh"):
            for width in WIDTHS:
                f, fb, r = ratio(activation, width)
                out.append(("ratio", "%s %d %.5f %.5f %.4f" % (activation, width, f, fb, r)))
    if "moons" in parts:
        wall, cpu, accuracy = moons_run()
        out.append(("moons", "%.1f %.1f %.4f" % (wall, cpu, accuracy)))
    if machine:
        for key, value in out:
            print(key, value, flush=True)
        return
    print("PyTorch %s, %d thread, float64" % (torch.__version__, torch.get_num_threads()))
    print("%-6s %6s %12s %16s %10s" % ("act", "width", "forward ms", "fwd + bwd ms", "ratio"))
    for key, value in out:
        if key == "ratio":
            activation, width, f, fb, r = value.split()
            print("%-6s %6s %12.3f %16.3f %10.2f" % (activation, width, float(f), float(fb), float(r)))
        else:
            wall, cpu, accuracy = value.split()
            print("moons: %.0f ms of CPU (%.0f ms wall) for 1,000 steps, training accuracy %.1f%%"
                  % (float(cpu), float(wall), 100 * float(accuracy)))


if __name__ == "__main__":
    main()
