"""Ed25519 signing, in one place so the library behind it can be swapped.

PyNaCl (libsodium, 0.6 MB stripped) rather than ``cryptography`` (12 MB stripped): the Linux
bundle is held to 130 MB and sat at 126.7 MB, so ``cryptography`` did not fit without cutting Qt
parts a screen may need. Keys travel as base64 of their 32 raw bytes; a key's fingerprint is the
first 32 hex digits of the SHA-256 of the public key (what an IT admin types into policy).
"""

from __future__ import annotations

import base64
import hashlib

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def new_private() -> bytes:
    """32 random bytes: a new private key (seed)."""
    return bytes(SigningKey.generate())


def public_of(private: bytes) -> str:
    return b64(bytes(SigningKey(private).verify_key))


def sign(private: bytes, message: bytes) -> str:
    return b64(SigningKey(private).sign(message).signature)


def fingerprint(public: str) -> str:
    return hashlib.sha256(unb64(public)).hexdigest()[:32]


_VERIFIERS: dict[str, VerifyKey] = {}


def verify(public: str, message: bytes, signature: str) -> bool:
    """Whether ``signature`` is ``public``'s signature of ``message``; False for anything malformed."""
    try:
        key = _VERIFIERS.get(public)
        if key is None:
            key = _VERIFIERS[public] = VerifyKey(unb64(public))
        key.verify(message, unb64(signature))
        return True
    except (BadSignatureError, ValueError, TypeError):
        return False
