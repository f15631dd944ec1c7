from livestream_desk.cli import run

run()
