"""The Tessera lab service (issue 19): on a shared lab machine the data folder belongs to a service
account, not to the students. ``server`` serves signed-in sessions over a local socket, with the same
service-layer permission checks as the desktop; ``client`` gives the desktop app a ``Services``-shaped
proxy to it; ``calls`` is the allow-list of what a connection may ask; ``folder`` checks the data
folder's permissions. See docs/lab-privacy.md."""
