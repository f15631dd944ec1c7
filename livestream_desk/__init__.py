"""livestream_desk: a desktop app for rural sellers' livestream sales."""
__version__ = "0.1.0"
APP_NAME = "livestream_desk"
