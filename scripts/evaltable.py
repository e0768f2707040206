#!/usr/bin/env python3
"""Collects the shared scorers' results into one table, eval/last.json and a baseline check.

usage: evaltable.py --manifest FILE [--runs FILE] --last FILE --baseline FILE
                    [--check] [--update-baseline] [--accept-drop[=KEY,...]] [--tolerance POINTS] [--markdown]

Called by scripts/eval.sh; stdlib only. The manifest has one line per scorer output:

    task <TAB> dataset <TAB> kind <TAB> path

kind says how to read path: timex, ner, coref, quotes (the scorers' --json objects) or seed
(seed_check.py's text output, last line "seed: N/M checks pass"). The optional runs file has one
line per dateline run: dataset <TAB> docs in <TAB> docs out <TAB> MB <TAB> seconds <TAB> exit code.

Metrics are flat keys "task/dataset/metric" with numbers (percent, or a count for seed). Gated
metrics take part in --check: it fails when one is more than --tolerance points below the
baseline; a gated metric the baseline does not list yet (a new row) is noted, not failed. Accuracies over matched pairs (type accuracy, speaker accuracy) are reported but not
gated: they can fall when recall rises, and a raise-only baseline would then block progress.
Nor are the figures of a dataset that has a "-heldout" subset in the manifest (it was partly
used for training; the subset's figures are the gated ones).

--update-baseline raises each gated baseline figure to the current one (never lowers it) and
records info metrics as they are now; --accept-drop[=KEY,...] (with --update-baseline) writes the
current figures even where they are lower (all of them, or the keys given), for a deliberate
trade-off that the commit message explains.
Exit status: 0 ok, 1 --check found a drop, 2 bad input.
"""
import argparse
import json
import os
import sys

# kind -> [(metric, JSON path, gated)]. The JSON paths are the scorers' documented keys
# (see shared/eval/README.md).
SPECS = {
    'timex': [
        ('strict_f1', 'strict.f1', True),
        ('relaxed_f1', 'relaxed.f1', True),
        ('type_f1', 'type.f1', True),
        ('type_acc', 'type.accuracy', False),
        ('value_f1', 'value.f1', True),
    ],
    'ner': [
        ('typed_f1', 'typed.f1', True),
        ('relaxed_typed_f1', 'relaxed_typed.f1', True),
        ('untyped_f1', 'untyped.f1', False),
    ],
    'coref': [
        ('coref_b3_f1', 'bcubed.f1', True),
        ('coref_found', 'exact.found', False),
    ],
    'quotes': [
        ('overlap_f1', 'overlap.f1', True),
        ('exact_f1', 'exact.f1', True),
        ('cue_f1', 'cue.f1', True),
        ('speaker_acc', 'speaker.accuracy', False),
        ('e2e_f1', 'end_to_end.f1', True),
    ],
}


def die(msg):
    print('evaltable: ' + msg, file=sys.stderr)
    sys.exit(2)


def dig(obj, path):
    for part in path.split('.'):
        if not isinstance(obj, dict) or part not in obj:
            return None
        obj = obj[part]
    return obj


def read_seed(path):
    """Returns (passed, total) from seed_check.py's last line "seed: N/M checks pass"."""
    with open(path, encoding='utf-8') as f:
        lines = [l.strip() for l in f if l.strip()]
    for line in reversed(lines):
        if line.startswith('seed: ') and line.endswith(' checks pass'):
            n, m = line[len('seed: '):-len(' checks pass')].split('/')
            return int(n), int(m)
    die('%s: no "seed: N/M checks pass" line (did seed_check.py fail?)' % path)


def collect(manifest):
    """Returns metrics {key: value}, gated {key: bool} and warnings, in manifest order."""
    metrics, gated, warnings = {}, {}, []
    with open(manifest, encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f if l.strip()]
    for row in rows:
        if len(row) != 4:
            die('%s: want 4 tab-separated fields, got %r' % (manifest, row))
        task, dataset, kind, path = row
        prefix = '%s/%s/' % (task, dataset)
        if kind == 'seed':
            passed, total = read_seed(path)
            metrics[prefix + 'checks_passed'] = passed
            gated[prefix + 'checks_passed'] = True
            metrics[prefix + 'checks_total'] = total
            gated[prefix + 'checks_total'] = False
            continue
        if kind not in SPECS:
            die('%s: unknown kind %r' % (manifest, kind))
        try:
            with open(path, encoding='utf-8') as f:
                res = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            die('%s: %s' % (path, e))
        for name, jpath, gate in SPECS[kind]:
            v = dig(res, jpath)
            if not isinstance(v, (int, float)):
                die('%s: no number at %r (scorer output changed?)' % (path, jpath))
            metrics[prefix + name] = round(float(v), 2)
            gated[prefix + name] = gate
        miss = res.get('missing_system_docs') or 0
        if miss:
            warnings.append('%s%s: %d of %d gold documents missing from dateline output '
                            '(skipped inputs count as empty)' % (prefix, kind, miss, res.get('docs', 0)))
        bad = res.get('text_mismatch_docs') or []
        if bad:
            warnings.append('%s%s: %d documents with a text different from gold (offsets cannot '
                            'line up), e.g. %s' % (prefix, kind, len(bad), bad[0]))
    return metrics, gated, warnings


def fmt(v):
    if v is None:
        return '-'
    if isinstance(v, int):
        return str(v)
    return '%.2f' % v


