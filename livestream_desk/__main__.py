from livestream_desk.cli import main

raise SystemExit(main())
