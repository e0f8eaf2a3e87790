"""Trust in sync: who may write what.

A school key pair signs device certificates (``docs.py``); each device signs its own segments of
changes with its own key (``keys.py``, ``segment.py``); before anything is merged, ``gate.py``
checks the signature, the certificate and the revocation list, and ``policy.py`` (one table-driven
write policy: table x field x role ceiling x partition) says whether the change may be applied.
What fails is kept aside with its reason (``quarantine.py``), never applied and never lost.
Enrolment, approval and revocation go through the sync folder (``enrol.py``, ``folder.py``).
No Qt here: the command line, the sync agent and (later) the school server use the same code.
"""
