"""The data-key cipher on hostile input (``app/identity/datakeys.py``): any change to an encrypted
batch, its name, its epoch, or bytes that only look like one, is refused with SealBroken, never
opened and never another exception; keys sealed to one device open for that device only."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.identity import ed25519
from app.identity.datakeys import HEADER, SealBroken, decrypt, derive, encrypt, seal_to, unseal

KEY = derive(b"s" * 32, 1)
NAME = "chg-000000000001-000000000009-0191aaaa-0000-7000-8000-000000000001.jsonl.gz"


@given(st.binary(max_size=2000), st.data())
def test_any_altered_byte_is_refused(plain, data):
    blob = bytearray(encrypt(KEY, 1, NAME, plain))
    i = data.draw(st.integers(0, len(blob) - 1))
    blob[i] ^= data.draw(st.integers(1, 255))
    with pytest.raises(SealBroken):
        decrypt({1: KEY}, NAME, bytes(blob))


@given(st.binary(max_size=3000))
def test_bytes_that_are_not_an_encrypted_batch_are_refused(junk):
    with pytest.raises(SealBroken):
        decrypt({1: KEY}, NAME, junk)
    with pytest.raises(SealBroken):
        decrypt({1: KEY}, NAME, b"TSX1" + junk)


@given(st.binary(max_size=500))
def test_the_right_key_and_name_open_it_and_nothing_else(plain):
    blob = encrypt(KEY, 1, NAME, plain)
    assert decrypt({1: KEY}, NAME, blob) == plain
    with pytest.raises(SealBroken):  # moved under another name (a replay elsewhere)
        decrypt({1: KEY}, NAME.replace("000000009", "000000008"), blob)
    with pytest.raises(SealBroken):  # another school's key under the same epoch
        decrypt({1: derive(b"t" * 32, 1)}, NAME, blob)
    with pytest.raises(SealBroken, match="does not hold"):  # an epoch this computer has no key for
        decrypt({2: derive(b"s" * 32, 2)}, NAME, blob)
    assert len(blob) == len(plain) + HEADER.size + 16


def test_a_key_sealed_to_a_device_opens_for_that_device_only():
    a, b = ed25519.new_private(), ed25519.new_private()
    sealed = seal_to(ed25519.public_of(a), KEY)
    assert unseal(a, sealed) == KEY
    assert unseal(b, sealed) is None
    assert unseal(a, ed25519.b64(os.urandom(80))) is None
    assert derive(b"s" * 32, 1) != derive(b"s" * 32, 2) != derive(b"t" * 32, 2)
