"""The demo: a couple's year of training, written as real device files and imported.

routes      the roads and trails they use, drawn from waypoints (pure numpy)
motion      1 Hz samples of one person moving along a route (pure numpy)
fit_writer  those samples as a FIT file from his watch
gpx_writer  those samples as a GPX file from hers
chapters    the story, one function per chapter
load        load it once, or --reset and load it again: what `saathi demo` runs
"""
