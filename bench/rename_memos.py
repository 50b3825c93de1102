"""Rename the memo namespaces another checkout's code made in a store to this code's digest.

    PYTHONPATH=src python bench/rename_memos.py STORE OTHER_CHECKOUT/src/sitroom

Every memo namespace is keyed by a digest of all of sitroom's source (``code_digest``), so the
first build by changed code remakes every entry: at 2,000 articles the place-name variants
alone cost several hundred CPU s. To measure an add by a branch on a store built by main, this
renames each namespace made by the other checkout's code (its digest computed from that
folder, as ``code_digest`` does) to the namespace this code would use, keeping the other parts
of the namespace (the datasketch version, the pipeline version, the variants' inputs). Valid
only where no module that makes a memo's entries changed what it makes between the two codes;
otherwise build once (``sitroom build EMPTY_FILE --out STORE``) instead. For benchmarks only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import datasketch
import duckdb

from sitroom.annotate import PIPELINE_VERSION
from sitroom.fingerprint import code_digest, tree_digest
from sitroom.resolve.places import variants_depend_on
from sitroom.stored_memo import namespace


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    store, other = Path(sys.argv[1]), Path(sys.argv[2])
    old, new = tree_digest(other), code_digest()
    extras = [(), (datasketch.__version__,), (PIPELINE_VERSION,), (variants_depend_on(),),
              (variants_depend_on(), PIPELINE_VERSION)]
    con = duckdb.connect(str(store / "sitroom.duckdb"))
    try:
        found = con.execute("SELECT namespace, count(*) FROM memo GROUP BY 1").fetchall()
        for name_space, rows in found:
            name = name_space.split(":", 1)[0]
            for extra in extras:
                if namespace(name, old, *extra) == name_space:
                    target = namespace(name, new, *extra)
                    con.execute("UPDATE memo SET namespace = ? WHERE namespace = ?",
                                [target, name_space])
                    print(f"renamed {name_space} -> {target} ({rows} entries)")
                    break
            else:
                print(f"left {name_space} ({rows} entries): not made by that code")
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
