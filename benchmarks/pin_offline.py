"""Offline search for one student's PIN (issue 19, item 3): what it costs with what a student can copy.

    python benchmarks/pin_offline.py [--quick] [--tries 200]

Measures Argon2id verifications per second on one core with Tessera's parameters (t=2, m=19 MiB), the
work of one guess. Then, per place a student might copy a PIN hash from:
- a plain hash (before this issue: the shared lab database, backups, batches): 10^4 tries for a 4-digit
  PIN, 10^6 for 6 digits -> seconds;
- a peppered hash (``tp1$``, app/people/pins.py) from a batch or a teacher's backup: each guess needs
  the PIN *and* the 256-bit school PIN key, which is never in the database, a batch or a backup and on
  a lab machine only the service account can read -> 2^256 * 10^4 tries: years printed as a power of 10;
- the lab database itself: the student's OS account cannot open it (tests/lab/test_two_accounts.py).
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.identity.pin_key import PinKeys, key_id  # noqa: E402
from app.people.pins import PREFIX, hash_pin, hash_secret, verify_pin, verify_secret  # noqa: E402

YEAR_S = 365.25 * 24 * 3600


class _Db:
    pin_keys: PinKeys | None = None


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="few tries (a rough figure, for development)")
    p.add_argument("--tries", type=int, default=200)
    a = p.parse_args()
    tries = 20 if a.quick else a.tries
    plain = hash_secret("4821")
    start = time.perf_counter()
    for i in range(tries):
        verify_secret(plain, f"{i:04d}")
    rate = tries / (time.perf_counter() - start)  # one process, one thread: one core

    db = _Db()
    key = bytes(range(32))
    db.pin_keys = PinKeys({key_id(key): key}, key_id(key))
    peppered = hash_pin(db, "4821")
    assert peppered.startswith(PREFIX) and verify_pin(db, peppered, "4821")
    inner = peppered.split("$", 2)[2]
    found_without_key = verify_secret(inner, "4821")  # even the right PIN does not match without the key

    log10_tries = 256 * math.log10(2) + 4  # every key times every 4-digit PIN
    out = {
        "machine": "argon2id t=2 m=19 MiB p=1, one core (this machine, shared with other work)",
        "tries_per_s_one_core": round(rate, 1),
        "plain_hash": {
            "pin_4_digits_worst_s": round(10**4 / rate, 1),
            "pin_6_digits_worst_s": round(10**6 / rate, 1),
            "pin_6_digits_worst_days": round(10**6 / rate / 86400, 2),
        },
        "peppered_hash_from_batch_or_backup": {
            "without_the_key": "impossible: 2^256 keys x 10^4 PINs",
            "log10_years_worst": round(log10_tries - math.log10(rate) - math.log10(YEAR_S), 1),
            "right_pin_checked_against_hash_without_key_matched": found_without_key,
        },
        "lab_database_or_key_file": "not readable by a student's OS account (the lab service owns them)",
        "bar_1_year_met": log10_tries - math.log10(rate) - math.log10(YEAR_S) >= 0 and not found_without_key,
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
