"""Where the shared, public test material lives.

``tests/fixtures/shared`` is a verbatim copy of the project's public data folder (``../shared/data``:
SP-API models, Lambda event samples, the MIME torture corpus, reply-quoting fixtures, labelled
utterances), each folder with its SOURCES.txt and licence. It is vendored so that a fresh clone tests
the same material wherever it is checked out.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("GHOSTDESK_SHARED_DATA", REPO / "tests" / "fixtures" / "shared"))
