"""Encrypted storage: the vault folder, its SQLCipher database, migrations, blobs, audit log."""
