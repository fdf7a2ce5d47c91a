"""Inbound webhooks: messages from other channels and help-desk forms, signed, verified, taken in like mail.

:mod:`.signatures` checks Shopify's and ghostdesk's HMAC schemes, :mod:`.channels` reads which channels
exist and their keys, :mod:`.payload` reads the message, :mod:`.receive` puts them together and hands
the message to the ingest step. The agent API serves it as ``POST /webhooks/{channel}``.
"""
