"""The organisation's archive on PostgreSQL: the second implementation of the storage interface.

A supervisor's vault (storage/vault.py, SQLCipher) and the archive (storage/pg/archive.py) offer
the same narrow interface to the bundle importer and the read paths: ``conn`` (a DB-API-like
connection taking SQLite-dialect SQL with ``?`` parameters), ``transaction()``, ``audit()``,
``lock_chain()`` and an audio store (``audio_store()``). The vault keeps audio as encrypted
chunk rows; the archive keeps it as age-encrypted, content-addressed object files.
psycopg is imported only here, so a laptop install never needs it.
"""
