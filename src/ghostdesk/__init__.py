"""ghostdesk: order-status auto-responder for marketplace sellers.

The package is the domain: pure logic (parsing, triage, diagnosis, replies) plus thin adapters at the
edges (``ghostdesk.aws``, ``ghostdesk.orders``). Lambda handlers in ``functions/`` and the local stack in
``ghostdesk.local`` both call into it, so the same code runs in AWS and on a laptop.
"""

__version__ = "0.1.0"
