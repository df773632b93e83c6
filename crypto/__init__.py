"""Small, pure cryptographic building blocks: key derivation, key wrapping, signing.

Nothing here performs I/O beyond what it is handed. Errors are raised, never returned as
booleans, and a failure to unwrap is one opaque error so it cannot become an oracle.
"""
