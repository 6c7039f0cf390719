"""The site looking after itself: is the background worker alive, and stored files
leave when their rows do (files.py)."""
