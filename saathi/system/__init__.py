"""The site looking after itself: is the background worker alive?"""
