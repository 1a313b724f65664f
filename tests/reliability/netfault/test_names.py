#!/usr/bin/python3
"""The namespace names of the fault suite: short enough for interface names, distinct per build folder and run,
and the start-up clean-up removes only its own build folder's leftovers of runs that are gone."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import netfault  # noqa: E402

IFNAMSIZ = 16  # the kernel's limit, with the terminating NUL


class Names(unittest.TestCase):
    def test_interface_names_fit_for_every_pid(self):
        base = netfault.prefix_base("/work/build-x/app/vaulttray")
        for pid in (1, 4194304, 36 ** 5 - 1):  # the first pid, Linux's pid_max limit, the largest that fits
            prefix = base + netfault.base36(pid)
            self.assertLess(len(prefix + "-c0"), IFNAMSIZ, prefix)
            self.assertEqual(int(prefix[len(base):], 36), pid)

    def test_build_folders_and_runs_differ(self):
        a = netfault.prefix_base("/work/a/build/app/vaulttray")
        b = netfault.prefix_base("/work/b/build/app/vaulttray")
        self.assertNotEqual(a, b)
        self.assertEqual(a, netfault.prefix_base("/work/a/build/app/vaulttray"))
        self.assertNotEqual(a + netfault.base36(100), a + netfault.base36(101))

    def test_only_own_leftovers_of_runs_that_are_gone(self):
        base = netfault.prefix_base("/work/a/build/app/vaulttray")
        other = netfault.prefix_base("/work/b/build/app/vaulttray")
        dead, live = 4242, 777
        names = [f"{base}{netfault.base36(dead)}-client", f"{base}{netfault.base36(dead)}-server",
                 f"{base}{netfault.base36(live)}-client", f"{other}{netfault.base36(dead)}-client",
                 "vtnf-mid-client", f"{base}-client", f"{base}zz!-server", "unrelated"]
        stale = netfault.stale_prefixes(names, base, lambda pid: pid == live)
        self.assertEqual(stale, [base + netfault.base36(dead)])

    def test_nothing_is_stale_while_every_run_lives(self):
        base = netfault.prefix_base("/x/vaulttray")
        names = [f"{base}{netfault.base36(p)}-server" for p in (10, 20, 30)]
        self.assertEqual(netfault.stale_prefixes(names, base, lambda pid: True), [])


if __name__ == "__main__":
    unittest.main()
