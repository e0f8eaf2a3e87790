"""PyInstaller entry script: the bundle's executable runs Tessera's ``main``."""

from app.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
