"""Dump the OpenAPI spec of the installed argilla-server, offline, to stdout or a file.

Usage: python dump-openapi.py [OUTPUT]   (run with the server venv's python)

Importing argilla_server creates its home folder, so ARGILLA_HOME_PATH points at a throwaway temp dir unless the
caller set it. Keys are sorted and the JSON is indented so the committed file diffs cleanly between versions.
"""

import atexit
import json
import os
import shutil
import sys
import tempfile

if "ARGILLA_HOME_PATH" not in os.environ:
    home = tempfile.mkdtemp(prefix="argilla-openapi-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    os.environ["ARGILLA_HOME_PATH"] = home
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from argilla_server._version import __version__  # noqa: E402
from argilla_server.api.routes import api_v1  # noqa: E402

spec = api_v1.openapi()
text = json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

if len(sys.argv) > 1:
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write(text)
    print(f"argilla-server {__version__}: wrote {sys.argv[1]}", file=sys.stderr)
else:
    sys.stdout.write(text)
