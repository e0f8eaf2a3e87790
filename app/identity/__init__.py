"""Who wrote a change: Ed25519 keys (``ed25519``), this device's and the school's key files in the data
folder (``keys``), and the signed documents built from them: certificates, revocation lists, seals
(``docs``). Pure Python over PyNaCl, below the store, so the store can derive replica ids from a
device's key; the checks that use them live in ``app.trust``."""
