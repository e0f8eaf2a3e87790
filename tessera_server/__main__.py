from tessera_server.cli import main

raise SystemExit(main())
