"""The agent's desk: what an agent does with a reply draft (edit, approve, reject, no response needed),
each action checked, recorded in the append-only audit log, and safe to repeat.

- :mod:`ghostdesk.review.actions` — the actions, as plain functions of (draft ID, agent, dependencies)
- :mod:`ghostdesk.review.audit` — :class:`Actor` and :class:`AuditEntry`, what the audit log holds
- :mod:`ghostdesk.review.views` — the JSON an agent sees for a draft
- :mod:`ghostdesk.review.errors` — typed errors; the API maps them to HTTP statuses in one place
"""
