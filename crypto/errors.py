"""Exceptions raised by the crypto layer."""


class CryptoError(Exception):
    """Base class for crypto failures."""


class UnwrapError(CryptoError):
    """Wrong key or tampered ciphertext: deliberately one opaque error."""


class WeakKdfParameters(CryptoError):
    """Key-derivation parameters below the project's floor."""


class KdfAboveCeiling(WeakKdfParameters):
    """Key-derivation parameters above what calibration ever chooses (an edited header)."""


class BadSignature(CryptoError):
    """A signature does not verify."""