def seen_sets(metrics):
    """Returns the "task/dataset" prefixes that have a -heldout subset: sets partly used for
    training, whose full-set figures say little and are therefore not gated."""
    out = set()
    for k in metrics:
        prefix = k.rsplit('/', 1)[0]
        if prefix.endswith('-heldout'):
            out.add(prefix[:-len('-heldout')])
    return out


def table(metrics, gated, baseline, tolerance, markdown=False):
    """Returns the table lines (aligned text or Markdown) and the keys that dropped beyond tolerance."""
    head = ('task', 'dataset', 'metric', 'score', 'baseline', 'delta', 'note')
    rows, drops = [], []
    seen = seen_sets(metrics)
    for key, v in metrics.items():
        task, dataset, metric = key.split('/', 2)
        b = baseline.get(key)
        delta = None if b is None else v - b
        note = ''
        if not gated[key]:
            note = 'info'
        elif b is None:
            note = 'new'
        elif delta < -tolerance:
            note = 'DROP'
            drops.append(key)
        elif delta > tolerance:
            note = 'up'
        if '%s/%s' % (task, dataset) in seen:
            note = (note + ' seen').strip()
        d = '-' if delta is None else ('%+.2f' % delta)
        rows.append((task, dataset, metric, fmt(v), fmt(b), d, note))
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    right = {3, 4, 5}

    def line(r):
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        return '  '.join(cells).rstrip()

    if markdown:
        out = ['| ' + ' | '.join(head) + ' |', '|---|---|---|---:|---:|---:|---|']
        out += ['| ' + ' | '.join(r) + ' |' for r in rows]
        out.append('')
    else:
        out = [line(head), line(tuple('-' * w for w in widths))]
        out += [line(r) for r in rows]
    out.append('note: info = reported, not gated; new = not in the baseline; up / DROP = more than %.1f '
               'points above / below it' % tolerance)
    if seen:
        out.append('      seen = partly used for training (eval/heldout/), so not gated; the -heldout rows are the fair figures')
    return out, drops


def unbaselined(metrics, gated, baseline):
    """Returns the gated metric keys that have no baseline figure (rows added since)."""
    return [k for k in metrics if gated[k] and k not in baseline]


def runs_lines(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for l in f:
            if not l.strip():
                continue
            ds, n_in, n_out, mb, secs, rc = l.rstrip('\n').split('\t')
            s = '  %-30s %5s docs in, %5s out, %6s MB, %6s s' % (ds, n_in, n_out, mb, secs)
            if rc != '0':
                s += ', exit %s (see the skipped inputs above)' % rc
            out.append(s)
    return out


def write_json(path, obj):
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write('\n')
    os.replace(tmp, path)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--manifest', required=True)
    ap.add_argument('--runs')
    ap.add_argument('--last', required=True)
    ap.add_argument('--baseline', required=True)
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--update-baseline', action='store_true')
    ap.add_argument('--accept-drop', nargs='?', const='*', default='',
                    help='with --update-baseline: lower these comma-separated keys (default: all) to now')
    ap.add_argument('--tolerance', type=float, default=0.5)
    ap.add_argument('--markdown', action='store_true', help='print the table as Markdown (for EVAL.md)')
    a = ap.parse_args(argv)
    if a.accept_drop and not a.update_baseline:
        die('--accept-drop needs --update-baseline')

    metrics, gated, warnings = collect(a.manifest)
    seen = seen_sets(metrics)
    for k in gated:
        if k.rsplit('/', 1)[0] in seen:
            gated[k] = False
    baseline = {}
    if os.path.exists(a.baseline):
        try:
            with open(a.baseline, encoding='utf-8') as f:
                baseline = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            die('%s: %s' % (a.baseline, e))
        if not isinstance(baseline, dict):
            die('%s: want a JSON object "task/dataset/metric" -> number' % a.baseline)

    lines, drops = table(metrics, gated, baseline, a.tolerance, a.markdown)
    print('\n'.join(lines))
    if a.runs and os.path.exists(a.runs):
        print('\ndateline runs:')
        print('\n'.join(runs_lines(a.runs)))
    for w in warnings:
        print('warning: ' + w)
    write_json(a.last, metrics)

    status = 0
    if a.check:
        if not baseline:
            print('\ncheck: no baseline at %s; run scripts/eval.sh --update-baseline' % a.baseline)
            status = 1
        elif drops:
            print('\ncheck: FAIL, %d gated metric(s) more than %.1f points below the baseline: %s'
                  % (len(drops), a.tolerance, ', '.join(drops)))
            status = 1
        else:
            print('\ncheck: ok, no gated metric more than %.1f points below %s'
                  % (a.tolerance, os.path.basename(a.baseline)))
        if baseline:
            missing = unbaselined(metrics, gated, baseline)
            if missing:
                # A row added since the baseline was written: nothing to compare with yet,
                # which is not a failure; --update-baseline records it.
                print('check: note: %d gated metric(s) not in the baseline yet, so not checked: %s'
                      % (len(missing), ', '.join(missing)))
    if a.update_baseline:
        new = dict(baseline)
        lowered = []
        for k, v in metrics.items():
            old = baseline.get(k)
            if not gated[k] or old is None or v >= old:
                new[k] = v
            elif a.accept_drop == '*' or k in a.accept_drop.split(','):
                new[k] = v
                lowered.append(k)
        write_json(a.baseline, new)
        msg = 'baseline: wrote %s' % a.baseline
        if lowered:
            msg += ' (lowered on purpose: %s)' % ', '.join(lowered)
        elif drops:
            msg += ' (kept the higher old figures for: %s)' % ', '.join(drops)
        print(msg)
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
