#!/usr/bin/env python3
"""Tests for evaltable.py: reading scorer reports, the drop check and the raise-only baseline.

usage: python3 scripts/evaltable_test.py   (stdlib unittest; run by .ci/run)
"""
import contextlib
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evaltable  # noqa: E402


def timex_report(strict, relaxed, type_acc=50.0, missing=0):
    return {'docs': 3, 'missing_system_docs': missing, 'text_mismatch_docs': [],
            'strict': {'f1': strict}, 'relaxed': {'f1': relaxed},
            'type': {'f1': relaxed * type_acc / 100, 'accuracy': type_acc},
            'value': {'f1': 1.0, 'accuracy': 2.0}}


class EvalTableTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.baseline = self.path('baseline.json')
        self.last = self.path('last.json')

    def path(self, name):
        return os.path.join(self.dir.name, name)

    def write(self, name, obj):
        with open(self.path(name), 'w', encoding='utf-8') as f:
            f.write(obj if isinstance(obj, str) else json.dumps(obj))
        return self.path(name)

    def run_table(self, report, seed_line='seed: 7/91 checks pass', *flags):
        """Writes a manifest for one timex report and the seed, runs main, returns (status, stdout)."""
        t = self.write('t.json', report)
        s = self.write('seed.txt', 'FAIL something\n' + seed_line + '\n')
        m = self.write('manifest.tsv', 'timex\tdev\ttimex\t%s\nseed\tart\tseed\t%s\n' % (t, s))
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = evaltable.main(['--manifest', m, '--last', self.last,
                                     '--baseline', self.baseline] + list(flags))
        return status, out.getvalue()

    def load(self, path):
        with open(path, encoding='utf-8') as f:
            return json.load(f)

    def test_last_json_is_a_flat_map(self):
        status, out = self.run_table(timex_report(10.0, 20.0))
        self.assertEqual(status, 0)
        last = self.load(self.last)
        self.assertEqual(last['timex/dev/strict_f1'], 10.0)
        self.assertEqual(last['timex/dev/relaxed_f1'], 20.0)
        self.assertEqual(last['seed/art/checks_passed'], 7)
        self.assertEqual(last['seed/art/checks_total'], 91)
        self.assertRegex(out, r'(?m)^timex +dev +strict_f1 +10\.00 +- +- +new$')

    def test_check(self):
        cases = [
            ('no baseline fails', None, 10.0, 1),
            ('equal passes', 10.0, 10.0, 0),
            ('within tolerance passes', 10.4, 10.0, 0),
            ('drop beyond tolerance fails', 10.6, 10.0, 1),
            ('rise passes', 5.0, 10.0, 0),
        ]
        for name, base, cur, want in cases:
            with self.subTest(name):
                if os.path.exists(self.baseline):
                    os.remove(self.baseline)
                if base is not None:
                    self.write('baseline.json', {'timex/dev/strict_f1': base})
                status, out = self.run_table(timex_report(cur, 20.0), 'seed: 7/91 checks pass', '--check')
                self.assertEqual(status, want, out)

    def test_info_metrics_are_not_gated(self):
        self.write('baseline.json', {'timex/dev/type_acc': 90.0})
        status, out = self.run_table(timex_report(10.0, 20.0, type_acc=10.0), 'seed: 7/91 checks pass', '--check')
        self.assertEqual(status, 0, out)

    def test_one_seed_check_less_fails(self):
        self.write('baseline.json', {'seed/art/checks_passed': 8})
        status, out = self.run_table(timex_report(10.0, 20.0), 'seed: 7/91 checks pass', '--check')
        self.assertEqual(status, 1)
        self.assertIn('seed/art/checks_passed', out)

    def test_update_baseline_raises_only(self):
        self.write('baseline.json', {'timex/dev/strict_f1': 30.0, 'timex/dev/relaxed_f1': 5.0,
                                     'other/set/metric': 1.0})
        status, _ = self.run_table(timex_report(10.0, 20.0), 'seed: 7/91 checks pass', '--update-baseline')
        self.assertEqual(status, 0)
        b = self.load(self.baseline)
        self.assertEqual(b['timex/dev/strict_f1'], 30.0)  # kept: higher than now
        self.assertEqual(b['timex/dev/relaxed_f1'], 20.0)  # raised
        self.assertEqual(b['other/set/metric'], 1.0)  # not measured this run: kept

    def test_accept_drop_lowers(self):
        self.write('baseline.json', {'timex/dev/strict_f1': 30.0})
        self.run_table(timex_report(10.0, 20.0), 'seed: 7/91 checks pass', '--update-baseline', '--accept-drop')
        self.assertEqual(self.load(self.baseline)['timex/dev/strict_f1'], 10.0)

    def test_accept_drop_of_named_keys_only(self):
        self.write('baseline.json', {'timex/dev/strict_f1': 30.0, 'timex/dev/relaxed_f1': 40.0})
        self.run_table(timex_report(10.0, 20.0), 'seed: 7/91 checks pass', '--update-baseline',
                       '--accept-drop=timex/dev/strict_f1')
        b = self.load(self.baseline)
        self.assertEqual(b['timex/dev/strict_f1'], 10.0)
        self.assertEqual(b['timex/dev/relaxed_f1'], 40.0)

    def test_missing_documents_warn(self):
        _, out = self.run_table(timex_report(10.0, 20.0, missing=2))
        self.assertIn('2 of 3 gold documents missing', out)

    def test_heldout_marks_the_full_set_seen(self):
        t = self.write('t.json', timex_report(10.0, 20.0))
        h = self.write('h.json', timex_report(5.0, 8.0))
        m = self.write('manifest.tsv', 'timex\tdev\ttimex\t%s\ntimex\tdev-heldout\ttimex\t%s\n' % (t, h))
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            evaltable.main(['--manifest', m, '--last', self.last, '--baseline', self.baseline])
        self.assertRegex(out.getvalue(), r'(?m)^timex +dev +strict_f1 .* info seen$')
        self.assertRegex(out.getvalue(), r'(?m)^timex +dev-heldout +strict_f1 .* new$')

    def test_seen_set_is_not_gated(self):
        self.write('baseline.json', {'timex/dev/strict_f1': 50.0, 'timex/dev-heldout/strict_f1': 5.0})
        t = self.write('t.json', timex_report(10.0, 20.0))
        h = self.write('h.json', timex_report(5.0, 8.0))
        m = self.write('manifest.tsv', 'timex\tdev\ttimex\t%s\ntimex\tdev-heldout\ttimex\t%s\n' % (t, h))
        with contextlib.redirect_stdout(io.StringIO()):
            status = evaltable.main(['--manifest', m, '--last', self.last, '--baseline', self.baseline, '--check'])
        self.assertEqual(status, 0)

    def test_new_row_without_baseline_is_a_note(self):
        """A row added since the baseline (timex/dev-annotated) passes --check with a note,
        while a drop on a baselined row still fails beside it."""
        t = self.write('t.json', timex_report(10.0, 20.0))
        a = self.write('a.json', timex_report(30.0, 40.0))
        m = self.write('manifest.tsv', 'timex\tdev\ttimex\t%s\ntimex\tdev-annotated\ttimex\t%s\n' % (t, a))
        cases = [
            ('only new keys missing', {'timex/dev/strict_f1': 10.0}, 0),
            ('drop beside a new row', {'timex/dev/strict_f1': 11.0}, 1),
        ]
        for name, base, want in cases:
            with self.subTest(name):
                self.write('baseline.json', base)
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    status = evaltable.main(['--manifest', m, '--last', self.last,
                                             '--baseline', self.baseline, '--check'])
                self.assertEqual(status, want, out.getvalue())
                self.assertRegex(out.getvalue(), r'(?m)^timex +dev-annotated +strict_f1 +30\.00 +- +- +new$')
                self.assertRegex(out.getvalue(), r'check: note: \d+ gated metric\(s\) not in the baseline yet.*'
                                 r'timex/dev-annotated/strict_f1')
                self.assertNotIn('timex/dev-annotated/type_acc', out.getvalue().split('check: note:')[1])

    def test_bad_input_exits_2(self):
        cases = [
            ('seed without count', timex_report(1.0, 2.0), 'Traceback ...'),
            ('report without a metric', {'docs': 1}, 'seed: 1/2 checks pass'),
        ]
        for name, report, seed in cases:
            with self.subTest(name), self.assertRaises(SystemExit) as cm, \
                    contextlib.redirect_stderr(io.StringIO()):
                self.run_table(report, seed)
            self.assertEqual(cm.exception.code, 2)


if __name__ == '__main__':
    unittest.main()
