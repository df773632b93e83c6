"""Signed, encrypted export bundles: keys and trust, export, verify, import, receipts, purge.

Modules: keys (identities and pinning), tables (generic discovery of interview data), collect
(rows and the share profile), container (ustar writer and strict reader), streams (threads and
atomic files), export, reader (hostile-input checks), importer (verify, merge, sequence),
receipts (acknowledgements and purge), redaction.

Layout of a bundle (see docs/bundle-format.md): an age file whose plaintext is an uncompressed
ustar archive holding, in this order, ``device.pub``, ``manifest.json``,
``manifest.json.minisig``, ``SHA256SUMS``, ``audio/<blob-id>.bin`` files, ``tables/<name>.jsonl``
files and ``audit/audit_log.jsonl``. The importer never extracts it: ``container`` is a strict
streaming parser.
"""
